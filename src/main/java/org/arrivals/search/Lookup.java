package org.arrivals.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RosterListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name search over the whole roster, kept current as it changes, without ever making a keystroke
 * wait for the index to be built (except the very first build, when there is nothing to answer
 * from; {@link #warm()} does that one ahead of the first keystroke).
 *
 * <p>The roster lives in an immutable {@link SearchIndex} (the base); people added or changed
 * since it was built live in a small second index (the recent one) and hide their older selves in
 * the base. Walk-ins, edits and roster pages pulled by sync, like those made here, go to the
 * recent index as they are told. When it holds {@value #REBUILD_AFTER} people or more, a new base
 * is merged from the two on a background thread (the store is not read again: together they hold
 * every change told); when a whole import lands, a new base is read from the store. Either way
 * the old pair keeps answering meanwhile, and the new one is swapped in at once. A rebuild that
 * changes asked for starts once they have paused for two seconds (twenty at most), so a sync
 * bringing several pages in a row builds once. Changes told while a base is built stay in the new
 * recent index, and arrivals told meanwhile are laid over the new base before the swap, so
 * neither is lost.
 *
 * <p>Searches read one immutable pair of indexes and take no lock. Listener calls and arrival
 * updates take a short lock; building the recent index after a change happens under it, on the
 * thread that told the change (the check-in log's or the sync worker's, never the UI's).
 */
public final class Lookup implements RosterListener {
    private static final Logger LOG = LoggerFactory.getLogger(Lookup.class);
    /** People in the recent index that start a new base in the background. */
    static final int REBUILD_AFTER = 500;
    /** How long changes must pause before a rebuild they asked for starts, and the longest it waits. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(20);

    private static final SearchIndex EMPTY = SearchIndex.build(List.of());

    /** What a search reads: both indexes, swapped together. {@code base} is null until the first build. */
    private record View(SearchIndex base, SearchIndex recent) {}

    /** A changed person, numbered in the order they were told. */
    private record Change(Attendee attendee, long seq) {}

    private final Supplier<Collection<Attendee>> roster;
    private final Supplier<Set<String>> arrivedCodes;
    private final Executor rebuilds;
    /** Held while a base is built: one build at a time. Never taken with {@link #lock} held. */
    private final ReentrantLock building = new ReentrantLock();

    private volatile View view = new View(null, EMPTY);

    private final Object lock = new Object();
    // Guarded by lock:
    /** Everyone changed since the base was built, newest version of each. */
    private final Map<String, Change> changed = new HashMap<>();
    /** Arrival state of codes the base does not hold (walk-ins since it was built, people not on the roster yet). */
    private Map<String, Boolean> outside = new HashMap<>();
    /** Non-null while a base is built: the arrivals told meanwhile, to lay over it before the swap. */
    private Map<String, Boolean> arrivalsWhileBuilding;

    private long seq;
    /** A build asked for and not started yet; it completes when that build ends. */
    private CompletableFuture<Void> nextBuild;
    /** The build under way, if any. */
    private CompletableFuture<Void> currentBuild;

    private boolean builderRunning;
    /** An import waits for the next build: it starts at once. */
    private boolean reloadWaiting;
    /** When the last change was told ({@link System#nanoTime()}). */
    private long lastChange;

    private final long settleNanos;

    public Lookup(Supplier<Collection<Attendee>> roster, Supplier<Set<String>> arrivedCodes) {
        this(roster, arrivedCodes, Lookup::onItsOwnThread, SETTLE);
    }

    /**
     * With the executor that runs background rebuilds (a test holds them back with its own; it
     * must not run them on the calling thread) and how long changes must pause before one starts.
     */
    Lookup(
            Supplier<Collection<Attendee>> roster,
            Supplier<Set<String>> arrivedCodes,
            Executor rebuilds,
            Duration settle) {
        this.roster = roster;
        this.arrivedCodes = arrivedCodes;
        this.rebuilds = rebuilds;
        this.settleNanos = settle.toNanos();
    }

    /**
     * Loads and runs the index's code once on a handful of made-up people (Latin with diacritics,
     * Arabic, Chinese), on a thread of its own: the folding tables and the classes a first build and
     * a first search need are then ready when the station opens, instead of being loaded by the
     * desk's first build while a search waits for it. Nothing is kept.
     */
    public static void warmCode() {
        Thread t = new Thread(
                () -> {
                    List<Attendee> people = List.of(
                            warmPerson(1, "José María", "Cruz-García", "jose@example.org", "Universidad"),
                            warmPerson(2, "ليلى", "حداد", "layla@example.org", "جمعية"),
                            warmPerson(3, "小明", "王", null, "北京"),
                            warmPerson(4, "Minh", "Nguyễn", "minh.n@example.org", "Boat People SOS"));
                    Lookup l = new Lookup(() -> people, Set::of);
                    for (String q :
                            List.of("jo", "jose cruz", "nguyen", "ليل", "王", "minh.n@example.org", "cruz garcai")) {
                        l.search(q, 20);
                    }
                    l.attendeesChanged(List.of(warmPerson(5, "Ana", "Silva", null, null)));
                    l.search("ana", 20);
                },
                "arrivals-warm-search");
        t.setDaemon(true);
        t.start();
    }

    private static Attendee warmPerson(long id, String first, String last, String email, String organization) {
        return new Attendee(
                id,
                "W" + id,
                null,
                first,
                last,
                null,
                null,
                email,
                organization,
                null,
                "Attendee",
                org.arrivals.attendee.RegistrationStatus.ATTENDING,
                java.util.Map.of(),
                false);
    }

    private static void onItsOwnThread(Runnable work) {
        Thread t = new Thread(work, "arrivals-search-index");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The best {@code limit} matches for what was typed, best first (see {@link SearchHit#RANKING}).
     * A whole email address finds the people who gave exactly it, and no one else.
     */
    public List<SearchHit> search(String query, int limit) {
        View v = view;
        if (v.base() == null) {
            firstBuild();
            v = view;
        }
        String email = SearchIndex.emailKey(query);
        List<SearchHit> hits = email != null
                ? merge(v.base().byEmail(email, limit), v.recent().byEmail(email, limit), limit)
                : merge(v.base().byWords(query, limit), v.recent().byWords(query, limit), limit);
        if (!searched.isDone()) {
            searched.complete(null);
        }
        return hits;
    }

    private final CompletableFuture<Void> searched = new CompletableFuture<>();

    /** Done once a first search was answered (a start loads what can wait until then, or a while). */
    public CompletableFuture<Void> searched() {
        return searched;
    }

    /** Both indexes' hits; a person found in both is shown as the recent index has them. */
    private static List<SearchHit> merge(List<SearchHit> base, List<SearchHit> recent, int limit) {
        if (recent.isEmpty()) {
            return base;
        }
        Set<String> newer = new HashSet<>();
        recent.forEach(h -> newer.add(h.attendee().code()));
        List<SearchHit> hits = new ArrayList<>(recent);
        for (SearchHit h : base) {
            if (!newer.contains(h.attendee().code())) {
                hits.add(h);
            }
        }
        hits.sort(SearchHit.RANKING);
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /** Arrival state for ranking. Before the first build there is nothing to update: the build reads it. */
    public void setArrived(String code, boolean arrived) {
        synchronized (lock) {
            View v = view;
            if (v.base() == null && arrivalsWhileBuilding == null) {
                return;
            }
            if (arrivalsWhileBuilding != null) {
                arrivalsWhileBuilding.put(code, arrived);
            }
            if (v.base() == null || !v.base().setArrived(code, arrived)) {
                outside.put(code, arrived);
            }
            v.recent().setArrived(code, arrived);
        }
    }

    /**
     * Anyone may have changed (an import): a new base is built from the store, in the background,
     * and this call returns when it is in use. Searches meanwhile answer from the old one.
     */
    @Override
    public void rosterReloaded() {
        CompletableFuture<Void> done;
        synchronized (lock) {
            if (view.base() == null && arrivalsWhileBuilding == null) {
                return; // the first search builds from the store, which holds the change
            }
            reloadWaiting = true;
            done = requestRebuild();
        }
        await(done);
    }

    @Override
    public void attendeeChanged(Attendee attendee) {
        attendeesChanged(List.of(attendee));
    }

    /**
     * People added or changed: searchable at once through the recent index; a base rebuild is
     * started in the background when the recent index has grown large.
     */
    @Override
    public void attendeesChanged(List<Attendee> batch) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (lock) {
            View v = view;
            if (v.base() == null && arrivalsWhileBuilding == null) {
                return; // the first search builds from the store, which holds the change
            }
            for (Attendee a : batch) {
                changed.put(a.code(), new Change(a, ++seq));
            }
            lastChange = System.nanoTime();
            // The new versions first, then the old ones hidden: a search in between may find a
            // person twice (merged into one), never not at all.
            view = new View(v.base(), recentIndex(v.base()));
            if (v.base() != null) {
                batch.forEach(a -> v.base().supersede(a.code()));
            }
            if (changed.size() >= REBUILD_AFTER) {
                requestRebuild();
            }
        }
    }

    /**
     * Builds the index now if there is none, and waits for a rebuild under way or asked for, so the
     * first keystroke does not wait for it and what it finds is current.
     */
    public void warm() {
        if (view.base() == null) {
            firstBuild();
        }
        CompletableFuture<Void> pending;
        synchronized (lock) {
            pending = nextBuild != null ? nextBuild : currentBuild;
        }
        if (pending != null) {
            await(pending);
        }
    }

    private static void await(CompletableFuture<Void> build) {
        try {
            build.join();
        } catch (CompletionException | CancellationException e) {
            // logged where it failed; the index in use keeps answering
        }
    }

    /** The one build a search may wait for: nothing exists yet to answer from. */
    private void firstBuild() {
        building.lock();
        try {
            if (view.base() == null) {
                build(true);
            }
        } finally {
            building.unlock();
        }
    }

    /** Asks for a new base, begun after this call; under {@link #lock}. */
    private CompletableFuture<Void> requestRebuild() {
        if (nextBuild == null) {
            nextBuild = new CompletableFuture<>();
            if (!builderRunning) {
                builderRunning = true;
                rebuilds.execute(this::runBuilds);
            }
        }
        return nextBuild;
    }

    /** The background builder: one build per request outstanding when the last one started. */
    private void runBuilds() {
        while (true) {
            settle();
            CompletableFuture<Void> done;
            boolean fromStore;
            synchronized (lock) {
                fromStore = reloadWaiting;
                reloadWaiting = false;
                done = nextBuild;
                nextBuild = null;
                currentBuild = done;
                if (done == null) {
                    builderRunning = false;
                    return;
                }
            }
            building.lock();
            try {
                build(fromStore);
                done.complete(null);
            } catch (RuntimeException | Error e) {
                LOG.warn("The search index could not be rebuilt; the one in use keeps answering", e);
                done.completeExceptionally(e);
            } finally {
                building.unlock();
                synchronized (lock) {
                    currentBuild = null;
                }
            }
        }
    }

    /** Waits until changes have paused for {@link #settleNanos}, at most ten times that, unless an import waits. */
    private void settle() {
        long deadline = System.nanoTime() + settleNanos * (SETTLE_AT_MOST.toNanos() / SETTLE.toNanos());
        while (true) {
            long wait;
            synchronized (lock) {
                if (reloadWaiting) {
                    return;
                }
                wait = Math.min(lastChange + settleNanos, deadline) - System.nanoTime();
            }
            if (wait <= 0) {
                return;
            }
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * Builds a new base and swaps it in, holding {@link #building}: from the store (the first
     * build, an import), or else by merging the base and the recent index in use, which hold every
     * change told since the store was last read, without reading it again.
     */
    private void build(boolean fromStore) {
        long t0 = System.nanoTime();
        long start;
        View v;
        Map<String, Boolean> freshOutside = new HashMap<>();
        synchronized (lock) {
            start = seq;
            v = view;
            arrivalsWhileBuilding = new HashMap<>();
            if (!fromStore && v.base() != null) {
                freshOutside.putAll(outside);
            }
        }
        try {
            SearchIndex fresh;
            if (fromStore || v.base() == null) {
                fresh = SearchIndex.build(roster.get());
                for (String code : arrivedCodes.get()) {
                    if (!fresh.setArrived(code, true)) {
                        freshOutside.put(code, true);
                    }
                }
            } else {
                fresh = SearchIndex.merge(v.base(), v.recent());
                freshOutside.keySet().removeIf(fresh::holds);
            }
            synchronized (lock) {
                // Arrivals told while building may be missing from what the store gave: the latest word wins.
                arrivalsWhileBuilding.forEach((code, arrived) -> {
                    if (!fresh.setArrived(code, arrived)) {
                        freshOutside.put(code, arrived);
                    }
                });
                // Changes told before the build began are in what it was built from; later ones may not be.
                changed.values().removeIf(c -> c.seq() <= start);
                changed.keySet().forEach(fresh::supersede);
                outside = freshOutside;
                view = new View(fresh, recentIndex(fresh));
                if (changed.size() >= REBUILD_AFTER) {
                    requestRebuild();
                }
            }
            LOG.info(
                    "Search index {}: {} people, {} distinct words, {} changed since, {} ms",
                    fromStore || v.base() == null ? "read from the store" : "merged with recent changes",
                    fresh.size(),
                    fresh.distinctWords(),
                    view.recent().size(),
                    (System.nanoTime() - t0) / 1_000_000);
        } finally {
            synchronized (lock) {
                arrivalsWhileBuilding = null;
            }
        }
    }

    /** The recent index for everyone in {@link #changed}, with their arrival state; under {@link #lock}. */
    private SearchIndex recentIndex(SearchIndex base) {
        if (changed.isEmpty()) {
            return EMPTY;
        }
        List<Attendee> people = new ArrayList<>(changed.size());
        changed.values().forEach(c -> people.add(c.attendee()));
        SearchIndex r = SearchIndex.build(people);
        for (Attendee a : people) {
            String code = a.code();
            r.setArrived(
                    code, base != null && base.holds(code) ? base.arrived(code) : outside.getOrDefault(code, false));
        }
        return r;
    }
}
