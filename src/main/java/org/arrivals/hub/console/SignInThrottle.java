package org.arrivals.hub.console;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Wrong passwords at the console's sign-in, counted by address and by organizer name: five are
 * free, then each further one closes the form for that key for 30 s, doubling up to 15 minutes. A
 * right password clears its keys. A closed key is refused before any password is checked, so
 * guessing costs the hub no hashing. At most 50,000 keys are kept (the oldest forgotten).
 */
final class SignInThrottle {
    static final int FREE = 5;
    private static final long FIRST_WAIT = 30_000_000_000L;
    private static final long MAX_WAIT = 900_000_000_000L;
    private static final int MAX_KEYS = 50_000;

    private record State(int failures, long closedUntil, long at) {}

    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    SignInThrottle(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** How many seconds the form stays closed for this address or name (0: open). */
    long waitSeconds(String address, String name) {
        long now = nanos.getAsLong();
        long wait = 0;
        for (String key : keys(address, name)) {
            State s = states.get(key);
            if (s != null && s.closedUntil() - now > 0) {
                wait = Math.max(wait, (s.closedUntil() - now + 999_999_999L) / 1_000_000_000L);
            }
        }
        return wait;
    }

    void failed(String address, String name) {
        long now = nanos.getAsLong();
        if (states.size() > MAX_KEYS) {
            states.entrySet().removeIf(e -> now - e.getValue().at() > MAX_WAIT);
        }
        for (String key : keys(address, name)) {
            states.compute(key, (k, s) -> {
                int failures = s == null ? 1 : s.failures() + 1;
                long closed = 0;
                if (failures >= FREE) {
                    long wait = FIRST_WAIT << Math.min(10, failures - FREE);
                    closed = now + Math.min(MAX_WAIT, wait);
                }
                return new State(failures, closed, now);
            });
        }
    }

    void succeeded(String address, String name) {
        for (String key : keys(address, name)) {
            states.remove(key);
        }
    }

    private static String[] keys(String address, String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.length() > 100) {
            n = n.substring(0, 100);
        }
        return new String[] {"a:" + address, "n:" + n};
    }
}
