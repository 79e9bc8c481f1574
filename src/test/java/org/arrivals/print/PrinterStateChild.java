package org.arrivals.print;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Run in a JVM started under another language ({@code LANG}, {@code LC_ALL}): prints the JVM's
 * locale, what {@code lpstat} says in that language, and the printer state Arrivals reads, one per
 * line, for {@link SpoolerLocaleTest}.
 */
public final class PrinterStateChild {
    private PrinterStateChild() {}

    public static void main(String[] args) throws Exception {
        String queue = args[0];
        Process p = new ProcessBuilder("lpstat", "-a", queue, "-p", queue)
                .redirectErrorStream(true)
                .start(); // inherits the person's language, as a careless caller would
        String asSaid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.println("locale=" + Locale.getDefault().toLanguageTag());
        System.out.println("lpstat=" + asSaid.replace('\n', ' ').replace('\t', ' '));
        System.out.println("state=" + new SpoolerPrinter(queue).state().condition());
    }
}
