package org.arrivals.checkin;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.testing.TestStore;

/**
 * The process {@link CrashDurabilityTest} kills: opens the store in a data folder whose roster the
 * parent has already imported, prints {@code READY}, then checks people in one after another as
 * fast as it can, printing {@code ACK <code>} after each check-in has returned as recorded. A line
 * on standard output is what "acknowledged to the person" means here: the parent counts only
 * check-ins whose line it has read.
 *
 * <p>Arguments: the data folder, then either the codes to check in, in order, or {@code --count N}
 * for the first N attendees (by code) who are attending and not checked in yet. A code whose
 * check-in records nothing (already in, blocked, unknown) is printed as
 * {@code NOT_RECORDED <code> <outcome>} and ends the run with exit status 3: the parent hands out
 * only fresh, attending codes, so that is a bug in the test.
 * After the last code it prints {@code DONE} and exits 0; a child that is killed mid-burst never
 * gets there.
 */
public final class CheckInBurstChild {
    private CheckInBurstChild() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CheckInBurstChild DIR (CODE... | --count N)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        // One write(2) per line, straight to file descriptor 1 (a file the parent follows): no
        // buffer in between that could hold a line back, so a line is out as soon as it is
        // "printed". The parent counts only whole lines, so a kill in the middle of a write
        // cannot make an acknowledgement out of half a line.
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        TestStore t = new TestStore(dir);
        List<String> codes = codes(t, Arrays.copyOfRange(args, 1, args.length));
        line(out, "READY");
        for (String code : codes) {
            CheckInResult r = t.checkIns.checkIn(code, null);
            if (!r.recorded()) {
                line(out, "NOT_RECORDED " + code + " " + r.outcome());
                t.close();
                System.exit(3);
            }
            line(out, "ACK " + code);
        }
        line(out, "DONE");
        t.close();
    }

    private static List<String> codes(TestStore t, String[] args) {
        if (!args[0].equals("--count")) {
            return List.of(args);
        }
        Set<String> arrived = t.arrivals.arrivedCodes();
        return t.attendees.all().stream()
                .filter(a -> a.status() == RegistrationStatus.ATTENDING && !arrived.contains(a.code()))
                .map(Attendee::code)
                .sorted()
                .limit(Integer.parseInt(args[1]))
                .toList();
    }

    private static void line(OutputStream out, String s) throws IOException {
        out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
