package org.arrivals.rehearse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.CheckInService;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintListener;
import org.arrivals.print.PrintOutcome;
import org.arrivals.search.SearchHit;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.station.StationJoin;
import org.arrivals.sync.protocol.EventKind;

/**
 * One station of a rehearsal, in its own process: its own encrypted data folder (ARRIVALS_KEY),
 * joined to the hub by a set-up code, with the real services of the kiosk running headless (sync
 * and the print worker started as the kiosk starts them). It reads one command a line on standard
 * input and answers one JSON line starting {@code @@ }; anything else it prints (logs) is not an
 * answer.
 *
 * <p>Commands (tab-separated): {@code scan ID CODE}, {@code search ID QUERY CODE}, {@code reprint ID
 * CODE} (on a supervisor's authority, as after the PIN), {@code walkin ID FIRST LAST}, {@code edit ID
 * CODE LAST} (a volunteer corrects a misspelt family name), {@code person ID CODE}, {@code resolve ID
 * TOKEN}, {@code status ID}, {@code sync ID}, {@code stuck ID} (badge jobs waiting for a person),
 * {@code retry ID JOB}, {@code cancel ID JOB}, {@code quit}. Unasked, it says {@code printed} for each
 * badge its print worker handed over, and {@code seen} the first time it knows of a person's check-in
 * (here or pulled from the hub), with the time.
 *
 * <p>Arguments: HOME SETUP-CODE PRINTER (a CUPS queue, or zebra://127.0.0.1:PORT) desk|kiosk. System
 * properties: {@code rehearsal.clockOffsetSeconds} runs the station's clock that far off the
 * machine's; {@code rehearsal.polling=true} turns the long-poll off (the poll every few seconds only).
 */
