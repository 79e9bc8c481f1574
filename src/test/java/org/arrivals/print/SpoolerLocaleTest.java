package org.arrivals.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
        String running = SpoolerPrinter.lpstat("-r");
        if (running == null || !running.contains("is running")) {
            unavailable("the CUPS scheduler is not running (lpstat -r: " + running + ")");
        }
        String have = output("locale", "-a").toLowerCase(Locale.ROOT);
        for (String l : LOCALES) {
            if (!have.contains(l.toLowerCase(Locale.ROOT).replace("utf-8", "utf8"))) {
                unavailable("the locale " + l + " is not generated here (package locales; locale-gen)");
            }
        }
        queue = "arrivals-locale-" + ProcessHandle.current().pid();
        if (run("lpadmin", "-p", queue, "-E", "-v", "socket://127.0.0.1:9", "-m", "drv:///sample.drv/zebra.ppd") != 0) {
            unavailable("lpadmin could not create a test queue (it needs root or lpadmin rights)");
        }
    }

    private static void unavailable(String why) {
        String message = "LOCALE PRINTER TESTS NOT RUN: " + why + ". Run ./scripts/test, which sets them up.";
        System.err.println(message);
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    @AfterAll
    static void removeQueue() throws Exception {
        if (queue != null) {
            run("lpadmin", "-x", queue);
        }
    }

    @Test
    void aPausedQueueReadsAsPausedInSpanishAndArabic() throws Exception {
        run("cupsenable", queue);
        run("cupsaccept", queue);
        run("cupsdisable", queue);
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
            run("cupsenable", queue);
        }
    }

    @Test
    void aRejectingQueueReadsAsRejectingInSpanishAndArabic() throws Exception {
        run("cupsenable", queue);
        run("cupsreject", queue);
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
            run("cupsaccept", queue);
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

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static String output(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }
}
