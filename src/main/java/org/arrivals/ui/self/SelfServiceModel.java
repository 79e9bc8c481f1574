package org.arrivals.ui.self;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.SelfCheckIn;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.Station;
import org.arrivals.ui.common.Tasks;

/**
 * The self-service station's state machine: welcome, find your name, prove it is you, collect
 * your badge. The rules (names only, three letters a word, at most five matches as first name and
 * last initial, the question only the person can answer, three misses to the desk, the rate limit)
 * are the service's ({@link SelfCheckIn}); this model only moves between screens. {@link #reset()}
 * forgets everything.
 */
public final class SelfServiceModel {
    public static final int MIN_LETTERS = SelfCheckIn.MIN_LETTERS_PER_WORD;
    public static final int MAX_MATCHES = SelfCheckIn.MAX_MATCHES;

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
        PRINTER,
        /** Three wrong answers to the question: nothing printed, nothing recorded. */
        NOT_VERIFIED,
        /** The badge scanned was replaced by a reprint. */
        REPLACED
    }

    /** One match as the station may show it to a stranger. */
    public record Match(String handle, String shortName, String organization, String firstName) {
        static Match of(SelfCheckIn.Match m) {
            return new Match(m.handle(), m.shortName(), m.organization(), m.firstName());
        }
    }

    /** Where the find screen stands: typing, too many searches, or matches (possibly none). */
    public enum Finding {
        TYPING,
        SLOW_DOWN,
        SHOWN
    }

    private final Station station;
    private final Tasks tasks;

    final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.WELCOME);
    final StringProperty query = new SimpleStringProperty("");
    final ObservableList<Match> matches = FXCollections.observableArrayList();
    final ObjectProperty<Finding> finding = new SimpleObjectProperty<>(Finding.TYPING);
    final ObjectProperty<Match> chosen = new SimpleObjectProperty<>();
    final ObjectProperty<SelfCheckIn.Question> question = new SimpleObjectProperty<>();
    final StringProperty answer = new SimpleStringProperty("");
    /** Tries left after a wrong answer; 0 before any. */
    final IntegerProperty triesLeft = new SimpleIntegerProperty(0);

    final ObjectProperty<DeskReason> deskReason = new SimpleObjectProperty<>();
    /** Checked in for today with the badge they got on an earlier day: no new one prints. */
    final BooleanProperty keepsBadge = new SimpleBooleanProperty();
    /** The first name on the done screen. */
    final StringProperty welcomeName = new SimpleStringProperty("");

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
        screen.set(Screen.WELCOME); // first: nothing of the last person is drawn again while it is cleared
        query.set("");
        matches.clear();
        finding.set(Finding.TYPING);
        chosen.set(null);
        question.set(null);
        answer.set("");
        triesLeft.set(0);
        deskReason.set(null);
        welcomeName.set("");
        tasks.run(
                () -> {
                    station.selfService().reset();
                    return null;
                },
                x -> {},
                e -> {});
        screen.set(Screen.WELCOME);
    }

    void find() {
        query.set("");
        matches.clear();
        finding.set(Finding.TYPING);
        screen.set(Screen.FIND);
    }

    static int letters(String q) {
        return (int) q.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /** True when every word has three letters: only then is anyone searched for. */
    static boolean longEnough(String q) {
        return SelfCheckIn.longEnough(q);
    }

    private void search(String q) {
        long s = ++seq;
        if (q == null || !SelfCheckIn.longEnough(q)) {
            matches.clear();
            finding.set(Finding.TYPING);
            return;
        }
        tasks.query(
                () -> station.selfService().search(q),
                found -> {
                    if (s == seq) {
                        matches.setAll(found.matches().stream().map(Match::of).toList());
                        finding.set(
                                found.outcome() == SelfCheckIn.Search.Outcome.SLOW_DOWN
                                        ? Finding.SLOW_DOWN
                                        : found.outcome() == SelfCheckIn.Search.Outcome.TOO_SHORT
                                                ? Finding.TYPING
                                                : Finding.SHOWN);
                    }
                },
                e -> matches.clear());
    }

    /** A match touched: the question only that person can answer. */
    void choose(Match m) {
        long asked = seq;
        tasks.run(
                () -> station.selfService().question(m.handle()).orElse(null),
                q -> {
                    if (asked != seq) {
                        return;
                    }
                    if (q == null) {
                        toDesk(DeskReason.NOT_FOUND);
                        return;
                    }
                    chosen.set(m);
                    question.set(q);
                    answer.set("");
                    triesLeft.set(0);
                    screen.set(Screen.CONFIRM);
                },
                e -> toDesk(DeskReason.NOT_FOUND));
    }

    /** A confirmation QR or a badge shown at the scanner: straight through. */
    public void scan(String raw) {
        long asked = seq;
        tasks.run(
                () -> withBadge(station.selfService().scan(raw)),
                done -> {
                    if (asked == seq) {
                        finish(done);
                    }
                },
                e -> toDesk(DeskReason.NOT_FOUND));
    }

    /**
     * "This is me", with the answer to the question: the service checks it; right, and the
     * station checks in and prints (an attendee may do no more); wrong, and nothing happens.
     */
    void confirm() {
        Match m = chosen.get();
        if (m == null) {
            return;
        }
        String given = answer.get();
        long asked = seq;
        tasks.run(
                () -> {
                    SelfCheckIn.Answer a = station.selfService().answer(m.handle(), given);
                    return new Answered(a, a.result() == null ? null : withBadge(a.result()));
                },
                r -> {
                    if (asked != seq) {
                        return; // reset (idle) meanwhile
                    }
                    switch (r.answer().outcome()) {
                        case ACCEPTED -> finish(r.done());
                        case WRONG -> {
                            answer.set("");
                            triesLeft.set(r.answer().triesLeft());
                        }
                        case SEE_DESK -> toDesk(DeskReason.NOT_VERIFIED);
                        case UNKNOWN -> toDesk(DeskReason.NOT_FOUND);
                    }
                },
                e -> toDesk(DeskReason.PRINTER));
    }

    private record Answered(SelfCheckIn.Answer answer, Done done) {}

    /** The check-in's result, with the badge as the printer took it (a second or two: the person waits). */
    private Done withBadge(CheckInResult r) throws Exception {
        PrintOutcome badge = r.badge();
        if (badge != null && badge.result() == PrintOutcome.Result.QUEUED) {
            badge = PrintOutcome.after(
                    station.printing().attempt(badge.job().id()).get(PRINT_WAIT_SECONDS, TimeUnit.SECONDS));
        }
        return new Done(r, badge);
    }

    private void finish(Done done) {
        switch (done.result().outcome()) {
            case CHECKED_IN, CHECKED_IN_OVERRIDE, PICKED_UP -> {
                welcomeName.set(
                        chosen.get() != null
                                ? chosen.get().firstName()
                                : done.result().attendee() == null
                                        ? ""
                                        : SelfCheckIn.firstNameOf(done.result().attendee()));
                keepsBadge.set(done.badge() != null && done.badge().result() == PrintOutcome.Result.ALREADY_HAS_BADGE);
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
            case REPLACED -> toDesk(DeskReason.REPLACED);
            default -> toDesk(DeskReason.NOT_FOUND);
        }
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
