package org.arrivals.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.Role;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.session.Attendance;
import org.arrivals.session.SessionService;
import org.arrivals.store.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates of attendance, as the command line (and any face) asks for them: one person's, or
 * everyone's who attended, in one PDF or a PDF each in a folder. Each is in its person's language
 * (their registration's language column, else English) unless one is asked for, lists the days
 * they came and the sessions they attended with their time in the room, and carries a QR code a
 * verifier checks offline against the event's key ({@link CertificateToken}). Who may issue them
 * and the audit entry are here.
 */
public final class CertificateService {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateService.class);

    /** Certificates say where people went: issued like an export of the list. */
    static final Role ISSUE = Role.SUPERVISOR;

    /** The languages a certificate is written in. */
    public static final List<String> LANGUAGES = List.of("en", "es", "ar", "fr");

    /** What issuing did. */
    public record Issued(Outcome outcome, int count, Path file) {
        public enum Outcome {
            /** Written whole: {@link #file()} (a PDF, or the folder holding one per person). */
            WRITTEN,
            NOT_ALLOWED,
            /** No attendee has this code, barcode or badge token. */
            NOT_FOUND,
            /** The person has no check-in and no session: nothing to certify. */
            NOTHING_ATTENDED,
            /** The folder the file goes in does not exist. */
            NO_FOLDER,
            /** The certificate template cannot be read ({@code arrivals check} says why). */
            BAD_TEMPLATE,
            /** Writing failed (the disk is full); nothing was left half-written. */
            FAILED
        }

        static Issued of(Outcome o) {
            return new Issued(o, 0, null);
        }
    }

    /** A certificate's QR checked: its claims, and the person when this station knows them. */
    public record Verified(CertificateToken.Claims claims, Attendee attendee) {}

    private final AttendeeStore attendees;
    private final ScanResolver scans;
    private final SessionService sessions;
    private final CertificateToken tokens;
    private final AuditLog audit;
    private final Path configDir;
    private final Supplier<String> eventName;
    private final Clock clock;

    public CertificateService(
            AttendeeStore attendees,
            ScanResolver scans,
            SessionService sessions,
            CertificateToken tokens,
            AuditLog audit,
            Path configDir,
            Supplier<String> eventName,
            Clock clock) {
        this.attendees = attendees;
        this.scans = scans;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.configDir = configDir;
        this.eventName = eventName;
        this.clock = clock;
    }

    /**
     * One person's certificate as a PDF at {@code out}. {@code language} en, es, ar or fr (null:
     * the person's own); sessions with less than {@code minMinutes} in the room are left out.
     */
    public Issued one(Actor actor, String codeOrScan, Path out, String language, int minMinutes, String template) {
        if (!actor.may(ISSUE)) {
            return Issued.of(Issued.Outcome.NOT_ALLOWED);
        }
        ScanResolver.Result r = scans.resolve(codeOrScan);
        if (r.kind() != ScanResolver.Kind.FOUND) {
            return Issued.of(Issued.Outcome.NOT_FOUND);
        }
        Attendance att = sessions.attendance(r.attendee().code(), minMinutes);
        if (att.days().isEmpty()) {
            return Issued.of(Issued.Outcome.NOTHING_ATTENDED);
        }
        if (!folderExists(out)) {
            return Issued.of(Issued.Outcome.NO_FOLDER);
        }
        CertificateTemplate t;
        try {
            t = CertificateTemplates.named(template == null ? "a4" : template, configDir);
        } catch (IllegalArgumentException e) {
            return Issued.of(Issued.Outcome.BAD_TEMPLATE);
        }
        CertificateRenderer.Certificate c = certificate(r.attendee(), att, language, minMinutes);
        try {
            AtomicFile.write(out, os -> CertificateRenderer.write(t, List.of(c), os));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Certificate of attendee {} could not be written: {}",
                    r.attendee().id(),
                    e.toString());
            return Issued.of(Issued.Outcome.FAILED);
        }
        audit.record(
                actor.auditName(),
                "certificate",
                r.attendee().code(),
                att.sessions().size() + " sessions");
        return new Issued(Issued.Outcome.WRITTEN, 1, out);
    }

    /**
     * Everyone's certificate who attended (checked in on some day, or entered a session): in one
     * PDF when {@code out} ends in .pdf, else a PDF each ({@code CODE.pdf}) in the folder {@code
     * out} (made when missing), drawn on every core. {@code language} null: each person's own.
     */
    public Issued all(Actor actor, Path out, String language, int minMinutes, String template) {
        if (!actor.may(ISSUE)) {
            return Issued.of(Issued.Outcome.NOT_ALLOWED);
        }
        boolean onePdf = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        if (!folderExists(out)) {
            return Issued.of(Issued.Outcome.NO_FOLDER);
        }
        CertificateTemplate t;
        try {
            t = CertificateTemplates.named(template == null ? "a4" : template, configDir);
        } catch (IllegalArgumentException e) {
            return Issued.of(Issued.Outcome.BAD_TEMPLATE);
        }
        Map<String, Attendance> everyone = sessions.attendanceOfEveryone(minMinutes);
        List<CertificateRenderer.Certificate> certs = new ArrayList<>();
        for (Attendee a : attendees.all()) {
            Attendance att = everyone.get(a.code());
            if (att != null) {
                certs.add(certificate(a, att, language, minMinutes));
            }
        }
        try {
            if (onePdf) {
                AtomicFile.write(out, os -> CertificateRenderer.write(t, certs, os));
            } else {
                Files.createDirectories(out);
                writeEach(t, certs, out);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Certificates could not be written: {}", e.toString());
            return Issued.of(Issued.Outcome.FAILED);
        }
        audit.record(actor.auditName(), "certificates", out.getFileName().toString(), certs.size() + " people");
        LOG.info("Issued {} certificates of attendance", certs.size());
        return new Issued(Issued.Outcome.WRITTEN, certs.size(), out);
    }

    /** A PDF per person, on as many threads as there are cores: each is its own document. */
    private static void writeEach(CertificateTemplate t, List<CertificateRenderer.Certificate> certs, Path dir)
            throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "arrivals-certificates");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (CertificateRenderer.Certificate c : certs) {
                done.add(pool.submit(() -> {
                    AtomicFile.write(
                            dir.resolve(fileName(c.attendee().code())),
                            (OutputStream os) -> CertificateRenderer.write(t, List.of(c), os));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A person's file in a folder: their code, with what a file name may not hold replaced. */
    public static String fileName(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** Checks what a certificate's QR code says, offline, against this event's key. */
    public Optional<Verified> verify(String qrText) {
        return tokens.verify(qrText)
                .map(c -> new Verified(c, attendees.findByCode(c.code()).orElse(null)));
    }

    private CertificateRenderer.Certificate certificate(Attendee a, Attendance att, String language, int minMinutes) {
        Locale lang = Locale.forLanguageTag(language != null ? language : languageOf(a));
        String token = tokens.issue(new CertificateToken.Claims(
                a.code(), att.days(), att.sessions().size(), att.totalMinutes(), Math.max(0, minMinutes)));
        return new CertificateRenderer.Certificate(
                a, att, eventName.get(), lang, LocalDate.now(clock.withZone(sessions.zone())), minMinutes, token);
    }

    /** The person's language from their registration (a column such as "Language": en, Español, arabic...), else English. */
    public static String languageOf(Attendee a) {
        for (var e : a.extra().entrySet()) {
            String header = e.getKey().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (header.equals("language")
                    || header.equals("lang")
                    || header.equals("preferredlanguage")
                    || header.equals("idioma")
                    || header.equals("langue")) {
                String v = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
                if (v.startsWith("es") || v.startsWith("span")) {
                    return "es";
                }
                if (v.startsWith("ar") || v.startsWith("العربية") || v.startsWith("عرب")) {
                    return "ar";
                }
                if (v.startsWith("fr")) {
                    return "fr";
                }
                return "en";
            }
        }
        return "en";
    }

    private static boolean folderExists(Path out) {
        Path folder = out.toAbsolutePath().getParent();
        return folder != null && Files.isDirectory(folder);
    }
}
