package org.arrivals.checkin;

import java.util.Locale;
import java.util.Optional;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.badge.BadgeToken;

/**
 * Turns what a scanner typed into a person. A scanner is a keyboard: it may add a configured
 * prefix and suffix (often a control character or a fixed tag), which are stripped. Then, in
 * order: our own badge token (verified, so a forged one is refused as invalid, not just unknown),
 * the attendee code, the registration system's barcode.
 */
public final class ScanResolver {
    public enum Kind {
        FOUND,
        NOT_FOUND,
        INVALID,
        /**
         * A genuine badge token of the person, but of a generation a reprint replaced (a lost
         * badge): refused, nothing done. {@link Result#attendee()} is null, so nothing of them shows.
         */
        REPLACED
    }

    public record Result(Kind kind, Attendee attendee, String cleaned) {}

    private final AttendeeStore attendees;
    private final BadgeToken tokens;
    private final String prefix;
    private final String suffix;
    private final java.util.function.ToIntFunction<String> generationOf;

    public ScanResolver(AttendeeStore attendees, BadgeToken tokens, String prefix, String suffix) {
        this(attendees, tokens, prefix, suffix, code -> 0);
    }

    /** As above; a badge token older than its person's current badge generation ({@code generationOf}) is refused. */
    public ScanResolver(
            AttendeeStore attendees,
            BadgeToken tokens,
            String prefix,
            String suffix,
            java.util.function.ToIntFunction<String> generationOf) {
        this.generationOf = generationOf;
        this.attendees = attendees;
        this.tokens = tokens;
        // a prefix that names a key (F12) or a control character (STX) never reaches the text; a
        // literal one (a symbology identifier such as ]Q1) does, and is stripped
        this.prefix = prefix == null || namesAKey(prefix) ? "" : prefix;
        this.suffix = suffix == null ? "" : suffix;
    }

    /** A scanner prefix written as a key's name (F12, Pause, Insert, Scroll Lock) or STX, not as text. */
    static boolean namesAKey(String prefix) {
        String p = prefix.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        return p.matches("F([1-9]|1[0-9]|2[0-4])|STX|PAUSE|INSERT|SCROLLLOCK");
    }

    public Result resolve(String scanned) {
        String s = clean(scanned);
        if (s.isEmpty()) {
            return new Result(Kind.NOT_FOUND, null, s);
        }
        if (BadgeToken.looksLikeToken(s)) {
            Optional<BadgeToken.Verified> token = tokens.read(s);
            if (token.isEmpty()) {
                return new Result(Kind.INVALID, null, s);
            }
            String code = token.get().attendeeCode();
            if (token.get().generation() < generationOf.applyAsInt(code)) {
                return new Result(Kind.REPLACED, null, s);
            }
            return attendees
                    .findByCode(code)
                    .map(a -> new Result(Kind.FOUND, a, s))
                    .orElse(new Result(Kind.NOT_FOUND, null, s));
        }
        Optional<Attendee> a = attendees.findByCode(s).or(() -> attendees.findByBarcode(s));
        return a.map(x -> new Result(Kind.FOUND, x, s)).orElse(new Result(Kind.NOT_FOUND, null, s));
    }

    private String clean(String scanned) {
        String s = scanned == null ? "" : scanned;
        // Scanners end with Enter or Tab and sometimes send other control characters.
        s = s.replaceAll("\\p{Cntrl}", "").strip();
        if (!prefix.isEmpty() && s.startsWith(prefix)) {
            s = s.substring(prefix.length());
        }
        if (!suffix.isEmpty() && s.endsWith(suffix)) {
            s = s.substring(0, s.length() - suffix.length());
        }
        return s.strip();
    }
}
