package org.arrivals.checkin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.audit.Actor;
import org.arrivals.search.Lookup;
import org.arrivals.search.SearchHit;
import org.arrivals.search.TextFold;

/**
 * The self-service station's rules, for an attendee no one vouches for. A badge token or the
 * registration system's barcode goes straight through ({@link #scan}). A name does not: the search
 * matches names only (never an organization or an email), needs three letters in each word, shows
 * at most five people as first name (the one on their badge), last initial and organization, and
 * slows down after 20 searches a minute; choosing one asks for something only that person knows,
 * the first three letters of the email address they registered with, or (with no email) the last
 * four characters of their registration code. Three wrong answers for a person send them to the
 * desk, with nothing printed and nothing recorded; so do three wrong answers for that person
 * within 15 minutes over several visits, so starting over does not give more guesses.
 *
 * <p>The face never holds a person: a match is an opaque handle, good until the next search.
 */
public final class SelfCheckIn {
    public static final int MIN_LETTERS_PER_WORD = 3;
    public static final int MAX_MATCHES = 5;
    public static final int SEARCHES_PER_MINUTE = 20;
    public static final int MAX_MISSES = 3;
    static final Duration MISS_MEMORY = Duration.ofMinutes(15);

    /** One match as a stranger at the kiosk may see it. */
    public record Match(String handle, String firstName, String lastInitial, String organization) {
        /** First name and last initial: enough for a person to recognize themselves. */
        public String shortName() {
            return firstName + (lastInitial.isEmpty() ? "" : " " + lastInitial + ".");
        }
    }

    /** What a search gave. */
    public record Search(Outcome outcome, List<Match> matches) {
        public enum Outcome {
            MATCHES,
            /** A word has fewer than three letters: nothing is searched. */
            TOO_SHORT,
            /** More than 20 searches in the last minute: wait a moment. */
            SLOW_DOWN
        }
    }

    /** What the kiosk asks the person who chose a match. */
    public enum Question {
        /** The first three letters of the email address they registered with. */
        EMAIL_START,
        /** The last four characters of their registration code (when no email is known). */
        CODE_END
    }

    /** What an answer did. {@code result} is the check-in's, when the answer was right. */
    public record Answer(Outcome outcome, CheckInResult result, int triesLeft) {
        public enum Outcome {
            /** Right: the station did what it does with an arrival ({@link #result()}). */
            ACCEPTED,
            /** Wrong; {@link #triesLeft()} more tries. Nothing recorded. */
            WRONG,
            /** Too many wrong answers: the desk. Nothing printed, nothing recorded. */
            SEE_DESK,
            /** The handle is not (or no longer) one of the matches shown. */
            UNKNOWN
        }
    }

    private final CheckInService checkIns;
    private final Lookup lookup;
    private final AttendeeStore attendees;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Deque<Long> searches = new ArrayDeque<>();
    private final Map<String, String> handles = new LinkedHashMap<>();
    private final Map<String, Integer> sessionMisses = new LinkedHashMap<>();
    private final Map<String, Deque<Long>> recentMisses = new LinkedHashMap<>();

    public SelfCheckIn(CheckInService checkIns, Lookup lookup, AttendeeStore attendees, Clock clock) {
        this.checkIns = checkIns;
        this.lookup = lookup;
        this.attendees = attendees;
        this.clock = clock;
    }

    /** True when every word of {@code query} has at least three letters (there is at least one word). */
    public static boolean longEnough(String query) {
        if (query == null || query.isBlank()) {
            return false;
        }
        for (String word : query.strip().split("[\\s\\p{Z}]+")) {
            if (word.codePoints().filter(Character::isLetter).count() < MIN_LETTERS_PER_WORD) {
                return false;
            }
        }
        return true;
    }

    /** Names only, three letters in each word, at most five, and no more than 20 searches a minute. */
    public synchronized Search search(String query) {
        handles.clear();
        sessionMisses.clear();
        if (!longEnough(query) || query.contains("@")) {
            return new Search(Search.Outcome.TOO_SHORT, List.of());
        }
        long now = clock.millis();
        while (!searches.isEmpty() && now - searches.peekFirst() > 60_000) {
            searches.removeFirst();
        }
        if (searches.size() >= SEARCHES_PER_MINUTE) {
            return new Search(Search.Outcome.SLOW_DOWN, List.of());
        }
        searches.addLast(now);
        List<Match> out = new ArrayList<>();
        for (SearchHit h : lookup.search(query, 50)) {
            // every word must have matched a name, not fuzzily: no organization, email or code lists anyone
            if (!h.wholeName() || h.match() == SearchHit.Match.FUZZY) {
                continue;
            }
            Optional<Attendee> full = attendees.findByCode(h.attendee().code());
            if (full.isEmpty()) {
                continue;
            }
            String handle = newHandle();
            handles.put(handle, full.get().code());
            out.add(match(handle, full.get()));
            if (out.size() == MAX_MATCHES) {
                break;
            }
        }
        return new Search(Search.Outcome.MATCHES, out);
    }

