package org.arrivals.ui.door;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.session.ScanResult;
import org.arrivals.session.Session;
import org.arrivals.session.SessionService;
import org.arrivals.station.Station;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;

/**
 * A volunteer at a session room's door: the room, the session (the one running in the room now by
 * default), whether the door is an entrance, an exit or both, and every scan an entry or an exit
 * through the session service. The count inside follows the room (scans here, and other doors'
 * through sync).
 */
public final class DoorModel {
    /** How full the room is, for the colour of the count. */
    public enum Fill {
        ROOM,
        NEARLY_FULL,
        FULL
    }

    private final Station station;
    private final Tasks tasks;
    private final I18n i18n;

    final ObservableList<String> rooms = FXCollections.observableArrayList();
    final ObjectProperty<String> room = new SimpleObjectProperty<>();
    final ObservableList<Session> sessions = FXCollections.observableArrayList();
    final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    final ObjectProperty<SessionService.Door> door = new SimpleObjectProperty<>(SessionService.Door.ENTRANCE);
    final IntegerProperty inside = new SimpleIntegerProperty();
    final ObjectProperty<Fill> fill = new SimpleObjectProperty<>(Fill.ROOM);
    final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.NONE);
    /** A warning about the last person let in (not checked in at registration today). */
    final ObjectProperty<Message> warning = new SimpleObjectProperty<>(Message.NONE);
    /** The last scan was refused because the room is full: a supervisor may let that person in. */
    final BooleanProperty canAdmit = new SimpleBooleanProperty();

    private String refusedCode;
    private String refusedName;

    public DoorModel(Station station, Tasks tasks, I18n i18n) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        session.addListener((o, was, now) -> {
            canAdmit.set(false);
            refresh();
        });
    }

    private static Actor volunteer() {
        return new Actor(Role.VOLUNTEER, Actor.Face.DOOR);
    }

    /** Reads the rooms; keeps the chosen room, else takes the first with a session today. */
    public void load() {
        tasks.query(
                () -> {
                    SessionService s = station.sessions();
                    List<String> all = s.rooms();
                    String pick = room.get() != null && all.contains(room.get())
                            ? room.get()
                            : all.stream()
                                    .filter(r -> s.current(r).isPresent())
                                    .findFirst()
                                    .orElse(all.isEmpty() ? null : all.get(0));
                    return new Object[] {all, pick};
                },
                r -> {
                    @SuppressWarnings("unchecked")
                    List<String> all = (List<String>) r[0];
                    rooms.setAll(all);
                    chooseRoom((String) r[1]);
                },
                e -> rooms.clear());
    }

    /** The room this door serves: its sessions today, the current one chosen. */
    public void chooseRoom(String r) {
        room.set(r);
        if (r == null) {
            sessions.clear();
            session.set(null);
            return;
        }
        tasks.query(
                () -> {
                    SessionService s = station.sessions();
                    return new Object[] {s.sessionsIn(r, s.today()), s.current(r)};
                },
                x -> {
                    @SuppressWarnings("unchecked")
                    List<Session> today = (List<Session>) x[0];
                    @SuppressWarnings("unchecked")
                    Optional<Session> current = (Optional<Session>) x[1];
                    sessions.setAll(today);
                    session.set(current.orElse(null));
                },
                e -> sessions.clear());
    }

    /** The sessions the door offers (its room's, today). */
    public List<Session> sessionsShown() {
        return List.copyOf(sessions);
    }

    /** Chooses the door's session (another of its room's today). */
    public void choose(Session s) {
        session.set(s);
    }

    /** Reads the count inside the room now (this door's scans, and other doors' through sync). */
    public void refresh() {
        Session s = session.get();
        if (s == null) {
            inside.set(0);
            fill.set(Fill.ROOM);
            return;
        }
        tasks.query(
                () -> station.sessions().count(s.id()).map(c -> c.inside()).orElse(0),
                n -> {
                    if (session.get() != null && session.get().id().equals(s.id())) {
                        show(s, n);
                    }
                },
                e -> {});
    }

    private void show(Session s, int n) {
        inside.set(n);
        fill.set(
                !s.limited()
                        ? Fill.ROOM
                        : n >= s.capacity() ? Fill.FULL : n >= 0.9 * s.capacity() ? Fill.NEARLY_FULL : Fill.ROOM);
    }

    /** A scan (or a code typed at the door). */
    public void scan(String code) {
        Session s = session.get();
        if (s == null) {
            message.set(new Message(Tone.WARNING, i18n.t("door.noSession")));
            return;
        }
        Actor by = volunteer();
        SessionService.Door d = door.get();
        tasks.run(() -> station.sessions().scan(by, s.id(), code, d, false), this::done, this::failed);
    }

    /** Lets the person the full room refused in, on a supervisor's authority (their PIN was given). */
    public void admit(Role by) {
        Session s = session.get();
        String code = refusedCode;
        if (s == null || code == null) {
            return;
        }
        tasks.run(
                () -> station.sessions().scan(volunteer().as(by), s.id(), code, SessionService.Door.ENTRANCE, true),
                this::done,
                this::failed);
    }

    String refusedName() {
        return refusedName;
    }

    private void done(ScanResult r) {
        canAdmit.set(false);
        warning.set(Message.NONE);
        if (r.session() != null
                && session.get() != null
                && r.session().id().equals(session.get().id())) {
            show(r.session(), r.inside());
        }
        String name = r.attendee() == null ? "" : r.attendee().displayName();
        switch (r.outcome()) {
            case IN -> {
                message.set(new Message(
                        Tone.SUCCESS,
                        r.left() == null
                                ? i18n.t("door.in", name)
                                : i18n.t("door.inFrom", name, r.left().title())));
                if (!r.checkedInToday()) {
                    warning.set(new Message(Tone.WARNING, i18n.t("door.notCheckedIn", name)));
                }
            }
            case OUT -> message.set(new Message(Tone.SUCCESS, i18n.t("door.out", name)));
            case ALREADY_INSIDE -> message.set(new Message(Tone.INFO, i18n.t("door.alreadyInside", name)));
            case NOT_INSIDE -> message.set(new Message(Tone.INFO, i18n.t("door.notInside", name)));
            case FULL -> {
                refusedCode = r.attendee().code();
                refusedName = name;
                canAdmit.set(true);
                message.set(new Message(Tone.ERROR, i18n.t("door.fullRefused", name)));
            }
            case UNKNOWN -> message.set(new Message(Tone.ERROR, i18n.t("door.unknown")));
            case INVALID -> message.set(new Message(Tone.ERROR, i18n.t("desk.scan.invalid")));
            case NO_SUCH_SESSION -> message.set(new Message(Tone.WARNING, i18n.t("door.noSession")));
            case NOT_ALLOWED, IN_THE_FUTURE -> message.set(new Message(Tone.ERROR, i18n.t("error.notAllowed")));
        }
    }

    private void failed(Throwable e) {
        message.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
    }
}
