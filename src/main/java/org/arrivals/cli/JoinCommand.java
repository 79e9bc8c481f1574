package org.arrivals.cli;

import org.arrivals.station.Station;
import org.arrivals.station.StationJoin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "join",
        mixinStandardHelpOptions = true,
        description = {
            "Join a hub with the set-up code it printed (arrivals hub add-station NAME --setup-code): the hub's address,"
                    + " its certificate (pinned: any other is refused), this station's name and token, and the"
                    + " event's badge key go into the event's encrypted data. From then on this station's id is that"
                    + " name. Works on a fresh station and on one that already has a roster (which it keeps).",
            "Exit 0 joined, 2 not a usable code (nothing changed)."
        })
final class JoinCommand extends StationCommand {
    @Parameters(
            paramLabel = "CODE",
            description = "The set-up code: one line starting ARRIVALS-SETUP:, or - to read it from standard input.")
    String code;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) throws java.io.IOException {
        String text = code;
        if ("-".equals(code)) {
            text = new java.io.BufferedReader(
                            new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        }
        StationJoin.Joined r = station.joining().join(CLI, text == null ? "" : text, root.station);
        if (json) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put(
                    "result",
                    r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            doc.put("station", r.station());
            doc.put("role", r.role());
            doc.put("hub", r.hubUrl());
            doc.put("fingerprint", r.fingerprint());
            doc.put("badgeKeyChanged", r.badgeKeyChanged());
            out().println(Json.write(doc));
        } else {
            out().println(sentence(r));
        }
        return r.outcome() == StationJoin.Outcome.JOINED ? 0 : ArrivalsCommand.NOTHING_DONE;
    }

    private String sentence(StationJoin.Joined r) {
        return switch (r.outcome()) {
            case JOINED ->
                "This station joined the hub at " + r.hubUrl() + " as " + r.station() + " (" + r.role()
                        + "); the hub's certificate " + r.fingerprint() + " is pinned."
                        + (r.badgeKeyChanged()
                                ? " It now issues badges with the event's key (badges it printed before still scan here)."
                                : "");
            case NOT_A_CODE -> "This is not a set-up code: a set-up code is one line starting ARRIVALS-SETUP:.";
            case DAMAGED -> "The set-up code is damaged: a character is missing or wrong. Copy or scan it again.";
            case NEWER_VERSION -> "The set-up code was made by a newer version of Arrivals: update this station first.";
            case UNSAFE_ADDRESS ->
                "The set-up code names the hub as " + r.hubUrl() + ", plain http to another machine: a station only"
                        + " talks to a hub on the network over https. Make the code again with --url https://HOST:PORT.";
            case OTHER_STATION ->
                "The set-up code is for the station " + r.station() + ", not " + root.station
                        + ": leave out --station (the station's id becomes " + r.station() + ").";
            case NOT_ALLOWED -> "Joining a hub needs the admin's authority.";
            // the command line joins without asking the hub (it may not be running yet)
            case HUB_UNREACHABLE -> "The hub at " + r.hubUrl() + " does not answer; nothing was changed.";
            case CERTIFICATE_REFUSED ->
                "The hub at " + r.hubUrl() + " showed a certificate other than the set-up code's; nothing was changed.";
            case TOKEN_REFUSED -> "The hub at " + r.hubUrl() + " refused the set-up code's token; nothing was changed.";
        };
    }
}
