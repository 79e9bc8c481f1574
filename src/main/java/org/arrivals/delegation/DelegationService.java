package org.arrivals.delegation;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Actor;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.ArrivalQueries;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.CheckInService;
import org.arrivals.search.TextFold;

/**
 * Delegations: the people of one organization, as the desk, staff mode and the command line ask
 * for them. An organization is found by its name as people type it (any case or accents, words in
 * any order, word beginnings); a name that matches several organizations lists them. A member has
 * arrived when they checked in on some day of the event; the page shows each day. The desk checks
 * several members in at once through the check-in service, each recorded and printed in turn.
 */
public final class DelegationService {
    /** One member: the stored person and their arrival over the whole event (with each day). */
    public record Member(Attendee attendee, Arrival arrival) {
        /** Checked in on some day of the event. */
        public boolean arrived() {
            return arrival.checkedIn();
        }

        /** The day of their first arrival, or null. */
        public LocalDate firstDay() {
            return arrival.days().isEmpty() ? null : arrival.days().get(0).date();
        }

        /** Expected: an attending registration (cancelled, refunded and pending ones are not). */
        public boolean expected() {
            return attendee.status() == RegistrationStatus.ATTENDING;
        }
    }

    /** An organization's people; {@code arrived} counts members who came on some day, {@code expected} attending ones. */
    public record Delegation(String organization, int expected, int arrived, List<Member> members) {
        /** Every expected member has arrived. */
        public boolean complete() {
            return members.stream().filter(Member::expected).allMatch(Member::arrived);
        }
    }

    /** An organization in a list: its name, members, expected and arrived. */
    public record Summary(String organization, int members, int expected, int arrived) {}

    /** What looking a delegation up found. */
    public record Found(Outcome outcome, Delegation delegation, List<Summary> matches) {
        public enum Outcome {
            FOUND,
            /** The name matches several organizations: {@link #matches()} lists them. */
            SEVERAL,
            NONE
        }
    }

    private final AttendeeStore attendees;
    private final ArrivalQueries arrivals;
    private final CheckInService checkIns;

    public DelegationService(AttendeeStore attendees, ArrivalQueries arrivals, CheckInService checkIns) {
        this.attendees = attendees;
        this.arrivals = arrivals;
        this.checkIns = checkIns;
    }

    /**
     * The delegation whose organization is named {@code query}: its exact name (any case or
     * accents) first, else the one organization whose name has every typed word as the beginning
     * of one of its words; several such organizations are listed.
     */
    public Found find(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new Found(Found.Outcome.NONE, null, List.of());
        }
        Map<String, List<Attendee>> byOrg = byOrganization();
        String folded = TextFold.fold(q);
        List<String> exact = byOrg.keySet().stream()
                .filter(o -> TextFold.fold(o).equals(folded))
                .toList();
        if (exact.size() == 1) {
            return new Found(Found.Outcome.FOUND, delegation(exact.get(0), byOrg.get(exact.get(0))), List.of());
        }
        List<String> words = TextFold.queryTokens(q);
        List<String> matching = new ArrayList<>();
        for (String org : exact.isEmpty() ? byOrg.keySet() : exact) {
            Set<String> orgWords = TextFold.indexTokens(org);
            if (!words.isEmpty()
                    && words.stream().allMatch(w -> orgWords.stream().anyMatch(o -> o.startsWith(w)))) {
                matching.add(org);
            }
        }
        if (matching.isEmpty()) {
            return new Found(Found.Outcome.NONE, null, List.of());
        }
        if (matching.size() == 1) {
            return new Found(Found.Outcome.FOUND, delegation(matching.get(0), byOrg.get(matching.get(0))), List.of());
        }
        Map<String, Arrival> all = arrivals.allArrivals();
        List<Summary> list = matching.stream()
                .map(o -> summary(o, byOrg.get(o), all))
                .sorted(Comparator.comparing(Summary::organization, collator()))
                .toList();
        return new Found(Found.Outcome.SEVERAL, null, list);
    }

    /** The delegation of exactly this organization (as written in the list), if it has anyone. */
    public Optional<Delegation> delegation(String organization) {
        List<Attendee> members = byOrganization().get(organization);
        return members == null ? Optional.empty() : Optional.of(delegation(organization, members));
    }

    /** Every organization with an expected member who has not arrived yet, the most missing first. */
    public List<Summary> incomplete() {
        Map<String, Arrival> all = arrivals.allArrivals();
        List<Summary> out = new ArrayList<>();
        byOrganization().forEach((org, people) -> {
            Summary s = summary(org, people, all);
            if (s.arrived() < s.expected()) {
                out.add(s);
            }
        });
        out.sort(Comparator.comparingInt((Summary s) -> s.arrived() - s.expected())
                .thenComparing(Summary::organization, collator()));
        return out;
    }

    /**
     * Checks several members of a delegation in for today, in the order given, each as its own
     * check-in (recorded, audited and, when {@code print}, its first badge queued in turn: no one
     * gets a second badge). Returns each one's result.
     */
    public List<CheckInResult> checkInAll(Actor actor, List<String> codes, boolean print) {
        List<CheckInResult> out = new ArrayList<>();
        for (String code : new java.util.LinkedHashSet<>(codes)) {
            out.add(print ? checkIns.checkInAndPrint(actor, code) : checkIns.checkIn(actor, code));
        }
        return out;
    }

    private Delegation delegation(String org, List<Attendee> people) {
        Map<String, Arrival> all = arrivals.allArrivals();
        List<Member> members = new ArrayList<>();
        for (Attendee a : people) {
            members.add(new Member(a, all.getOrDefault(a.code(), Arrival.none(a.code()))));
        }
        Collator c = collator();
        members.sort(Comparator.comparing((Member m) -> m.attendee().displayName(), c));
        int expected = (int) members.stream().filter(Member::expected).count();
        int arrived = (int) members.stream().filter(Member::arrived).count();
        return new Delegation(org, expected, arrived, List.copyOf(members));
    }

    private static Summary summary(String org, List<Attendee> people, Map<String, Arrival> all) {
        int expected = 0;
        int arrived = 0;
        for (Attendee a : people) {
            if (a.status() == RegistrationStatus.ATTENDING) {
                expected++;
            }
            Arrival r = all.get(a.code());
            if (r != null && r.checkedIn()) {
                arrived++;
            }
        }
        return new Summary(org, people.size(), expected, arrived);
    }

    /** Everyone with an organization, by the organization as written (the first spelling of each folded name). */
    private Map<String, List<Attendee>> byOrganization() {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<Attendee>> out = new TreeMap<>();
        for (Attendee a : attendees.all()) {
            String org = a.organization();
            if (org == null || org.isBlank()) {
                continue;
            }
            String name = spelling.computeIfAbsent(TextFold.fold(org.strip()), k -> org.strip());
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    private static Collator collator() {
        return Collator.getInstance(Locale.ROOT);
    }
}
