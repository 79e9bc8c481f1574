package org.arrivals.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.arrivals.certificate.CertificateService;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "certificates",
        mixinStandardHelpOptions = true,
        description = {
            "Certificates of attendance for everyone who came (checked in on some day, or entered a session): one "
                    + "PDF when --out ends in .pdf, else a PDF each (CODE.pdf) in the folder --out.",
            "Each in its person's language unless --language says. Exit 0 written, 2 not."
        })
final class CertificatesCommand extends StationCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE.pdf|DIR", description = "One PDF, or a folder.")
    Path out;

    @Option(names = "--language", paramLabel = "en|es|ar|fr", description = "Every certificate in this language.")
    String language;

    @Option(
            names = "--min-minutes",
            paramLabel = "N",
            defaultValue = "0",
            description = "List only sessions with at least N minutes in the room (default 0: every session entered).")
    int minMinutes;

    @Option(
            names = "--template",
            paramLabel = "T",
            defaultValue = "a4",
            description = "a4 (default), letter, or your own in kiosk-config/certificates/.")
    String template;

    @Override
    int run(Station station) {
        CertificateCommand.checkOptions(language, minMinutes);
        long t0 = System.nanoTime();
        CertificateService.Issued r = station.certificates().all(CLI, out, language, minMinutes, template);
        int exit = report(r, "certificates", out(), err(), null);
        if (exit == 0) {
            out().printf("(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        }
        return exit;
    }

    static int report(CertificateService.Issued r, String command, PrintWriter out, PrintWriter err, String code) {
        switch (r.outcome()) {
            case WRITTEN -> {
                out.println(
                        r.count() == 1 && code != null
                                ? "Wrote the certificate of " + code + " to " + r.file() + "."
                                : "Wrote " + r.count() + " certificates to " + r.file() + ".");
                return 0;
            }
            case NOT_FOUND -> {
                err.println("arrivals " + command + ": no attendee has the code " + code + ".");
                return 4;
            }
            case NOTHING_ATTENDED -> {
                err.println("arrivals " + command + ": " + code
                        + " has no check-in and no session: there is nothing to certify.");
                return 3;
            }
            case NO_FOLDER -> err.println("arrivals " + command + ": the folder for " + r.file() + " does not exist.");
            case BAD_TEMPLATE ->
                err.println("arrivals " + command + ": the certificate template cannot be read; 'arrivals check' "
                        + "says why.");
            case NOT_ALLOWED -> err.println("arrivals " + command + ": not allowed.");
            case FAILED -> err.println("arrivals " + command + ": the PDF could not be written; nothing was left.");
        }
        return ArrivalsCommand.NOTHING_DONE;
    }
}
