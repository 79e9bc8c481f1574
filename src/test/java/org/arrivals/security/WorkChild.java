package org.arrivals.security;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.EventFolder;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.sync.SyncWorker;
import org.arrivals.testing.Badges;

/**
 * The process {@link CrashDuringWorkTest} kills: opens the (encrypted) station, prints
 * {@code READY}, then works, printing {@code ACK ...} once each piece of work has returned:
 * <ul>
 *   <li>{@code import HOME ROUND ROWS}: imports ROWS new people whose codes start {@code I<ROUND>-};</li>
 *   <li>{@code print HOME PRINTER CODE...}: checks each in and prints the first badge;</li>
 *   <li>{@code sync HOME HUB TOKEN CODE...}: checks each in and syncs with the hub until it has the check-in;</li>
 *   <li>{@code compact HOME}: compacts the closed database ({@code arrivals compact}).</li>
 * </ul>
 */
public final class WorkChild {
    private WorkChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        if (mode.equals("compact")) {
            line(out, "READY");
            long[] sizes = new EventFolder(Path.of(args[1]), "default").compact(StationKey.fromEnvironment());
            line(out, "ACK compact " + sizes[0] + " " + sizes[1]);
            line(out, "DONE");
            return;
        }
        try (Station s = Station.open(Path.of(args[1]), "default", "desk-9", Clock.systemUTC())) {
            line(out, "READY");
            switch (mode) {
                case "import" -> {
                    s.importer()
                            .importBytes(
                                    CrashDuringWorkTest.roster(Integer.parseInt(args[2]), Integer.parseInt(args[3])),
                                    "round.csv",
                                    RosterImporter.Options.defaults());
                    line(out, "ACK import");
                    // a station goes on running after an import: the kill finds it still open
                    Thread.sleep(60_000);
                }
                case "import-close" -> { // an import, then the station closes (as every CLI command does)
                    s.importer()
                            .importBytes(
                                    CrashDuringWorkTest.roster(Integer.parseInt(args[2]), Integer.parseInt(args[3])),
                                    "round.csv",
                                    RosterImporter.Options.defaults());
                    line(out, "ACK import");
                }
                case "print" -> {
                    for (String code : Arrays.copyOfRange(args, 3, args.length)) {
                        checkIn(s, code, out);
                        PrintOutcome o = Badges.print(s, code, args[2], "thermal-4x3");
                        line(
                                out,
                                "ACK " + code + " "
                                        + (o.job() == null
                                                ? "none"
                                                : o.job().id() + " " + o.job().state()));
                    }
                }
                case "sync" -> {
                    SyncWorker sync = s.syncWith(args[2], args[3]);
                    for (String code : Arrays.copyOfRange(args, 4, args.length)) {
                        checkIn(s, code, out);
                        SyncWorker.Report r = sync.syncOnce();
                        if (r.pending() != 0) {
                            line(out, "PENDING " + r.pending());
                            System.exit(3);
                        }
                        line(out, "ACK " + code);
                    }
                }
                default -> throw new IllegalArgumentException(mode);
            }
            line(out, "DONE");
        }
        line(out, "CLOSED");
    }

    private static void checkIn(Station s, String code, OutputStream out) throws IOException {
        CheckInResult r = s.log().checkIn(code, null);
        if (!r.recorded()) {
            line(out, "NOT_RECORDED " + code + " " + r.outcome());
            System.exit(3);
        }
    }

    static void line(OutputStream out, String s) throws IOException {
        out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static List<String> rest(String[] args, int from) {
        return List.of(Arrays.copyOfRange(args, from, args.length));
    }
}
