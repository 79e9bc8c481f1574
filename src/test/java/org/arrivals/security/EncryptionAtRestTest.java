package org.arrivals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.arrivals.audit.Actor;
import org.arrivals.cli.ArrivalsCommand;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.station.DataHome;
import org.arrivals.station.LogSetup;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.store.Store;
import org.arrivals.store.StoreException;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lost laptop shows no names: every file Arrivals writes in its data folder is unreadable without the key. */
class EncryptionAtRestTest {
    static final List<String> PERSONAL = List.of(
            "José",
            "Martínez",
            "jose@example.org",
            "Nguyễn",
            "محمد",
            "Łukasz",
            "Żółć",
            "Aung San",
            "አበበ",
            "Casa de Esperanza",
            "Boat People",
            "@example.org",
            "Zephyrine",
            "Quixote-Walkin",
            "walkin@example.net");

    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() {
        LogSetup.restoreDefault();
    }

    private int run(Path home, String... cmd) {
        List<String> args = new ArrayList<>(List.of("--home", home.toString(), "--config", "kiosk-config"));
        args.addAll(List.of(cmd));
        return ArrivalsCommand.run(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args.toArray(new String[0]));
    }

    @Test
    void noNameOrEmailIsReadableInAnyFileAfterAFullRun() throws Exception {
        Path home = dir.resolve("home");
        Path csv = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        long started = System.currentTimeMillis() - 2000;
        try (FakeZebraForCli zebra = new FakeZebraForCli()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            assertThat(run(home, "import", csv.toString())).isZero();
            assertThat(run(home, "checkin", "1001")).isZero();
            assertThat(run(home, "search", "nguyễn")).isZero();
            assertThat(run(
                            home,
                            "walkin",
                            "--first",
                            "Zephyrine",
                            "--last",
                            "Quixote-Walkin",
                            "--email",
                            "walkin@example.net"))
                    .isZero();
            assertThat(run(home, "edit", "1002", "--org", "Boat People SOS Houston"))
                    .isZero();
            assertThat(run(home, "print", "1001", "--printer", printer)).isZero();
            assertThat(run(home, "reprint", "1001", "--reason", "lost", "--printer", printer))
                    .isZero();
            assertThat(run(home, "undo", "1001")).isZero();
            assertThat(run(home, "export", "--out", dir.resolve("export.csv").toString()))
                    .isZero();
            assertThat(zebra.jobCount()).isEqualTo(2);
        }
        // the export (excepted: a person asked for it) does hold the names: the search is real
        assertThat(Files.readString(dir.resolve("export.csv"))).contains("José").contains("jose@example.org");

        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(home)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> all = Files.walk(tmp, 1)) {
            all.filter(Files::isRegularFile)
                    .filter(p -> modifiedAfter(p, started))
                    .forEach(files::add);
        }
        assertThat(files)
                .anyMatch(p -> p.getFileName().toString().equals("arrivals.mv.db"))
                .anyMatch(p -> p.getFileName().toString().equals("arrivals.log"));
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                String text = new String(bytes, cs);
                for (String personal : PERSONAL) {
                    assertThat(text)
                            .as(f + " must not hold " + personal + " (" + cs + ")")
                            .doesNotContain(personal);
                }
            }
        }
    }

    private static boolean modifiedAfter(Path p, long millis) {
        try {
            return Files.getLastModifiedTime(p).toMillis() >= millis && Files.isReadable(p);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aWrongKeyIsASentenceNotAStackTrace() throws Exception {
        Path home = dir.resolve("home");
        try (Station s = Station.open(
                home, "default", null, Clock.systemUTC(), null, StationKey.passphrase("correct horse battery"))) {
            s.roster().importDemo(Actor.cli(), 5, 1).report();
        }
        assertThatThrownBy(() -> Station.open(
                        home, "default", null, Clock.systemUTC(), null, StationKey.passphrase("wrong horse battery")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("The station key is wrong");
        StringWriter err = new StringWriter();
        int exit = ArrivalsCommand.run(
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), "--home", home.toString(), "stats");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("The station key is wrong").doesNotContain("at org.");
        try (Station s = Station.open(
                home, "default", null, Clock.systemUTC(), null, StationKey.passphrase("correct horse battery"))) {
            assertThat(s.attendees().all()).hasSize(5);
        }
    }

    @Test
    void theKeyComesFromAKeyFileTheEnvironmentOrAPromptAndNeverSilentlyFromNowhere() throws Exception {
        Path keyFile = dir.resolve("usb/station.key");
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "a passphrase on a stick\n");
        Path home = dir.resolve("home");
        StringWriter err = new StringWriter();
        assertThat(ArrivalsCommand.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err, true),
                        "--home",
                        home.toString(),
                        "--key-file",
                        keyFile.toString(),
                        "demo",
                        "--attendees",
                        "3"))
                .isZero();
        // the key file and the same passphrase typed are one key
        try (Station s = Station.open(
                home,
                "default",
                null,
                Clock.systemUTC(),
                null,
                StationKey.resolve(null, Map.of(), () -> "a passphrase on a stick".toCharArray()))) {
            assertThat(s.attendees().all()).hasSize(3);
        }
        assertThatThrownBy(() -> StationKey.resolve(null, Map.of(), () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--key-file")
                .hasMessageContaining("ARRIVALS_KEY");
        assertThatThrownBy(() -> StationKey.resolve(dir.resolve("no-such.key"), Map.of(), null))
                .hasMessageContaining("Cannot read the station key file");
        // ARRIVALS_KEY (set for the tests in pom.xml) does not open this station: it was made with the file
        StringWriter err2 = new StringWriter();
        assertThat(ArrivalsCommand.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err2, true),
                        "--home",
                        home.toString(),
                        "stats"))
                .isNotZero();
        assertThat(err2.toString()).contains("The station key is wrong");
    }

    @Test
    void anOldUnencryptedDatabaseIsRefusedThenEncryptedInPlace() throws Exception {
        Path home = dir.resolve("home");
        Path eventDir = DataHome.eventDirectory(home, "default");
        try (Store plain = Store.open(eventDir)) {
            plain.dsl().execute("create table legacy_probe(x varchar(40))");
            plain.dsl().execute("insert into legacy_probe values ('Zephyrine Legacy')");
        }
        assertThat(Files.readAllBytes(eventDir.resolve("arrivals.mv.db")))
                .asString(StandardCharsets.UTF_8)
                .contains("Zephyrine Legacy");
        StringWriter err = new StringWriter();
        assertThat(ArrivalsCommand.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err, true),
                        "--home",
                        home.toString(),
                        "stats"))
                .isNotZero();
        assertThat(err.toString()).contains("not encrypted").contains("arrivals encrypt");

        StringWriter out = new StringWriter();
        assertThat(ArrivalsCommand.run(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter()),
                        "--home",
                        home.toString(),
                        "encrypt"))
                .isZero();
        assertThat(out.toString()).contains("now encrypted");
        assertThat(Files.readAllBytes(eventDir.resolve("arrivals.mv.db")))
                .asString(StandardCharsets.UTF_8)
                .doesNotContain("Zephyrine Legacy");
        try (Station s = Station.open(home, "default", Clock.systemUTC())) {
            assertThat(s.attendees().all()).isEmpty();
        }
    }
}
