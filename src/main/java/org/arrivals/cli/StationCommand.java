package org.arrivals.cli;

import org.arrivals.station.Station;

/** A subcommand that works on the station's data: it opens the station, runs, and closes it. */
abstract class StationCommand extends HomeCommand {
    @Override
    public final Integer call() throws Exception {
        try (Station station = root.openStation(fallbackKey())) {
            int exit = run(station);
            if (audited()) {
                station.audit().record(org.arrivals.audit.AuditLog.CLI, action(), subject(), detail(exit));
            }
            return exit;
        }
    }

    /** True for commands that change something or hand data out; reads (search, stats...) are not audited. */
    boolean audited() {
        return true;
    }

    /** The command's name as typed, with its parents: "queue retry". */
    private String action() {
        String q = spec.qualifiedName(" ");
        return q.startsWith("arrivals ") ? q.substring("arrivals ".length()) : q;
    }

    /** What the command acted on: its positional arguments (attendee codes, job ids, file names). */
    private String subject() {
        var values = spec.positionalParameters().stream()
                .map(p -> java.util.Objects.toString((Object) p.getValue(), null))
                .filter(v -> v != null && !v.isBlank() && !v.equals("[]"))
                .toList();
        return values.isEmpty() ? null : String.join(" ", values);
    }

    /** The exit status and the options given (names only: an option's value may be a person's name). */
    private String detail(int exit) {
        var names = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName())
                .filter(n -> !n.equals("--home") && !n.equals("--key-file"))
                .distinct()
                .toList();
        return "exit " + exit + (names.isEmpty() ? "" : "; " + String.join(" ", names));
    }

    abstract int run(Station station) throws Exception;

    /** The station key to use when none was given (only the demo has one); null: ask. */
    String fallbackKey() {
        return null;
    }
}
