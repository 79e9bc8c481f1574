package org.arrivals.ui.self;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.arrivals.attendee.Attendee;
import org.arrivals.audit.Actor;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.print.PrintOutcome;
import org.arrivals.search.SearchHit;
import org.arrivals.station.Station;
import org.arrivals.ui.common.Tasks;

/**
 * The self-service station's state machine: welcome, find your name, is this you, collect your
 * badge. It shows the minimum: at most five matches, only after three letters, as first name,
 * last initial and organization; never a list to browse. {@link #reset()} forgets everything.
 */
public final class SelfServiceModel {
    public static final int MIN_LETTERS = 3;
    public static final int MAX_MATCHES = 5;

    public enum Screen {
        WELCOME,
        FIND,
        CONFIRM,
        DONE,
        SEE_DESK
    }

    /** Why the attendee is sent to the desk. */
    public enum DeskReason {
        ALREADY,
        BLOCKED,
        NOT_FOUND,
        PRINTER
    }

    /** One match as the station may show it to a stranger. */
    public record Match(Attendee attendee, String shortName, String organization) {}

    private final Station station;
    private final Tasks tasks;

    final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.WELCOME);
    final StringProperty query = new SimpleStringProperty("");
    final ObservableList<Match> matches = FXCollections.observableArrayList();
    final ObjectProperty<Match> chosen = new SimpleObjectProperty<>();
    final ObjectProperty<DeskReason> deskReason = new SimpleObjectProperty<>();
    /** Checked in for today with the badge they got on an earlier day: no new one prints. */
    final javafx.beans.property.BooleanProperty keepsBadge = new javafx.beans.property.SimpleBooleanProperty();

    private long seq;

    public SelfServiceModel(Station station, Tasks tasks) {
        this.station = station;
        this.tasks = tasks;
        query.addListener((o, was, now) -> search(now));
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public void reset() {
        seq++;
        query.set("");
        matches.clear();
        chosen.set(null);
        deskReason.set(null);
        screen.set(Screen.WELCOME);
    }

    void find() {
        query.set("");
        matches.clear();
        screen.set(Screen.FIND);
    }

    static int letters(String q) {
        return (int) q.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private void search(String q) {
        long s = ++seq;
        if (q == null || letters(q) < MIN_LETTERS) {
            matches.clear();
            return;
        }
        tasks.query(
                () -> station.lookup().search(q, MAX_MATCHES).stream()
                        .map(SearchHit::attendee)
                        .map(SelfServiceModel::match)
                        .toList(),
                found -> {
                    if (s == seq) {
                        matches.setAll(found);
                    }
                },
                e -> matches.clear());
    }

    /** First name, last initial: enough for a person to recognize themselves, not to learn who came. */
    static Match match(Attendee a) {
        String initial = initial(a.lastName());
        return new Match(
                a,
                a.firstName() + (initial.isEmpty() ? "" : " " + initial + "."),
                a.organization() == null ? "" : a.organization());
    }

    /**
     * The letter a family name is known by: its first, but after the Arabic article (العلي is ع,
     * not ا), which begins half the family names of the Arab world and would tell no one apart.
     */
    static String initial(String last) {
        if (last == null || last.isBlank()) {
            return "";
        }
        String l = last.strip();
        if (l.startsWith("ال") && l.codePointCount(0, l.length()) > 2) {
            l = l.substring(2);
        }
        return new String(Character.toChars(l.codePointAt(0)));
    }

    void choose(Match m) {
        chosen.set(m);
        screen.set(Screen.CONFIRM);
    }

    /** A confirmation QR shown at the scanner. */
    public void scan(String raw) {
        tasks.run(
                () -> station.checkIns().resolve(raw),
                r -> {
                    if (r.kind() == ScanResolver.Kind.FOUND) {
                        chosen.set(match(r.attendee()));
                        confirm();
                    } else {
                        deskReason.set(DeskReason.NOT_FOUND);
                        screen.set(Screen.SEE_DESK);
                    }
                },
                e -> toDesk(DeskReason.NOT_FOUND));
    }

    /**
     * "Yes, this is me": check in and print, as an attendee (the service decides what an attendee
     * may do: a second badge is never printed here, that is the desk's). The badge is done when
     * the print worker has handed it to the printer; a printer problem sends the person to the desk.
     */
    void confirm() {
        Match m = chosen.get();
        if (m == null) {
            return;
        }
        long asked = seq;
        tasks.run(
                () -> {
                    // what this station does: check in and print, or (a badge-pickup station) print only
                    CheckInResult r = station.checkIns()
                            .arrive(Actor.selfService(), m.attendee().code());
                    PrintOutcome badge = r.badge();
                    if (badge != null && badge.result() == PrintOutcome.Result.QUEUED) {
                        // the screen waits for the printer's answer (a second or two): the person is standing there
                        badge = PrintOutcome.after(
                                station.printing().attempt(badge.job().id()).get(PRINT_WAIT_SECONDS, TimeUnit.SECONDS));
                    }
                    return new Done(r, badge);
                },
                done -> {
                    if (asked != seq) {
                        return; // reset (idle) meanwhile
                    }
                    switch (done.result().outcome()) {
                        case CHECKED_IN, CHECKED_IN_OVERRIDE, PICKED_UP -> {
                            keepsBadge.set(done.badge() != null
                                    && done.badge().result() == PrintOutcome.Result.ALREADY_HAS_BADGE);
                            if (keepsBadge.get()) {
                                screen.set(Screen.DONE); // a later day: the badge of the first one
                            } else if (done.badge() != null && !done.badge().handedOver()) {
                                // no badge asked for (a door station, which prints nothing) is not a printer problem
                                toDesk(DeskReason.PRINTER);
                            } else {
                                screen.set(Screen.DONE);
                            }
                        }
                        case ALREADY_CHECKED_IN, ALREADY_PICKED_UP -> toDesk(DeskReason.ALREADY);
                        case BLOCKED -> toDesk(DeskReason.BLOCKED);
                        default -> toDesk(DeskReason.NOT_FOUND);
                    }
                },
                e -> toDesk(DeskReason.PRINTER));
    }

    /** How long the screen waits for the printer to take a badge before sending the person to the desk. */
    static final long PRINT_WAIT_SECONDS = 8;

    private record Done(CheckInResult result, PrintOutcome badge) {}

    private void toDesk(DeskReason why) {
        deskReason.set(why);
        screen.set(Screen.SEE_DESK);
    }

    public List<Match> matches() {
        return List.copyOf(matches);
    }
}
