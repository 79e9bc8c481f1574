package org.arrivals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk set-up turns off CUPS's habit of keeping every printed badge (PreserveJobFiles). */
class CupsPrivacySetupTest {
    @TempDir
    Path dir;

    @Test
    void theKioskSetUpMakesCupsKeepNoPrintedBadge() throws Exception {
        Path conf = dir.resolve("cupsd.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "LogLevel warn",
                        "PreserveJobFiles Yes",
                        "  PreserveJobHistory On",
                        "MaxLogSize 0",
                        "<Location />",
                        "  Order allow,deny",
                        "</Location>",
                        ""));
        for (int run = 0; run < 2; run++) {
            ProcessBuilder pb = new ProcessBuilder("bash", "installer/kiosk/cups-privacy.sh").redirectErrorStream(true);
            pb.environment().put("CUPSD_CONF", conf.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
        List<String> lines = Files.readAllLines(conf);
        assertThat(lines.stream().filter(l -> l.strip().startsWith("PreserveJob")))
                .containsExactly("PreserveJobFiles No", "PreserveJobHistory No");
        assertThat(lines).contains("LogLevel warn", "MaxLogSize 0", "<Location />", "</Location>");
    }
}