public final class StationAgent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrintStream out;

    private StationAgent() {}

    public static void main(String[] args) throws Exception {
        out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path home = Path.of(args[0]);
        String code = args[1];
        String printer = args[2];
        Actor actor = "kiosk".equals(args[3]) ? Actor.selfService() : Actor.desk();
        // a station whose clock is off: everything it stamps (check-ins, its hybrid clock) reads this clock
        Clock clock =
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(Long.getLong("rehearsal.clockOffsetSeconds", 0)));
        Files.createDirectories(home);
        Path joinedMark = home.resolve("rehearsal-joined");
        if (!Files.exists(joinedMark)) {
            StationFile.set(home, Map.of("printer", printer));
            try (Station s = Station.open(home, "default", clock)) {
                StationJoin.Joined j = s.joining().join(Actor.cli(), code, null);
                if (j.outcome() != StationJoin.Outcome.JOINED) {
                    answer(Map.of("error", "join " + j.outcome()));
                    System.exit(2);
                }
            }
            Files.writeString(joinedMark, "joined\n");
        }
        Station station = Station.open(home, "default", clock);
        Set<Long> handedOver = ConcurrentHashMap.newKeySet();
        station.printing().addListener(new PrintListener() {
            @Override
            public void jobChanged(PrintJob job) {
                // DONE: the printer or spooler has it; SENT: a stopped CUPS queue holds it
                if (job.state().handedOver() && handedOver.add(job.id())) {
                    answer(Map.of(
                            "printed",
                            job.attendeeCode(),
                            "reprint",
                            job.reprintReason() != null,
                            "held",
                            job.state() == PrintJob.State.SENT,
                            "t",
                            System.currentTimeMillis()));
                }
            }
        });
        Set<String> seen = ConcurrentHashMap.newKeySet();
        station.checkIns().addListener(arrival -> {
            if (arrival.checkedIn() && seen.add(arrival.attendeeCode())) {
                answer(Map.of("seen", arrival.attendeeCode(), "t", System.currentTimeMillis()));
            }
        });
        for (String known : station.arrivals().arrivedCodes()) {
            seen.add(known);
        }
        station.printing().start();
        if (Boolean.getBoolean("rehearsal.polling")) {
            station.sync().longPoll(Duration.ZERO);
        }
        station.sync().start();
        station.lookup().warm();
        answer(Map.of("ready", station.stationId()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split("\t");
            if (f[0].equals("quit")) {
                break;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", f[1]);
            try {
                switch (f[0]) {
                    case "scan" -> checkIn(a, station.checkIns().checkInAndPrint(actor, f[2]));
                    case "search" -> {
                        List<SearchHit> hits = station.lookup().search(f[2], 10);
                        String found = hits.stream()
                                .map(h -> h.attendee().code())
                                .filter(f[3]::equals)
                                .findFirst()
                                .orElse(null);
                        a.put("found", found != null);
                        if (found != null) {
                            checkIn(a, station.checkIns().checkInAndPrint(actor, found));
                        }
                    }
                    case "reprint" -> {
                        PrintOutcome p = station.printing().reprint(actor.as(Role.SUPERVISOR), f[2], "lost");
                        a.put("badge", p.result().name());
                    }
                    case "walkin" -> {
                        CheckInService.WalkInResult w = station.checkIns()
                                .walkIn(actor, new WalkIn(f[2], f[3], null, null, null, null, null, null), true);
                        a.put("walkin", w.outcome().name());
                        if (w.attendee() != null) {
                            a.put("code", w.attendee().code());
                        }
                        if (w.checkIn() != null) {
                            checkIn(a, w.checkIn());
                        }
                    }
                    case "edit" -> {
                        var e = station.checkIns().edit(actor, f[2], Map.of(AttendeeField.LAST, f[3]));
                        a.put("edit", e.outcome().name());
                    }
                    case "person" -> {
                        var p = station.checkIns().person(f[2]);
                        a.put("last", p.map(x -> x.attendee().lastName()).orElse(null));
                    }
                    case "resolve" -> {
                        var r = station.checkIns().resolve(f[2]);
                        a.put("code", r.attendee() == null ? null : r.attendee().code());
                    }
                    case "status" -> status(a, station);
                    case "stuck" ->
                        a.put(
                                "jobs",
                                station.printing().jobs().stream()
                                        .filter(j -> j.state() == PrintJob.State.FAILED)
                                        .map(j -> Map.of("job", j.id(), "code", j.attendeeCode()))
                                        .toList());
                    case "retry" ->
                        a.put(
                                "badge",
                                station.printing()
                                        .retry(actor.as(Role.SUPERVISOR), Long.parseLong(f[2]))
                                        .result()
                                        .name());
                    case "cancel" ->
                        a.put(
                                "badge",
                                station.printing()
                                        .cancel(actor.as(Role.SUPERVISOR), Long.parseLong(f[2]))
                                        .result()
                                        .name());
                    case "sync" -> sync(a, station);
                    default -> a.put("error", "unknown command " + f[0]);
                }
            } catch (RuntimeException e) {
                a.put("error", e.toString());
            }
            answer(a);
        }
        station.close();
        System.exit(0);
    }

    private static void checkIn(Map<String, Object> a, CheckInResult r) {
        a.put("outcome", r.outcome().name());
        a.put("code", r.attendee() == null ? null : r.attendee().code());
        a.put("badge", r.badge() == null ? null : r.badge().result().name());
        a.put("t", System.currentTimeMillis());
    }

    private static void status(Map<String, Object> a, Station station) {
        a.put("station", station.stationId());
        a.put("pending", station.checkIns().pendingCount());
        a.put("printing", printing(station));
        a.put("arrived", station.arrivals().arrivedCodes().size());
        Map<String, Integer> checkIns = new HashMap<>();
        for (CheckInEvent e : station.arrivals().allEvents()) {
            if (e.kind() == EventKind.CHECKED_IN) {
                checkIns.merge(e.attendeeCode(), 1, Integer::sum);
            }
        }
        a.put("checkIns", checkIns);
        a.put("t", System.currentTimeMillis());
    }

    /** Badges still to come out: queued or being sent (a failed one is tried again by itself). */
    private static long printing(Station station) {
        return station.printing().jobs().stream()
                .filter(j -> j.state() == PrintJob.State.QUEUED
                        || j.state() == PrintJob.State.SENDING
                        || j.state() == PrintJob.State.FAILED)
                .count();
    }

    /** Light enough to ask every second: pending events, online, and how many check-ins of each station are here. */
    private static void sync(Map<String, Object> a, Station station) {
        var s = station.sync().status();
        a.put("pending", s.pending());
        a.put("online", s.online());
        a.put("printing", printing(station));
        a.put("printer", station.printing().printerState().condition().name());
        Map<String, Integer> byStation = new HashMap<>();
        for (CheckInEvent e : station.arrivals().allEvents()) {
            if (e.kind() == EventKind.CHECKED_IN) {
                byStation.merge(e.stationId(), 1, Integer::sum);
            }
        }
        a.put("byStation", byStation);
        a.put("t", System.currentTimeMillis());
    }

    static synchronized void answer(Map<String, ?> doc) {
        try {
            out.println("@@ " + JSON.writeValueAsString(doc));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
