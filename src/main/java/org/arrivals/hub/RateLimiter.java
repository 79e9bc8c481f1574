package org.arrivals.hub;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a station's name, or a caller's address): each key may spend up to
 * {@code burst} calls at once, refilled at {@code perSecond}. A station syncing every few seconds
 * never meets the limit; a runaway or hostile caller gets 429s instead of the hub's database.
 */
final class RateLimiter {
    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(int burst, double perSecond, LongSupplier nanoTime) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
    }

    /** Spends one call for {@code key}; false when its bucket is empty. */
    boolean tryAcquire(String key) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // many addresses: forget them rather than grow without end
        }
        long now = nanoTime.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Seconds until {@code key} may call again (at least 1). */
    long retryAfterSeconds(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return 1;
        }
        synchronized (b) {
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }
}
