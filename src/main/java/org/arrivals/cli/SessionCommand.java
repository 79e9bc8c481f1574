package org.arrivals.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arrivals.session.ScanResult;
import org.arrivals.session.SessionService;
import org.arrivals.station.Station;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = "One session's door: 'arrivals session scan SESSION CODE_OR_SCAN [--exit]'.",
        subcommands = {SessionCommand.Scan.class})
final class SessionCommand extends HomeCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    @Command(
            name = "scan",
            mixinStandardHelpOptions = true,
            description = {
                "A scan at a session's door: an entry (which leaves the session the person was in), or with --exit "
                        + "an exit. A full room refuses entry; someone not checked in at registration today is let "
                        + "in and recorded so.",
                "Prints {\"result\":\"in|out|already|full|unknown|invalid\",\"session\",\"inside\",\"capacity\",\"code\","
                        + "\"name\"} with --json (already: inside already at an entrance, or not inside at an exit).",
                "Exit 0: in or out. 3: already. 4: unknown or invalid code. 5: full. 2: no such session."
            })
    static final class Scan implements Callable<Integer> {
        @CommandLine.ParentCommand
        SessionCommand session;

        @Parameters(index = "0", paramLabel = "SESSION")
        String sessionId;

        @Parameters(index = "1", paramLabel = "CODE_OR_SCAN")
        String scanned;

        @Option(names = "--exit", description = "This is an exit door.")
        boolean exit;

        @Option(
                names = "--at",
                paramLabel = "TIME",
                description = "Record the scan at this past time (from a door's paper list), on the admin's authority: "
                        + "2019-10-21T09:00:00Z, 2019-10-21T09:00:00-04:00, or 2019-10-21T09:00 in the event's time "
                        + "zone. Scans are folded in the order they are recorded.")
        String at;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Station station = session.root.openStation()) {
                java.time.Instant when =
                        at == null ? null : Times.instant(at, station.sessions().zone());
                ScanResult r = station.sessions()
                        .scan(
                                StationCommand.CLI,
                                sessionId,
                                scanned,
                                exit ? SessionService.Door.EXIT : SessionService.Door.ENTRANCE,
                                false,
                                when);
                return print(r, station.checkIns().resolve(scanned).cleaned());
            }
        }

        private int print(ScanResult r, String code) {
            if (r.outcome() == ScanResult.Outcome.NO_SUCH_SESSION) {
                session.err()
                        .println("arrivals session scan: no session of the schedule has the id " + sessionId
                                + " ('arrivals sessions' lists them).");
                return ArrivalsCommand.NOTHING_DONE;
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("result", result(r.outcome()));
                doc.put("session", r.session().id());
                doc.put("inside", r.inside());
                doc.put("capacity", r.session().capacity());
                doc.put("code", r.attendee() != null ? r.attendee().code() : code);
                doc.put("name", r.attendee() != null ? r.attendee().displayName() : null);
                session.out().println(Json.write(doc));
            } else {
                session.out().println(sentence(r, code));
            }
            return switch (r.outcome()) {
                case IN, OUT -> 0;
                case ALREADY_INSIDE, NOT_INSIDE -> 3;
                case UNKNOWN, INVALID -> 4;
                case FULL, NOT_ALLOWED -> 5;
                case NO_SUCH_SESSION, IN_THE_FUTURE -> ArrivalsCommand.NOTHING_DONE;
            };
        }

        private static String result(ScanResult.Outcome o) {
            return switch (o) {
                case IN -> "in";
                case OUT -> "out";
                case ALREADY_INSIDE, NOT_INSIDE -> "already";
                case FULL -> "full";
                case UNKNOWN -> "unknown";
                case INVALID -> "invalid";
                case NOT_ALLOWED -> "not-allowed";
                case NO_SUCH_SESSION -> "no-such-session";
                case IN_THE_FUTURE -> "in-the-future";
            };
        }

        private static String sentence(ScanResult r, String code) {
            String who = r.attendee() == null
                    ? code
                    : r.attendee().displayName() + " (" + r.attendee().code() + ")";
            String count = r.session().limited()
                    ? r.inside() + " of " + r.session().capacity() + " inside"
                    : r.inside() + " inside";
            return switch (r.outcome()) {
                case IN ->
                    who + " entered " + r.session().id() + " (" + count + ")."
                            + (r.left() != null ? " They left " + r.left().id() + "." : "")
                            + (r.checkedInToday()
                                    ? ""
                                    : " They have not checked in at registration today: the entry is recorded; "
                                            + "send them to the desk.");
                case OUT -> who + " left " + r.session().id() + " (" + count + ").";
                case ALREADY_INSIDE -> who + " is inside " + r.session().id() + " already. Nothing was recorded.";
                case NOT_INSIDE -> who + " is not inside " + r.session().id() + ". Nothing was recorded.";
                case FULL ->
                    r.session().id() + " is full (" + count + "): " + who
                            + " was not let in. A supervisor may let them in at the door.";
                case UNKNOWN -> "No attendee has the code " + code + ".";
                case INVALID -> "This badge code is not valid: it was altered, forged or made for another event.";
                case NOT_ALLOWED -> "This needs the " + r.needs().id() + "'s authority. Nothing was recorded.";
                case NO_SUCH_SESSION -> "No such session.";
                case IN_THE_FUTURE -> "--at is a time still to come; give a past time. Nothing was recorded.";
            };
        }
    }
}
