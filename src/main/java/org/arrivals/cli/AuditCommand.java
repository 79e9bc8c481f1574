package org.arrivals.cli;

import java.util.List;
import java.util.Optional;
import org.arrivals.audit.AuditEntry;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "The station's audit log of staff actions, oldest first: when, which station, who (a role, or "
                    + "'cli' for the command line), what and on what.",
            "Exit 0 when the log is whole; 8 when an entry was changed or removed afterwards (named on standard error)."
        })
final class AuditCommand extends StationCommand {
    static final int TAMPERED = 8;

    @Option(
            names = "--json",
            description = "Print [{\"seq\",\"at\",\"station\",\"actor\",\"action\",\"subject\",\"detail\"}].")
    boolean json;

    @Override
    int run(Station station) {
        List<AuditEntry> all = station.audit().read(CLI);
        if (json) {
            out().println(Json.write(all.stream().map(AuditEntry::fields).toList()));
        } else {
            for (AuditEntry e : all) {
                out().printf(
                                "%d  %s  %s  %s  %s%s%s%n",
                                e.seq(),
                                e.at(),
                                e.stationId(),
                                e.actor(),
                                e.action(),
                                e.subject() == null ? "" : "  " + e.subject(),
                                e.detail() == null ? "" : "  (" + e.detail() + ")");
            }
        }
        Optional<Long> broken = station.audit().verify();
        if (broken.isPresent()) {
            err().println(
                            broken.get() < 0
                                    ? "The audit log was altered: the head recorded beside the database does not verify."
                                    : station.audit()
                                                    .cutTail()
                                                    .filter(broken.get()::equals)
                                                    .isPresent()
                                            ? "The audit log was altered: entries up to " + broken.get()
                                                    + " were recorded, and the log no longer reaches that entry (its end was cut)."
                                            : "The audit log was altered: entry " + broken.get()
                                                    + " does not follow from the ones before it.");
            return TAMPERED;
        }
        return 0;
    }
}
