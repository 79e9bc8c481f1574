package org.arrivals.ui.delegation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.arrivals.audit.Actor;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.delegation.DelegationService;
import org.arrivals.station.Station;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;

/**
 * An organization's page, at the desk and in staff mode: find the organization by name, see its
 * people and their arrival on each day, and check several in at once for today (each recorded and
 * printed in turn through the check-in service; no one gets a second badge).
 */
public final class DelegationModel {
    private final Station station;
    private final Tasks tasks;
    private final I18n i18n;
    private final Supplier<Actor> actor;

    final StringProperty query = new SimpleStringProperty("");
    final ObservableList<DelegationService.Summary> matches = FXCollections.observableArrayList();
    final ObjectProperty<DelegationService.Delegation> delegation = new SimpleObjectProperty<>();
    final ObservableList<DelegationService.Member> members = FXCollections.observableArrayList();
    final ObservableList<LocalDate> days = FXCollections.observableArrayList();
    final ObjectProperty<LocalDate> today = new SimpleObjectProperty<>();
    final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.NONE);
    private final Map<String, BooleanProperty> chosen = new HashMap<>();
    private long seq;

    /** @param actor who acts (the desk's volunteer, or the role whose PIN opened staff mode), read when an action starts */
    public DelegationModel(Station station, Tasks tasks, I18n i18n, Supplier<Actor> actor) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        query.addListener((o, was, now) -> search(now));
    }

    /** Shows one organization's page at once (the desk opens the page of the person on its card). */
    public void openFor(String organization) {
        query.set(organization == null ? "" : organization);
    }

    private void search(String q) {
        long s = ++seq;
        if (q == null || q.isBlank()) {
            matches.clear();
            show(null);
            return;
        }
        tasks.query(
                () -> new Object[] {
                    station.delegations().find(q),
                    station.sessions().days(),
                    station.checkIns().today()
                },
                r -> {
                    if (s != seq) {
                        return;
                    }
                    DelegationService.Found f = (DelegationService.Found) r[0];
                    @SuppressWarnings("unchecked")
                    List<LocalDate> d = (List<LocalDate>) r[1];
                    List<LocalDate> all = new ArrayList<>(d);
                    LocalDate t = (LocalDate) r[2];
                    if (!all.contains(t)) {
                        all.add(t);
                        all.sort(null);
                    }
                    days.setAll(all);
                    today.set(t);
                    matches.setAll(f.matches());
                    show(f.delegation());
                },
                e -> failed());
    }

    /** One of several matching organizations, chosen. */
    void choose(DelegationService.Summary s) {
        if (s != null) {
            long n = ++seq;
            tasks.query(
                    () -> station.delegations().delegation(s.organization()).orElse(null),
                    d -> {
                        if (n == seq) {
                            show(d);
                        }
                    },
                    e -> failed());
        }
    }

    private void show(DelegationService.Delegation d) {
        delegation.set(d);
        chosen.clear();
        members.setAll(d == null ? List.of() : d.members());
    }

    /** Whether a member is chosen for the next check-in. */
    BooleanProperty chosen(String code) {
        return chosen.computeIfAbsent(code, c -> new SimpleBooleanProperty());
    }

    /** Chooses every expected member not checked in today. */
    void chooseEveryoneNotInToday() {
        for (DelegationService.Member m : members) {
            chosen(m.attendee().code()).set(m.expected() && !m.arrival().checkedInOn(today.get()));
        }
    }

    /** Checks the chosen members in for today, one after another, each printed in turn. */
    void checkInChosen() {
        List<String> codes = members.stream()
                .map(m -> m.attendee().code())
                .filter(c -> chosen(c).get())
                .toList();
        if (codes.isEmpty()) {
            message.set(new Message(Tone.WARNING, i18n.t("delegation.chooseFirst")));
            return;
        }
        Actor by = actor.get();
        String org = delegation.get() == null ? null : delegation.get().organization();
        tasks.run(
                () -> station.delegations().checkInAll(by, codes, true),
                results -> {
                    int in = 0;
                    int already = 0;
                    int not = 0;
                    for (CheckInResult r : results) {
                        if (r.checkedIn()) {
                            in++;
                        } else if (r.outcome() == CheckInResult.Outcome.ALREADY_CHECKED_IN) {
                            already++;
                        } else {
                            not++;
                        }
                    }
                    message.set(new Message(
                            not > 0 ? Tone.WARNING : Tone.SUCCESS,
                            i18n.t("delegation.done", i18n.number(in), i18n.number(already), i18n.number(not))));
                    if (org != null) {
                        tasks.query(
                                () -> station.delegations().delegation(org).orElse(null), this::show, e -> failed());
                    }
                },
                e -> failed());
    }

    private void failed() {
        message.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
    }
}
