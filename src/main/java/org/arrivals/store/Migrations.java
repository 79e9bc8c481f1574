package org.arrivals.store;

import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells, without Flyway, whether a database already has every migration this build carries: the
 * versions of the {@code V<version>__<name>.sql} files under {@code db/migration}, against the
 * successful rows of Flyway's own history table. When it has, opening the database skips Flyway,
 * which otherwise loads some 600 classes, reads and checksums every migration and validates them on
 * every start (half a second of a kiosk's start). Anything else (a new database, a migration not
 * applied, a failed one, a repeatable or Java migration, a migration folder this cannot list)
 * leaves the decision to Flyway, as before.
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

    /** The versions this build carries, each as its numbers; null when they cannot all be listed. */
    private static volatile List<List<BigInteger>> bundled;

    private static volatile boolean listed;

    private Migrations() {}

    /** True when every bundled migration has been applied successfully and none failed. */
    static boolean current(Connection c) {
        List<List<BigInteger>> carried = bundled();
        if (carried == null || carried.isEmpty()) {
            return false;
        }
        Set<List<BigInteger>> applied = new TreeSet<>(Migrations::compare);
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return false; // a failed migration: Flyway says what to do
                }
                if (version != null) {
                    applied.add(numbers(version));
                }
            }
        } catch (SQLException | NumberFormatException e) {
            return false; // no history yet (a new database), or one this does not read
        }
        return applied.containsAll(carried);
    }

    private static List<List<BigInteger>> bundled() {
        if (!listed) {
            synchronized (Migrations.class) {
                if (!listed) {
                    bundled = list();
                    listed = true;
                }
            }
        }
        return bundled;
    }

    /** Every versioned migration on the class path, as Flyway's {@code classpath:db/migration} finds them. */
    private static List<List<BigInteger>> list() {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = Migrations.class.getClassLoader().getResources(LOCATION);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.forEach(f -> names.add(f.getFileName().toString()));
                    }
                } else if (root.getProtocol().equals("jar")) {
                    JarURLConnection jar = (JarURLConnection) root.openConnection();
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        Enumeration<JarEntry> entries = file.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(LOCATION + "/") && name.indexOf('/', LOCATION.length() + 1) < 0) {
                                names.add(name.substring(LOCATION.length() + 1));
                            }
                        }
                    }
                } else {
                    return null;
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        List<List<BigInteger>> versions = new ArrayList<>();
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            Matcher m = VERSIONED.matcher(name);
            if (!m.matches()) {
                return null; // a repeatable, undo or Java migration, or a file Flyway would complain of
            }
            versions.add(numbers(m.group(1)));
        }
        return versions;
    }

    /** A Flyway version ("1", "1.2", "1_2", "01") as its numbers, trailing zeros dropped ("1.0" is "1"). */
    static List<BigInteger> numbers(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : version.replace('_', '.').split("\\.")) {
            parts.add(new BigInteger(p));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
