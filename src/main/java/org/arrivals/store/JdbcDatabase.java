package org.arrivals.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.ConnectionPoolDataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A database named by a JDBC URL, H2 or PostgreSQL, pooled and migrated from its own Flyway
 * location. The hub keeps everything here; its jOOQ code names tables and columns unquoted, so
 * the same statements run on both (H2 folds unquoted names to upper case, PostgreSQL to lower).
 */
public final class JdbcDatabase implements AutoCloseable {
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final SQLDialect dialect;

    private JdbcDatabase(JdbcConnectionPool pool, SQLDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.dsl = DSL.using(
                new DataSourceConnectionProvider(pool),
                dialect,
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    public static SQLDialect dialectOf(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException(
                "Unsupported database URL " + url + ": use jdbc:h2:... or jdbc:postgresql://HOST:PORT/DB.");
    }

    /** Opens a pool on {@code url} and brings the schema at {@code migrations} (a classpath folder) up to date. */
    public static JdbcDatabase open(String url, String user, String password, String migrations, int maxConnections) {
        SQLDialect dialect = dialectOf(url);
        ConnectionPoolDataSource source;
        if (dialect == SQLDialect.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "" : user);
            h2.setPassword(password == null ? "" : password);
            source = h2;
        } else {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(url);
            if (user != null) {
                pg.setUser(user);
            }
            if (password != null) {
                pg.setPassword(password);
            }
            source = pg;
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(maxConnections);
        try (Connection c = pool.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("Cannot open the database " + redact(url) + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:" + migrations)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException("Cannot prepare the database " + redact(url) + ": " + e.getMessage(), e);
        }
        return new JdbcDatabase(pool, dialect);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** True when a connection can be had and answers. */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
