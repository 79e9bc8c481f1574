package org.arrivals.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import org.arrivals.attendee.Attendee;

/**
 * An immutable in-memory index of the roster for search-as-you-type.
 *
 * <p>Every distinct folded word is kept once, in a sorted array; each word points to the people
 * who have it (a posting list of ordinals, the lowest bit saying whether the word came from a
 * name). A query word finds its exact match and every word it is a prefix of by binary search,
 * so a keystroke costs a lookup, not a scan of the roster. Only when that finds fewer people than
 * asked for does the index scan its dictionary for words one typo away.
 *
 * <p>Arrival state changes all day and is kept beside the index, in a bitset safe to update from
 * any thread; so is the set of people superseded by a newer version of themselves.
 */
public final class SearchIndex {
    private static final int FUZZY_MIN_LENGTH = 4;

    private final Attendee[] people;
    /** Alphabetical position of each person, so ranking compares ints, not strings. */
    private final int[] alphaRank;
    private final String[] sortNames;
    private final String[] dict;
    private final int[][] postings;
    private final Map<String, Integer> ordinalByCode;
    private final AtomicLongArray arrived;
    private final AtomicLongArray superseded;

    private SearchIndex(Attendee[] people, String[] dict, int[][] postings) {
        this.people = people;
        this.dict = dict;
        this.postings = postings;
        this.sortNames = new String[people.length];
        this.ordinalByCode = new HashMap<>(people.length * 2);
        for (int i = 0; i < people.length; i++) {
            sortNames[i] = sortName(people[i]);
            ordinalByCode.put(people[i].code(), i);
        }
        Integer[] order = new Integer[people.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> sortNames[i]).thenComparing(i -> people[i].code()));
        this.alphaRank = new int[people.length];
        for (int r = 0; r < order.length; r++) {
            alphaRank[order[r]] = r;
        }
        int words = (people.length + 63) / 64 + 1;
        this.arrived = new AtomicLongArray(words);
        this.superseded = new AtomicLongArray(words);
    }

    public static SearchIndex build(Collection<Attendee> roster) {
        Attendee[] people = roster.toArray(new Attendee[0]);
        Map<String, IntList> byToken = new HashMap<>(people.length * 4);
        for (int ord = 0; ord < people.length; ord++) {
            Attendee a = people[ord];
            Map<String, Boolean> tokens = new HashMap<>();
            for (String field : new String[] {a.firstName(), a.lastName(), a.badgeName()}) {
                for (String t : TextFold.indexTokens(field)) {
                    tokens.put(t, true);
                }
            }
            for (String field : new String[] {a.organization(), a.email(), a.code()}) {
                for (String t : TextFold.indexTokens(field)) {
                    tokens.putIfAbsent(t, false);
                }
            }
            for (var e : tokens.entrySet()) {
                byToken.computeIfAbsent(e.getKey(), k -> new IntList()).add(ord << 1 | (e.getValue() ? 1 : 0));
            }
        }
        String[] dict = byToken.keySet().toArray(new String[0]);
        Arrays.sort(dict);
        int[][] postings = new int[dict.length][];
        for (int i = 0; i < dict.length; i++) {
            postings[i] = byToken.get(dict[i]).toArray();
        }
        return new SearchIndex(people, dict, postings);
    }

    public int size() {
        return people.length;
    }

    public int distinctWords() {
        return dict.length;
    }

    /** Records arrival state for ranking; unknown codes are ignored. */
    public void setArrived(String code, boolean value) {
        Integer ord = ordinalByCode.get(code);
        if (ord != null) {
            setBit(arrived, ord, value);
        }
    }

    /** Hides a person whose newer version lives elsewhere (an edit since this index was built). */
    public void supersede(String code) {
        Integer ord = ordinalByCode.get(code);
        if (ord != null) {
            setBit(superseded, ord, true);
        }
    }

    public boolean contains(String code) {
        Integer ord = ordinalByCode.get(code);
        return ord != null && !bit(superseded, ord);
    }

    /** The best {@code limit} people matching every word of the query, best first. */
    public List<SearchHit> search(String query, int limit) {
        List<String> words = TextFold.queryTokens(query);
        if (words.isEmpty() || limit <= 0 || people.length == 0) {
            return List.of();
        }
        List<SearchHit> hits = search(words, limit, false);
        if (hits.size() < limit && words.stream().anyMatch(w -> w.codePointCount(0, w.length()) >= FUZZY_MIN_LENGTH)) {
            hits = search(words, limit, true);
        }
        return hits;
    }

    private List<SearchHit> search(List<String> words, int limit, boolean fuzzy) {
        // per word and person: 0 = no match, else quality (1 fuzzy, 2 prefix, 3 exact) * 2 + name bit
        byte[][] best = new byte[words.size()][];
        int smallest = 0;
        int[] counts = new int[words.size()];
        for (int w = 0; w < words.size(); w++) {
            best[w] = new byte[people.length];
            counts[w] = match(words.get(w), best[w], fuzzy);
            if (counts[w] == 0) {
                return List.of();
            }
            if (counts[w] < counts[smallest]) {
                smallest = w;
            }
        }
        // Rank with one long per person: the higher, the better. Top-k by a small heap.
        PriorityQueue<long[]> top = new PriorityQueue<>(limit + 1, Comparator.comparingLong(a -> a[0]));
        byte[] driver = best[smallest];
        for (int ord = 0; ord < people.length; ord++) {
            if (driver[ord] == 0 || bit(superseded, ord)) {
                continue;
            }
            int minQuality = 3;
            boolean wholeName = true;
            boolean all = true;
            for (byte[] b : best) {
                int v = b[ord];
                if (v == 0) {
                    all = false;
                    break;
                }
                minQuality = Math.min(minQuality, v >> 1);
                wholeName &= (v & 1) == 1;
            }
            if (!all) {
                continue;
            }
            boolean here = bit(arrived, ord);
            long score = ((long) minQuality << 40) | ((wholeName ? 1L : 0) << 39) | ((here ? 0L : 1) << 38)
                    | (Integer.MAX_VALUE - alphaRank[ord]);
            if (top.size() < limit) {
                top.add(new long[] {score, ord});
            } else if (score > top.peek()[0]) {
                top.poll();
                top.add(new long[] {score, ord});
            }
        }
        List<SearchHit> hits = new ArrayList<>(top.size());
        while (!top.isEmpty()) {
            long[] e = top.poll();
            int ord = (int) e[1];
            long s = e[0];
            hits.add(new SearchHit(people[ord], SearchHit.Match.values()[(int) (s >> 40) - 1], ((s >> 39) & 1) == 1,
                    ((s >> 38) & 1) == 0, sortNames[ord]));
        }
        java.util.Collections.reverse(hits);
        return hits;
    }

    /** Marks everyone the word matches; returns how many. */
    private int match(String word, byte[] best, boolean fuzzy) {
        int count = 0;
        int lo = lowerBound(word);
        int hi = lo;
        while (hi < dict.length && dict[hi].startsWith(word)) {
            count += mark(postings[hi], dict[hi].length() == word.length() ? 3 : 2, best);
            hi++;
        }
        if (fuzzy && word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH) {
            for (int i = 0; i < dict.length; i++) {
                if ((i < lo || i >= hi) && Typo.withinOneOfPrefix(word, dict[i])) {
                    count += mark(postings[i], 1, best);
                }
            }
        }
        return count;
    }

    private static int mark(int[] posting, int quality, byte[] best) {
        int newly = 0;
        for (int p : posting) {
            int ord = p >>> 1;
            byte v = (byte) (quality << 1 | (p & 1));
            if (best[ord] == 0) {
                newly++;
            }
            if (v > best[ord]) {
                best[ord] = v;
            }
        }
        return newly;
    }

    private int lowerBound(String word) {
        int lo = 0;
        int hi = dict.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dict[mid].compareTo(word) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String sortName(Attendee a) {
        return TextFold.fold(a.lastName().isEmpty() ? a.firstName() : a.lastName() + " " + a.firstName());
    }

    private static void setBit(AtomicLongArray bits, int i, boolean value) {
        long mask = 1L << (i & 63);
        if (value) {
            bits.getAndUpdate(i >>> 6, w -> w | mask);
        } else {
            bits.getAndUpdate(i >>> 6, w -> w & ~mask);
        }
    }

    private static boolean bit(AtomicLongArray bits, int i) {
        return (bits.get(i >>> 6) & (1L << (i & 63))) != 0;
    }

    /** A growable int array, so building postings does not box a million Integers. */
    private static final class IntList {
        private int[] a = new int[2];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
