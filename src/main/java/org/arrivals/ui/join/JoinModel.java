package org.arrivals.ui.join;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.station.Station;
import org.arrivals.station.StationJoin;
import org.arrivals.ui.common.Tasks;

/**
 * The kiosk's first-run screen: a station that has joined no hub and holds no roster takes its
 * set-up code, scanned or typed, on the authority of whoever opened it with the station key (as
 * the command line's {@code arrivals join} does). The hub is asked first, so a code that cannot
 * work changes nothing; once joined, the station opens again under the hub's name for it. The
 * service decides; this model only asks, off the FX thread, and keeps the answer.
 */
public final class JoinModel {
    /** How long the hub has to answer before the screen says it does not. */
    static final Duration ASK_HUB = Duration.ofSeconds(10);

    /** Whoever opened the kiosk with the station key: the admin, at the kiosk's screen. */
    private static final Actor KIOSK_ADMIN = new Actor(Role.ADMIN, Actor.Face.STAFF);

    /** What went wrong outside the service's answers. */
    public enum Failure {
        /** Joining itself failed (the station's data could not be written). */
        JOIN,
        /** Joined, but the station did not open again: Arrivals must be started again. */
        REOPEN
    }

    private final Station station;
    private final Tasks tasks;
    private final Consumer<Station> reopened;

    final StringProperty code = new SimpleStringProperty("");
    /** The service's last answer; null before any. */
    final ObjectProperty<StationJoin.Joined> result = new SimpleObjectProperty<>();

    final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
    /** True while the hub is asked, or the station opens again. */
    final BooleanProperty busy = new SimpleBooleanProperty(false);

    /** @param reopened gets the station opened again once it joined (on the FX thread) */
    public JoinModel(Station station, Tasks tasks, Consumer<Station> reopened) {
        this.station = station;
        this.tasks = tasks;
        this.reopened = reopened;
    }

    /** Joins with what was typed. */
    void submit() {
        submit(code.get());
    }

    /** Joins with a code (scanned, or typed). Ignored while an answer is awaited. */
    public void submit(String text) {
        if (busy.get() || joined()) {
            return;
        }
        String given = text == null ? "" : text.strip();
        busy.set(true);
        failure.set(null);
        tasks.run(
                () -> station.joining().join(KIOSK_ADMIN, given, null, ASK_HUB),
                r -> {
                    result.set(r);
                    if (r.outcome() == StationJoin.Outcome.JOINED) {
                        reopen();
                    } else {
                        busy.set(false);
                        code.set("");
                    }
                },
                e -> {
                    busy.set(false);
                    failure.set(Failure.JOIN);
                });
    }

    private void reopen() {
        tasks.run(station::reopen, reopened, e -> {
            busy.set(false);
            failure.set(Failure.REOPEN);
        });
    }

    public boolean joined() {
        return result.get() != null && result.get().outcome() == StationJoin.Outcome.JOINED;
    }
}
