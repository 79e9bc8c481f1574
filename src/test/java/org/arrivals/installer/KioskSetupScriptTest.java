package org.arrivals.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installer/kiosk/setup-kiosk.sh, run with --root so it writes into a folder instead of the
 * machine: the station settings it writes are valid, the session restarts Arrivals, CUPS keeps
 * no copies, and systemd accepts the unit where systemd-analyze and cage are installed.
 */
class KioskSetupScriptTest {
    @TempDir
    Path root;

    private record Run(int exit, String output) {}

    private Run setup(String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(List.of("bash", "installer/kiosk/setup-kiosk.sh", "--root", root.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aSelfServiceKioskStartsArrivalsAloneRestartsItAndKeepsNoPrintedBadges() throws Exception {
        Path tokenFile = Files.writeString(
                root.resolveSibling(root.getFileName() + ".token"), "t0k3n-abcdefghijklmnopqrstuvwxyz\n");
        Run r = setup(
                "--station",
                "self-2",
                "--printer",
                "lobby-zebra",
                "--hub-url",
                "https://hub.local:8480",
                "--hub-token-file",
                tokenFile.toString(),
                "--language",
                "es");
        assertThat(r.exit()).as(r.output()).isZero();
        Path data = root.resolve("home/arrivals-kiosk/.local/share/arrivals");
        StationSettings station = StationSettings.load(data);
        assertThat(station.id()).isEqualTo("self-2");
        assertThat(station.printer()).isEqualTo("lobby-zebra");
        assertThat(station.hubUrl()).isEqualTo("https://hub.local:8480");
        assertThat(station.hubToken()).isEqualTo("t0k3n-abcdefghijklmnopqrstuvwxyz");
        KioskSettings kiosk = KioskSettings.load(data);
        assertThat(kiosk.mode()).isEqualTo(KioskSettings.Mode.SELF);
        assertThat(kiosk.language()).isEqualTo("es");

        Path unit = root.resolve("etc/systemd/system/arrivals-kiosk.service");
        String text = Files.readString(unit);
        assertThat(text)
                .contains(
                        "User=arrivals-kiosk",
                        "Restart=always",
                        "ExecStart=/usr/bin/cage -- /usr/bin/arrivals kiosk --mode self",
                        "WantedBy=graphical.target");
        assertThat(Files.readString(root.resolve("etc/cups/cupsd.conf")))
                .contains("PreserveJobFiles No", "PreserveJobHistory No");

        if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) && Files.isExecutable(Path.of("/usr/bin/cage"))) {
            Process v = new ProcessBuilder("systemd-analyze", "verify", unit.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(v.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(v.exitValue()).as(out).isZero();
        }
    }

    @Test
    void noSecretOnTheCommandLineAndNoConsoleSwitching() throws Exception {
        Run onCommandLine = setup("--station", "self-5", "--hub-token", "t0k3n");
        assertThat(onCommandLine.exit()).isEqualTo(2);
        assertThat(onCommandLine.output()).contains("--hub-token-file");
        Path code = Files.writeString(
                root.resolveSibling(root.getFileName() + ".code"), "ARRIVALS-SETUP:ABCDEFGHIJKLMNOP\n");
        Run withCode = setup("--station", "self-5", "--setup-code-file", code.toString());
        assertThat(withCode.exit()).as(withCode.output()).isZero();
        Path data = root.resolve("home/arrivals-kiosk/.local/share/arrivals");
        assertThat(Files.readString(data.resolve("setup.code")).strip()).isEqualTo("ARRIVALS-SETUP:ABCDEFGHIJKLMNOP");
        assertThat(Files.readString(data.resolve("station.properties"))).doesNotContain("ARRIVALS-SETUP");
        assertThat(Files.readString(root.resolve("etc/systemd/system/arrivals-kiosk.service")))
                .doesNotContain("cage -s");
    }

    @Test
    void aMissingOrBadStationNameIsRefusedWithTheFix() throws Exception {
        Run none = setup("--printer", "p");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.output()).contains("Give the station a name with --station");
        Run bad = setup("--station", "desk 3; rm -rf /");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("--station: letters, digits, dot, dash, underscore.");
        assertThat(Files.exists(root.resolve("etc"))).isFalse();
    }

    @Test
    void aKeyFileOnRemovableMediaIsPassedToTheKioskAndNeverCopied() throws Exception {
        Run r = setup("--station", "self-3", "--key-file", "/media/usb/station.key");
        assertThat(r.exit()).as(r.output()).isZero();
        String unit = Files.readString(root.resolve("etc/systemd/system/arrivals-kiosk.service"));
        assertThat(unit)
                .contains(
                        "ExecStart=/usr/bin/cage -- /usr/bin/arrivals kiosk --mode self --key-file /media/usb/station.key");
        Run without = setup("--station", "self-4");
        assertThat(Files.readString(root.resolve("etc/systemd/system/arrivals-kiosk.service")))
                .as(without.output())
                .doesNotContain("--key-file");
        // the kiosk's CUPS privacy comes from the one script that also serves other stations
        assertThat(Files.readString(root.resolve("etc/cups/cupsd.conf"))
                        .lines()
                        .filter(l -> l.startsWith("PreserveJob")))
                .containsExactly("PreserveJobFiles No", "PreserveJobHistory No");
    }
}