    /** Forgets the handles and this visit's misses (the idle reset, a new visitor). */
    public synchronized void reset() {
        handles.clear();
        sessionMisses.clear();
    }

    /** The first name a person goes by: the first word of their badge name, else their first name. */
    public static String firstNameOf(Attendee a) {
        String badge = a.badgeName() == null ? "" : a.badgeName().strip();
        String first = badge.isEmpty() ? a.firstName() : badge.split("[\\s\\p{Z}]+")[0];
        return first == null ? "" : first;
    }

    static Match match(String handle, Attendee a) {
        return new Match(
                handle, firstNameOf(a), initial(a.lastName()), a.organization() == null ? "" : a.organization());
    }

    /**
     * The letter a family name is known by: its first, but after the Arabic article (العلي is ع,
     * not ا), which begins half the family names of the Arab world and would tell no one apart.
     */
    public static String initial(String last) {
        if (last == null || last.isBlank()) {
            return "";
        }
        String l = last.strip();
        if (l.startsWith("ال") && l.codePointCount(0, l.length()) > 2) {
            l = l.substring(2);
        }
        return new String(Character.toChars(l.codePointAt(0)));
    }

    /** What to ask the person who chose {@code handle}; empty for a handle not shown. */
    public synchronized Optional<Question> question(String handle) {
        String code = handles.get(handle);
        if (code == null) {
            return Optional.empty();
        }
        return attendees.findByCode(code).map(SelfCheckIn::questionFor);
    }

    private static Question questionFor(Attendee a) {
        return emailStart(a) != null ? Question.EMAIL_START : Question.CODE_END;
    }

    private static String emailStart(Attendee a) {
        String email = a.email();
        if (email == null || email.isBlank() || !email.contains("@")) {
            return null;
        }
        String local = TextFold.fold(email.substring(0, email.indexOf('@')).strip());
        if (local.isEmpty()) {
            return null;
        }
        return local.length() <= 3 ? local : local.substring(0, local.offsetByCodePoints(0, 3));
    }

    private static String codeEnd(Attendee a) {
        String c = a.code().strip().toLowerCase(Locale.ROOT);
        return c.length() <= 4 ? c : c.substring(c.length() - 4);
    }

    /**
     * The person's answer to {@link #question}: right, and the station does what it does with an
     * arrival (checks them in and prints, at a self-service desk); wrong, and nothing happens.
     */
    public synchronized Answer answer(String handle, String answer) {
        String code = handles.get(handle);
        Optional<Attendee> a = code == null ? Optional.empty() : attendees.findByCode(code);
        if (a.isEmpty()) {
            return new Answer(Answer.Outcome.UNKNOWN, null, 0);
        }
        long now = clock.millis();
        Deque<Long> recent = recentMisses.computeIfAbsent(code, k -> new ArrayDeque<>());
        while (!recent.isEmpty() && now - recent.peekFirst() > MISS_MEMORY.toMillis()) {
            recent.removeFirst();
        }
        if (recent.size() >= MAX_MISSES) {
            handles.remove(handle);
            return new Answer(Answer.Outcome.SEE_DESK, null, 0);
        }
        String given = answer == null ? "" : answer.strip();
        String expected = questionFor(a.get()) == Question.EMAIL_START ? emailStart(a.get()) : codeEnd(a.get());
        String folded =
                questionFor(a.get()) == Question.EMAIL_START ? TextFold.fold(given) : given.toLowerCase(Locale.ROOT);
        if (!expected.isEmpty()
                && java.security.MessageDigest.isEqual(
                        folded.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            handles.clear();
            sessionMisses.clear();
            return new Answer(Answer.Outcome.ACCEPTED, checkIns.arrive(Actor.selfService(), code), 0);
        }
        recent.addLast(now);
        int misses = sessionMisses.merge(code, 1, Integer::sum);
        if (misses >= MAX_MISSES || recent.size() >= MAX_MISSES) {
            handles.remove(handle);
            return new Answer(Answer.Outcome.SEE_DESK, null, 0);
        }
        return new Answer(Answer.Outcome.WRONG, null, MAX_MISSES - misses);
    }

    /** A badge token or a registration barcode (or code), scanned: straight through, as at a desk. */
    public CheckInResult scan(String scanned) {
        reset();
        return checkIns.arrive(Actor.selfService(), scanned);
    }

    private String newHandle() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
