package org.arrivals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a database whose schema is current skips Flyway; anything else still goes through it. */
class MigrationsTest {
    @TempDir
    Path dir;

    private Connection connect() throws Exception {
        return DriverManager.getConnection(Store.jdbcUrl(dir), "arrivals", "");
    }

    @Test
    void aNewDatabaseIsNotCurrentAndIsOnceFlywayHasMigratedIt() throws Exception {
        try (Store s = Store.open(dir)) {
            // migrated by Flyway
        }
        try (Connection c = connect()) {
            assertThat(Migrations.current(c)).isTrue();
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (Connection c = DriverManager.getConnection(Store.jdbcUrl(empty), "arrivals", "")) {
            assertThat(Migrations.current(c)).isFalse();
        }
    }

    @Test
    void aFailedOrMissingMigrationLeavesTheDecisionToFlyway() throws Exception {
        try (Store s = Store.open(dir)) {
            // migrated by Flyway
        }
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
            assertThat(Migrations.current(c)).isFalse();
            st.execute("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE WHERE \"version\" = '1'");
            assertThat(Migrations.current(c)).isTrue();
            st.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '2'");
            assertThat(Migrations.current(c)).isFalse();
        }
    }

    @Test
    void aCurrentDatabaseOpensAgainWithItsData() throws Exception {
        try (Store s = Store.open(dir)) {
            s.dsl().execute("UPDATE sync_state SET event_cursor = 42");
        }
        try (Connection c = connect()) {
            assertThat(Migrations.current(c)).isTrue();
        }
        try (Store s = Store.open(dir)) {
            assertThat(s.dsl().fetchValue("SELECT event_cursor FROM sync_state"))
                    .isEqualTo(42L);
        }
    }

    @Test
    void versionsCompareAsFlywayReadsThem() {
        assertThat(Migrations.numbers("01")).isEqualTo(List.of(BigInteger.ONE));
        assertThat(Migrations.numbers("1.0")).isEqualTo(Migrations.numbers("1"));
        assertThat(Migrations.numbers("2_1")).isEqualTo(Migrations.numbers("2.1"));
    }

    @Test
    void everyMigrationFileIsOneThisCheckReads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .isNotEmpty()
                    .allMatch(name -> name.matches("V[0-9][0-9_.]*__.+\\.sql"));
        }
    }
}
