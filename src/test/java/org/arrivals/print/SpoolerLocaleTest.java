package org.arrivals.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A printer's state does not depend on the person's language: a JVM started under a Spanish and
 * under an Arabic locale reads a paused CUPS queue as PAUSED and a rejecting one as REJECTING,
 * while {@code lpstat} in that locale answers in Spanish ("no acepta peticiones", "está
 * deshabilitada"), words an English match would miss. ({@link SpoolerPrinter#run} asks CUPS in
 * the C locale.) {@code ./scripts/test} generates the locales; where they are missing this test
 * says so loudly, and on CI it fails instead.
 */
class SpoolerLocaleTest {
    static final List<String> LOCALES = List.of("es_ES.UTF-8", "ar_EG.UTF-8");
    static String queue;

    @BeforeAll
    static void spooler() throws Exception {
        CupsHost.requireScheduler("LOCALE PRINTER TESTS");
        String have = CupsHost.output("locale", "-a").toLowerCase(Locale.ROOT);
        for (String l : LOCALES) {
            if (!have.contains(l.toLowerCase(Locale.ROOT).replace("utf-8", "utf8"))) {
                CupsHost.unavailable(
                        "LOCALE PRINTER TESTS",
                        "the locale " + l + " is not generated here (package locales; locale-gen)");
            }
        }
        queue = "arrivals-locale-" + ProcessHandle.current().pid();
        if (CupsHost.run(
                        "lpadmin", "-p", queue, "-E", "-v", "socket://127.0.0.1:9", "-m", "drv:///sample.drv/zebra.ppd")
                != 0) {
            CupsHost.unavailable(
                    "LOCALE PRINTER TESTS", "lpadmin could not create a test queue (it needs root or lpadmin rights)");
        }
    }

    @AfterAll
    static void removeQueue() throws Exception {
        if (queue != null) {
            CupsHost.run("lpadmin", "-x", queue);
        }
    }

    @Test
    void aPausedQueueReadsAsPausedInSpanishAndArabic() throws Exception {
        CupsHost.run("cupsenable", queue);
        CupsHost.run("cupsaccept", queue);
        CupsHost.run("cupsdisable", queue);
        try {
            for (String locale : LOCALES) {
                Map<String, String> child = child(locale);
                assertThat(child.get("state")).as(locale + ": " + child).isEqualTo("PAUSED");
                if (locale.startsWith("es")) {
                    assertThat(child.get("locale")).startsWith("es");
                    assertThat(child.get("lpstat"))
                            .as("CUPS answers in Spanish here")
                            .contains("deshabilitada");
                    assertThat(child.get("lpstat")).doesNotContain("disabled");
                } else {
                    assertThat(child.get("locale")).startsWith("ar");
                }
            }
        } finally {
            CupsHost.run("cupsenable", queue);
        }
    }

    @Test
    void aRejectingQueueReadsAsRejectingInSpanishAndArabic() throws Exception {
        CupsHost.run("cupsenable", queue);
        CupsHost.run("cupsreject", queue);
        try {
            for (String locale : LOCALES) {
                Map<String, String> child = child(locale);
                assertThat(child.get("state")).as(locale + ": " + child).isEqualTo("REJECTING");
                if (locale.startsWith("es")) {
                    assertThat(child.get("lpstat"))
                            .as("CUPS answers in Spanish here")
                            .contains("no acepta peticiones");
                    assertThat(child.get("lpstat")).doesNotContain("not accepting");
                }
            }
        } finally {
            CupsHost.run("cupsaccept", queue);
        }
    }

    /** {@link PrinterStateChild} in a JVM whose language is {@code locale}, as a kiosk started in it would be. */
    private static Map<String, String> child(String locale) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current()
                        .info()
                        .command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString()),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                PrinterStateChild.class.getName(),
                queue));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
        pb.environment().put("LANG", locale);
        pb.environment().put("LC_ALL", locale);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        System.out.println("SpoolerLocaleTest " + locale + ": " + lines);
        return lines;
    }
}
