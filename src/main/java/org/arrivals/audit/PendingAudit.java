package org.arrivals.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff actions taken while no event database could take them (a kiosk has it open), kept in
 * HOME/{@value #FILE} for the audit log of the next event this station opens. No personal data
 * goes there: actions, roles and times only.
 */
public final class PendingAudit {
    static final String FILE = "audit.pending";
    private static final Logger LOG = LoggerFactory.getLogger(PendingAudit.class);

    private PendingAudit() {}

    /** Notes one command-line action. */
    public static void note(Path home, String action, String detail) {
        String line = Instant.now() + "\t" + action.replaceAll("[\\t\\n]", " ") + "\t"
                + (detail == null ? "" : detail.replaceAll("[\\t\\n]", " ")) + "\n";
        try {
            Files.createDirectories(home);
            Files.writeString(
                    home.resolve(FILE),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot note the action for the audit log in " + home + ": " + e.getMessage(), e);
        }
    }

    /** Moves the noted actions into {@code log}, as the command line's, with the time they were taken. */
    public static void drainInto(Path home, AuditLog log) {
        Path pending = home.resolve(FILE);
        if (!Files.exists(pending)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pending, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 2 && !f[1].isBlank()) {
                    log.record(
                            AuditLog.CLI,
                            f[1],
                            null,
                            (f.length > 2 && !f[2].isBlank() ? f[2] + "; " : "") + "at " + f[0]);
                }
            }
            Files.delete(pending);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", pending, e.getMessage());
        }
    }
}
