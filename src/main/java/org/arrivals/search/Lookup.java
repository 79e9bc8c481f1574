package org.arrivals.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RosterListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name search over the whole roster, kept current as it changes.
 *
 * <p>The roster lives in an immutable {@link SearchIndex}; a person added or edited since it was
 * built goes into a small second index, and hides their old self in the big one. When the small
 * one grows past a few hundred people, or a whole import lands, the big one is dropped and rebuilt
 * from the store when next needed. Callers run this off the UI thread: building 100,000 people
 * takes a few seconds, and {@link #warm()} does it ahead of the first keystroke.
 */
public final class Lookup implements RosterListener {
    private static final Logger LOG = LoggerFactory.getLogger(Lookup.class);
    private static final int REBUILD_AFTER = 500;

    private final Supplier<Collection<Attendee>> roster;
    private final Supplier<Set<String>> arrivedCodes;
    private final Map<String, Attendee> changed = new ConcurrentHashMap<>();
    private volatile SearchIndex base;
    private volatile SearchIndex recent = SearchIndex.build(List.of());

    public Lookup(Supplier<Collection<Attendee>> roster, Supplier<Set<String>> arrivedCodes) {
        this.roster = roster;
        this.arrivedCodes = arrivedCodes;
    }

    /** The best {@code limit} matches for what was typed, best first (see {@link SearchHit#RANKING}). */
    public List<SearchHit> search(String query, int limit) {
        SearchIndex b = base();
        SearchIndex r = recent;
        List<SearchHit> hits = new ArrayList<>(b.search(query, limit));
        if (r.size() > 0) {
            hits.addAll(r.search(query, limit));
            hits.sort(SearchHit.RANKING);
        }
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /** Arrival state for ranking. Before the index is built there is nothing to update: the build reads it. */
    public void setArrived(String code, boolean arrived) {
        SearchIndex b = base;
        if (b != null) {
            b.setArrived(code, arrived);
        }
        recent.setArrived(code, arrived);
    }

    /** Many people changed: the index is rebuilt from the store on the next search (or {@link #warm()}). */
    @Override
    public synchronized void rosterReloaded() {
        base = null;
        changed.clear();
        recent = SearchIndex.build(List.of());
    }

    @Override
    public synchronized void attendeeChanged(Attendee attendee) {
        if (base == null) {
            return; // the next build reads the store, which already holds the change
        }
        if (changed.size() >= REBUILD_AFTER) {
            rosterReloaded();
            return;
        }
        changed.put(attendee.code(), attendee);
        base.supersede(attendee.code());
        SearchIndex fresh = SearchIndex.build(changed.values());
        Set<String> arrived = arrivedCodes.get();
        changed.keySet().stream().filter(arrived::contains).forEach(code -> fresh.setArrived(code, true));
        recent = fresh;
    }

    /** Builds the index now if it is not built, so the first keystroke does not wait for it. */
    public void warm() {
        base();
    }

    private synchronized SearchIndex build() {
        if (base != null) {
            return base;
        }
        long t0 = System.nanoTime();
        SearchIndex fresh = SearchIndex.build(roster.get());
        Set<String> before = arrivedCodes.get();
        before.forEach(code -> fresh.setArrived(code, true));
        base = fresh;
        // Check-ins and undos committed while building saw no index to update; read them again.
        Set<String> after = arrivedCodes.get();
        after.forEach(code -> fresh.setArrived(code, true));
        before.stream().filter(code -> !after.contains(code)).forEach(code -> fresh.setArrived(code, false));
        LOG.info(
                "Search index built: {} people, {} distinct words, {} ms",
                fresh.size(),
                fresh.distinctWords(),
                (System.nanoTime() - t0) / 1_000_000);
        return fresh;
    }

    private SearchIndex base() {
        SearchIndex b = base;
        return b != null ? b : build();
    }
}
