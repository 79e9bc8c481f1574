package org.arrivals.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {
    @TempDir
    Path dir;

    private List<String> check(String station) throws Exception {
        Files.writeString(dir.resolve("station.properties"), station);
        return ConfigCheck.run(dir, Path.of("kiosk-config")).stream()
                .map(Object::toString)
                .toList();
    }

    @Test
    void theShippedSamplesPass() throws Exception {
        Path sample = Path.of("kiosk-config/station.sample.properties");
        List<ConfigCheck.Finding> findings;
        Files.copy(sample, dir.resolve("station.properties"));
        StaffPin.set(dir, "123456");
        findings = ConfigCheck.run(dir, Path.of("kiosk-config"));
        assertThat(findings)
                .filteredOn(f -> f.severity() == ConfigCheck.Severity.ERROR)
                .isEmpty();
        assertThat(findings).filteredOn(f -> f.file().endsWith(".json")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(findings).anyMatch(f -> f.file().endsWith("logback.xml") && f.severity() == ConfigCheck.Severity.OK);
    }

    @Test
    void eachMistakeNamesTheFileTheSettingAndTheFix() throws Exception {
        List<String> out = check("""
                station.id=desk-1
                kiosk.mode=kiosk
                kiosk.idle.secs=30
                printer=zebra://printer:port
                hub.url=hub.local:8480
                badge.template=thermal-3x4
                event.timezone=Mars/Olympus
                """);
        String file = dir.resolve("station.properties").toString();
        assertThat(out)
                .contains("ERROR  " + file + ": kiosk.mode = 'kiosk' is not valid. Use desk, self, staff or door.");
        assertThat(out)
                .anyMatch(l -> l.startsWith(
                        "ERROR  " + file + ": event.timezone = 'Mars/Olympus' is not a time zone. Use a name"));
        assertThat(out).anyMatch(l -> l.startsWith("WARNING  " + file + ": 'kiosk.idle.secs' is not a setting"));
        assertThat(out)
                .anyMatch(l ->
                        l.startsWith("ERROR  " + file + ": printer = 'zebra://printer:port' is not a Zebra address"));
        assertThat(out)
                .anyMatch(l -> l.startsWith("ERROR  " + file + ": hub.url = 'hub.local:8480' is not a web address"));
        assertThat(out).anyMatch(l -> l.contains("no staff PIN is set"));
    }

    @Test
    void aBrokenLoggingFileNamesItsLine() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(
                config.resolve("logback.xml"), "<configuration>\n  <root level=\"INFO\">\n</configuration>\n");
        assertThat(ConfigCheck.run(dir, config))
                .anyMatch(f -> f.severity() == ConfigCheck.Severity.ERROR
                        && f.message().startsWith("line 3"));
    }
}
