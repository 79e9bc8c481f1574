package org.arrivals.hub;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a station's name, or a caller's address): each key may spend up to
 * {@code burst} calls at once, refilled at {@code perSecond}. A station syncing every few seconds
 * never meets the limit; a runaway or hostile caller gets 429s instead of the hub's database.
 *
 * <p>At most {@code maxKeys} buckets are kept. When a new key would pass that, buckets that have
 * refilled completely are dropped first (forgetting a full bucket changes nothing: a new one
 * starts full); if every bucket is still in use, the new key is refused rather than any other
 * key's bucket forgotten. So a flood of addresses can neither grow the map without end nor give
 * a limited caller (or a station) a fresh burst.
 */
final class RateLimiter {
    static final int MAX_KEYS = 100_000;

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** When the buckets were last swept: at most once a second, so a flood of new keys costs no more than that. */
    private volatile long sweptAt = Long.MIN_VALUE;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized void refill(long now, double burst, double perNano) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
        }
    }

    RateLimiter(int burst, double perSecond, LongSupplier nanoTime) {
        this(burst, perSecond, nanoTime, MAX_KEYS);
    }

    RateLimiter(int burst, double perSecond, LongSupplier nanoTime, int maxKeys) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
        this.maxKeys = maxKeys;
    }

    /** Spends one call for {@code key}; false when its bucket is empty (or no bucket can be kept for it). */
    boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        Bucket b = bucket(key, now);
        if (b == null) {
            return false;
        }
        synchronized (b) {
            b.refill(now, burst, perNano);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** True when {@code key} could spend a call now; spends nothing. */
    boolean allows(String key) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.get(key);
        if (b == null) {
            return buckets.size() < maxKeys || evictFull(now) > 0;
        }
        synchronized (b) {
            b.refill(now, burst, perNano);
            return b.tokens >= 1;
        }
    }

    private Bucket bucket(String key, long now) {
        Bucket b = buckets.get(key);
        if (b != null) {
            return b;
        }
        if (buckets.size() >= maxKeys && evictFull(now) == 0) {
            return null;
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    }

    /** Drops every bucket that has refilled completely; returns how many. */
    private synchronized int evictFull(long now) {
        if (sweptAt != Long.MIN_VALUE && now - sweptAt < 1_000_000_000L) {
            return 0;
        }
        sweptAt = now;
        int before = buckets.size();
        buckets.values().removeIf(b -> {
            synchronized (b) {
                b.refill(now, burst, perNano);
                return b.tokens >= burst;
            }
        });
        return before - buckets.size();
    }

    int size() {
        return buckets.size();
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
