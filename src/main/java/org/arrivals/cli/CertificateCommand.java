package org.arrivals.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arrivals.certificate.CertificateService;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "certificate",
        mixinStandardHelpOptions = true,
        description = {
            "A person's certificate of attendance as a PDF: their name, organization, the days they came, each session "
                    + "they attended with their time in the room (a missing exit counts to the session's end), the "
                    + "total hours, and a QR code a verifier checks offline against the event's key.",
            "In the person's language (their registration's Language column, else English) unless --language says.",
            "--verify TEXT checks what a certificate's QR code says. Exit 0 written (or genuine), 4 unknown person "
                    + "(or not genuine), 3 nothing attended, 2 not written."
        })
final class CertificateCommand extends StationCommand {
    @Parameters(
            paramLabel = "CODE",
            arity = "0..1",
            description = "The person: a code, a ticket barcode or a badge's QR text.")
    String code;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "The PDF to write.")
    Path out;

    @Option(names = "--language", paramLabel = "en|es|ar|fr", description = "The certificate's language.")
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

    @Option(names = "--verify", paramLabel = "TEXT", description = "Check a certificate's QR text instead.")
    String verify;

    @Option(
            names = "--json",
            description =
                    "With --verify: print {\"valid\",\"code\",\"name\",\"days\",\"sessions\",\"minutes\",\"minMinutes\"}.")
    boolean json;

    @Override
    int run(Station station) {
        if (verify != null) {
            return verify(station);
        }
        if (code == null || out == null) {
            throw new IllegalArgumentException("Give the person's CODE and --out FILE.pdf (or --verify TEXT).");
        }
        checkOptions(language, minMinutes);
        CertificateService.Issued r = station.certificates().one(CLI, code, out, language, minMinutes, template);
        return CertificatesCommand.report(r, "certificate", out(), err(), code);
    }

    private int verify(Station station) {
        var v = station.certificates().verify(verify);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("valid", v.isPresent());
            v.ifPresent(x -> {
                doc.put("code", x.claims().code());
                doc.put("name", x.attendee() == null ? null : x.attendee().legalName());
                doc.put("days", x.claims().days());
                doc.put("sessions", x.claims().sessions());
                doc.put("minutes", x.claims().minutes());
                doc.put("minMinutes", x.claims().minMinutes());
            });
            out().println(Json.write(doc));
        } else if (v.isEmpty()) {
            out().println("Not a genuine certificate of this event: the code was altered, forged or made for "
                    + "another event.");
        } else {
            var c = v.get().claims();
            out().printf(
                            "Genuine: %s%s attended on %s, %d sessions, %d minutes in session rooms%s.%n",
                            c.code(),
                            v.get().attendee() == null
                                    ? ""
                                    : " (" + v.get().attendee().legalName() + ")",
                            c.days(),
                            c.sessions(),
                            c.minutes(),
                            c.minMinutes() > 0 ? " (sessions of at least " + c.minMinutes() + " minutes)" : "");
        }
        return v.isPresent() ? 0 : 4;
    }

    static void checkOptions(String language, int minMinutes) {
        if (language != null && !CertificateService.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("--language is en, es, ar or fr, not '" + language + "'.");
        }
        if (minMinutes < 0 || minMinutes > 24 * 60) {
            throw new IllegalArgumentException("--min-minutes is a number of minutes from 0 to 1440.");
        }
    }
}
