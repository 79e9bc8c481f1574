package org.arrivals.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import org.apache.commons.codec.digest.MurmurHash3;
import org.arrivals.attendee.Attendee;

/**
 * The search index as it was before its words and people were packed into flat arrays (each word
 * and each code a {@code String}, each person a slim {@code Attendee}), kept unchanged for the
 * search benchmark's baseline and for tests that compare the two on the same roster. Not used by
 * the application.
 *
 * <p>An immutable in-memory index of the roster for search-as-you-type.
 *
 * <p>Every distinct folded word is kept once, in a sorted array, so the words a typed prefix
 * begins form one contiguous range of word ids, found by binary search. Each word points to the
 * people who have it (a posting list); each person points back to their words (a forward list).
 * A query starts from its rarest word's postings and checks every other word against each
 * candidate's own few word ids with two integer comparisons, so a keystroke costs a lookup and a
 * short walk, never a scan of the roster. Only a word that begins no word at all is retried as
 * one typo away, over the part of the dictionary that could hold such a word.
 *
 * <p>People are held in a slim form (no email, title, barcode or extra fields) with repeated
 * strings shared, and ordered by code, so finding a person by code needs no map.
 *
 * <p>An email address is searched by the words of the part before its {@code @}, like a name. A
 * whole address, typed or pasted, is also looked up exactly: each person's folded address is kept
 * as a 64-bit hash in a sorted array (12 bytes a person), so the domains never become words (every
 * {@code example} would otherwise find half the roster) and no address is held in memory.
 *
 * <p>Arrival state changes all day and is kept beside the index, in a bitset safe to update from
 * any thread; so is the set of people superseded by a newer version of themselves.
 */
public final class LegacySearchIndex {
    private static final int FUZZY_MIN_LENGTH = 4;
    private static final int NAME_BIT = 1 << 30;

    /** Sorted by code. */
    private final Attendee[] people;
    /** Alphabetical position of each person, so ranking compares ints, not strings. */
    private final int[] alphaRank;

    private final String[] dict;
    /** Word ids of {@link #dict} ordered by the word without its first character, for typo search. */
    private final int[] bySecond;
    /**
     * Per word {@code w}: the people who have it, {@code postingData[postingStart[w]..postingStart[w + 1])},
     * each as {@code ordinal << 1 | 1 if the word came from a name}. Flat arrays rather than an
     * array per word or per person: a handful of large objects, which the garbage collector never
     * copies, so building a new index beside the one in use stays out of the way of keystrokes.
     */
    private final int[] postingStart;

    private final int[] postingData;
    /** Per person: word ids, with {@link #NAME_BIT} set when the word came from a name, laid out as the postings. */
    private final int[] forwardStart;

    private final int[] forwardData;

    /** Hashes of folded whole email addresses, sorted; {@link #emailOwners} holds each one's person. */
    private final long[] emailHashes;

    private final int[] emailOwners;

    private final AtomicLongArray arrived;
    private final AtomicLongArray superseded;

    private LegacySearchIndex(
            Attendee[] people,
            String[] dict,
            int[] postingStart,
            int[] postingData,
            int[] forwardStart,
            int[] forwardData,
            long[] emailHashes,
            int[] emailOwners) {
        this.people = people;
        this.dict = dict;
        this.postingStart = postingStart;
        this.postingData = postingData;
        this.forwardStart = forwardStart;
        this.forwardData = forwardData;
        this.emailHashes = emailHashes;
        this.emailOwners = emailOwners;
        Integer[] order = new Integer[people.length];
        String[] sortNames = new String[people.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sortNames[i] = sortName(people[i]);
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> sortNames[i]).thenComparing(i -> people[i].code()));
        this.alphaRank = new int[people.length];
        for (int r = 0; r < order.length; r++) {
            alphaRank[order[r]] = r;
        }
        String[] tails = new String[dict.length];
        Integer[] second = new Integer[dict.length];
        for (int i = 0; i < second.length; i++) {
            second[i] = i;
            tails[i] = tail(dict[i]);
        }
        Arrays.sort(second, Comparator.comparing((Integer i) -> tails[i]));
        this.bySecond = Arrays.stream(second).mapToInt(Integer::intValue).toArray();
        int words = (people.length + 63) / 64 + 1;
        this.arrived = new AtomicLongArray(words);
        this.superseded = new AtomicLongArray(words);
    }

    public static LegacySearchIndex build(Collection<Attendee> roster) {
        Attendee[] source = roster.toArray(new Attendee[0]);
        Arrays.sort(source, Comparator.comparing(Attendee::code));
        StringIds shared = new StringIds(source.length);
        Attendee[] people = new Attendee[source.length];
        StringIds tokens = new StringIds(source.length * 2);
        int[] forwardStart = new int[source.length + 1];
        int[] forwardData = new int[source.length * 8 + 16];
        long[] emailHash = new long[source.length];
        BitSet withEmail = new BitSet(source.length);
        for (int ord = 0; ord < source.length; ord++) {
            Attendee a = source[ord];
            people[ord] = slim(a, shared);
            String email = emailKey(a.email());
            if (email != null) {
                emailHash[ord] = hash(email);
                withEmail.set(ord);
            }
            int from = forwardStart[ord];
            int end = from;
            for (String field : new String[] {a.firstName(), a.lastName(), a.badgeName()}) {
                for (String t : TextFold.indexTokens(field)) {
                    forwardData = room(forwardData, end);
                    end = add(forwardData, from, end, tokens.id(t), true);
                }
            }
            for (String field : new String[] {a.organization(), emailLocalPart(a.email()), a.code()}) {
                for (String t : TextFold.indexTokens(field)) {
                    forwardData = room(forwardData, end);
                    end = add(forwardData, from, end, tokens.id(t), false);
                }
            }
            forwardStart[ord + 1] = end;
        }
        return assemble(people, tokens, forwardStart, forwardData, emailHash, withEmail);
    }

    /**
     * Everyone {@code base} holds and does not hide, and everyone in {@code newer}, in one index,
     * without reading the store or folding a name again: people, words, email hashes and arrival
     * state are taken from the two indexes (a person in both is taken from {@code newer}). Words
     * only hidden people had are left out. Builds a few large arrays and little else, so it is
     * quick and leaves the garbage collector little to do while keystrokes run.
     */
    static LegacySearchIndex merge(LegacySearchIndex base, LegacySearchIndex newer) {
        int n = newer.people.length;
        for (int i = 0; i < base.people.length; i++) {
            if (!bit(base.superseded, i) && newer.ordinal(base.people[i].code()) < 0) {
                n++;
            }
        }
        Attendee[] people = new Attendee[n];
        StringIds tokens = new StringIds(base.dict.length + newer.dict.length);
        int[] forwardStart = new int[n + 1];
        int[] forwardData = new int[base.forwardData.length + newer.forwardData.length];
        long[] emailHash = new long[n];
        BitSet withEmail = new BitSet(n);
        BitSet here = new BitSet(n);
        long[] baseEmail = new long[base.people.length];
        BitSet baseWithEmail = base.emailsByOrdinal(baseEmail);
        long[] newerEmail = new long[newer.people.length];
        BitSet newerWithEmail = newer.emailsByOrdinal(newerEmail);
        int i = 0;
        int j = 0;
        for (int ord = 0; ord < n; ord++) {
            while (i < base.people.length
                    && (bit(base.superseded, i)
                            || (j < newer.people.length && base.people[i].code().equals(newer.people[j].code())))) {
                i++; // hidden, or newer has them
            }
            boolean fromNewer = i == base.people.length
                    || (j < newer.people.length && newer.people[j].code().compareTo(base.people[i].code()) < 0);
            LegacySearchIndex src = fromNewer ? newer : base;
            int o = fromNewer ? j++ : i++;
            people[ord] = src.people[o];
            int end = forwardStart[ord];
            for (int k = src.forwardStart[o]; k < src.forwardStart[o + 1]; k++) {
                int v = src.forwardData[k];
                forwardData[end++] = tokens.id(src.dict[v & ~NAME_BIT]) | (v & NAME_BIT);
            }
            forwardStart[ord + 1] = end;
            if ((fromNewer ? newerWithEmail : baseWithEmail).get(o)) {
                emailHash[ord] = (fromNewer ? newerEmail : baseEmail)[o];
                withEmail.set(ord);
            }
            if (bit(src.arrived, o)) {
                here.set(ord);
            }
        }
        LegacySearchIndex merged = assemble(people, tokens, forwardStart, forwardData, emailHash, withEmail);
        for (int ord = here.nextSetBit(0); ord >= 0; ord = here.nextSetBit(ord + 1)) {
            setBit(merged.arrived, ord, true);
        }
        return merged;
    }

    /** Each person's email hash into {@code byOrdinal}; returns who has one. */
    private BitSet emailsByOrdinal(long[] byOrdinal) {
        BitSet has = new BitSet(people.length);
        for (int i = 0; i < emailOwners.length; i++) {
            byOrdinal[emailOwners[i]] = emailHashes[i];
            has.set(emailOwners[i]);
        }
        return has;
    }

    /**
     * The index over people sorted by code, each with their words ({@code forwardData} holds ids
     * of {@code tokens}, marked with {@link #NAME_BIT}, person by person from {@code forwardStart})
     * and email hash.
     */
    private static LegacySearchIndex assemble(
            Attendee[] people,
            StringIds tokens,
            int[] forwardStart,
            int[] forwardData,
            long[] emailHash,
            BitSet withEmail) {
        forwardData = Arrays.copyOf(forwardData, forwardStart[people.length]);
        // Renumber words in sorted order, so a prefix is a range of ids.
        String[] dict = tokens.strings();
        String[] sorted = dict.clone();
        Arrays.sort(sorted);
        int[] newId = new int[dict.length];
        for (int r = 0; r < sorted.length; r++) {
            newId[tokens.id(sorted[r])] = r;
        }
        int[] postingStart = new int[dict.length + 1];
        for (int i = 0; i < forwardData.length; i++) {
            int id = newId[forwardData[i] & ~NAME_BIT];
            forwardData[i] = id | (forwardData[i] & NAME_BIT);
            postingStart[id + 1]++;
        }
        for (int w = 0; w < dict.length; w++) {
            postingStart[w + 1] += postingStart[w];
        }
        int[] postingData = new int[forwardData.length];
        int[] fill = Arrays.copyOf(postingStart, dict.length);
        for (int ord = 0; ord < people.length; ord++) {
            for (int k = forwardStart[ord]; k < forwardStart[ord + 1]; k++) {
                int v = forwardData[k];
                int id = v & ~NAME_BIT;
                postingData[fill[id]++] = ord << 1 | ((v & NAME_BIT) != 0 ? 1 : 0);
            }
        }
        int emails = withEmail.cardinality();
        Integer[] byHash = new Integer[emails];
        for (int ord = withEmail.nextSetBit(0), i = 0; ord >= 0; ord = withEmail.nextSetBit(ord + 1)) {
            byHash[i++] = ord;
        }
        Arrays.sort(byHash, (x, y) -> Long.compare(emailHash[x], emailHash[y]));
        long[] emailHashes = new long[emails];
        int[] emailOwners = new int[emails];
        for (int i = 0; i < emails; i++) {
            emailOwners[i] = byHash[i];
            emailHashes[i] = emailHash[byHash[i]];
        }
        return new LegacySearchIndex(
                people, sorted, postingStart, postingData, forwardStart, forwardData, emailHashes, emailOwners);
    }

    /** {@code data} with room for one more value at {@code end}. */
    private static int[] room(int[] data, int end) {
        return end < data.length ? data : Arrays.copyOf(data, data.length * 2);
    }

    /**
     * Adds a word id to one person's words {@code data[from..end)} unless they have it already; a
     * word from a name marks it as such even when another field had it first. Returns the new end.
     */
    private static int add(int[] data, int from, int end, int id, boolean name) {
        for (int k = from; k < end; k++) {
            if ((data[k] & ~NAME_BIT) == id) {
                if (name) {
                    data[k] |= NAME_BIT;
                }
                return end;
            }
        }
        data[end] = id | (name ? NAME_BIT : 0);
        return end + 1;
    }

    /**
     * The folded form of a whole email address as typed, pasted ({@code mailto:} and angle brackets
     * are dropped) or stored; null when the text is not one address: a space in it, or nothing
     * before or after its last {@code @}.
     */
    static String emailKey(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.regionMatches(true, 0, "mailto:", 0, 7)) {
            t = t.substring(7);
        }
        if (t.length() > 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') {
            t = t.substring(1, t.length() - 1);
        }
        int at = t.lastIndexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return null;
            }
        }
        return TextFold.fold(t);
    }

    /**
     * 64 bits of MurmurHash3 over the folded address. Two of a roster's addresses sharing one, or a
     * typed address not on the roster matching one, is about as likely as n / 2^64: never, in practice.
     */
    private static long hash(String emailKey) {
        return MurmurHash3.hash128x64(emailKey.getBytes(StandardCharsets.UTF_8))[0];
    }

    /** People search by the name part of an email; the domain is their organization, indexed already. */
    private static String emailLocalPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /** What a search result needs to show, with repeated strings (types, organizations, names) shared. */
    private static Attendee slim(Attendee a, StringIds shared) {
        return new Attendee(
                a.id(),
                a.code(),
                null,
                shared.share(a.firstName()),
                shared.share(a.lastName()),
                shared.share(a.badgeName()),
                shared.share(a.pronouns()),
                null,
                shared.share(a.organization()),
                null,
                shared.share(a.type()),
                a.status(),
                Map.of(),
                a.walkIn());
    }

    public int size() {
        return people.length;
    }

    public int distinctWords() {
        return dict.length;
    }

    /** Records arrival state for ranking. Returns false, and records nothing, for a code this index does not hold. */
    public boolean setArrived(String code, boolean value) {
        int ord = ordinal(code);
        if (ord >= 0) {
            setBit(arrived, ord, value);
        }
        return ord >= 0;
    }

    /** Whether this index holds the code at all, superseded or not. */
    boolean holds(String code) {
        return ordinal(code) >= 0;
    }

    /** The arrival state recorded for a code this index holds (see {@link #holds}). */
    boolean arrived(String code) {
        int ord = ordinal(code);
        return ord >= 0 && bit(arrived, ord);
    }

    /** Hides a person whose newer version lives elsewhere (an edit since this index was built). */
    public void supersede(String code) {
        int ord = ordinal(code);
        if (ord >= 0) {
            setBit(superseded, ord, true);
        }
    }

    public boolean contains(String code) {
        int ord = ordinal(code);
        return ord >= 0 && !bit(superseded, ord);
    }

    private int ordinal(String code) {
        int lo = 0;
        int hi = people.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = people[mid].code().compareTo(code);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** How one query word can match: a range of word ids (a prefix), or a set of ids one typo away. */
    private record WordMatch(String word, int lo, int hi, BitSet typos) {
        /** 3 exact, 2 prefix, 1 one typo away, 0 no match. */
        int quality(int id, String[] dict) {
            if (id >= lo && id < hi) {
                return dict[id].length() == word.length() ? 3 : 2;
            }
            return typos != null && typos.get(id) ? 1 : 0;
        }
    }

    /**
     * The best {@code limit} people matching every word of the query, best first. A whole email
     * address (see {@link #emailKey}) finds the people who gave exactly that address, and no one
     * else: an address at another domain is someone else's.
     */
    public List<SearchHit> search(String query, int limit) {
        String email = emailKey(query);
        return email != null ? byEmail(email, limit) : byWords(query, limit);
    }

    /** The people (not superseded) whose whole folded address is {@code emailKey} (see {@link #emailKey}). */
    List<SearchHit> byEmail(String emailKey, int limit) {
        long h = hash(emailKey);
        int i = Arrays.binarySearch(emailHashes, h);
        if (i < 0 || limit <= 0) {
            return List.of();
        }
        while (i > 0 && emailHashes[i - 1] == h) {
            i--;
        }
        List<SearchHit> hits = new ArrayList<>(1);
        for (; i < emailHashes.length && emailHashes[i] == h; i++) {
            int ord = emailOwners[i];
            if (!bit(superseded, ord)) {
                hits.add(new SearchHit(
                        people[ord], SearchHit.Match.EXACT, false, bit(arrived, ord), sortName(people[ord])));
            }
        }
        hits.sort(SearchHit.RANKING);
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /** The best {@code limit} people matching every word of the query, best first. */
    List<SearchHit> byWords(String query, int limit) {
        List<String> words = TextFold.queryTokens(query);
        if (words.isEmpty() || limit <= 0 || people.length == 0) {
            return List.of();
        }
        List<WordMatch> matches = new ArrayList<>(words.size());
        WordMatch driver = null;
        long driverCost = Long.MAX_VALUE;
        for (String w : words) {
            int lo = lowerBound(w);
            int hi = lo;
            long cost = 0;
            while (hi < dict.length && dict[hi].startsWith(w)) {
                cost += postingStart[hi + 1] - postingStart[hi];
                hi++;
            }
            BitSet typos = null;
            if (lo == hi) {
                if (w.codePointCount(0, w.length()) < FUZZY_MIN_LENGTH) {
                    return List.of();
                }
                typos = typos(w);
                for (int id = typos.nextSetBit(0); id >= 0; id = typos.nextSetBit(id + 1)) {
                    cost += postingStart[id + 1] - postingStart[id];
                }
                if (cost == 0) {
                    return List.of();
                }
            }
            WordMatch m = new WordMatch(w, lo, hi, typos);
            matches.add(m);
            if (cost < driverCost) {
                driverCost = cost;
                driver = m;
            }
        }
        return rank(candidates(driver), driver, matches, limit);
    }

    /**
     * Everyone the rarest word matches, with how well: quality * 2 + 1 when through a name, so the
     * ranking need not look that word up again.
     */
    private byte[] candidates(WordMatch driver) {
        byte[] best = new byte[people.length];
        if (driver.typos() == null) {
            for (int id = driver.lo(); id < driver.hi(); id++) {
                mark(id, dict[id].length() == driver.word().length() ? 3 : 2, best);
            }
        } else {
            for (int id = driver.typos().nextSetBit(0);
                    id >= 0;
                    id = driver.typos().nextSetBit(id + 1)) {
                mark(id, 1, best);
            }
        }
        return best;
    }

    private void mark(int word, int quality, byte[] best) {
        for (int k = postingStart[word]; k < postingStart[word + 1]; k++) {
            int p = postingData[k];
            byte v = (byte) (quality << 1 | (p & 1));
            int ord = p >>> 1;
            if (v > best[ord]) {
                best[ord] = v;
            }
        }
    }

    private List<SearchHit> rank(byte[] driverBest, WordMatch driver, List<WordMatch> matches, int limit) {
        // One long per person: the higher, the better. Top-k by a small heap.
        PriorityQueue<long[]> top = new PriorityQueue<>(limit + 1, Comparator.comparingLong(a -> a[0]));
        for (int ord = 0; ord < driverBest.length; ord++) {
            if (driverBest[ord] == 0 || bit(superseded, ord)) {
                continue;
            }
            int minQuality = driverBest[ord] >> 1;
            boolean wholeName = (driverBest[ord] & 1) == 1;
            for (WordMatch m : matches) {
                if (m == driver) {
                    continue;
                }
                int best = 0;
                boolean name = false;
                for (int k = forwardStart[ord]; k < forwardStart[ord + 1]; k++) {
                    int v = forwardData[k];
                    int q = m.quality(v & ~NAME_BIT, dict);
                    boolean isName = (v & NAME_BIT) != 0;
                    if (q > best || (q == best && q > 0 && isName && !name)) {
                        best = q;
                        name = isName;
                    }
                }
                if (best == 0) {
                    minQuality = 0;
                    break;
                }
                minQuality = Math.min(minQuality, best);
                wholeName &= name;
            }
            if (minQuality == 0) {
                continue;
            }
            boolean here = bit(arrived, ord);
            long score = ((long) minQuality << 40)
                    | ((wholeName ? 1L : 0) << 39)
                    | ((here ? 0L : 1) << 38)
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
            hits.add(new SearchHit(
                    people[ord],
                    SearchHit.Match.values()[(int) (s >> 40) - 1],
                    ((s >> 39) & 1) == 1,
                    ((s >> 38) & 1) == 0,
                    sortName(people[ord])));
        }
        Collections.reverse(hits);
        return hits;
    }

    /**
     * Word ids one typo away from {@code typed} (or from a beginning of them). Such a word shares
     * the typed first letter, or starts with the typed second letter, or has the typed first or
     * second letter second: four ranges of the two sorted orders, instead of the whole dictionary.
     */
    private BitSet typos(String typed) {
        BitSet out = new BitSet(dict.length);
        String c0 = typed.substring(0, typed.offsetByCodePoints(0, 1));
        String rest = typed.substring(c0.length());
        String c1 = rest.substring(0, rest.offsetByCodePoints(0, 1));
        for (String first : new String[] {c0, c1}) {
            for (int id = lowerBound(first); id < dict.length && dict[id].startsWith(first); id++) {
                if (Typo.withinOneOfPrefix(typed, dict[id])) {
                    out.set(id);
                }
            }
            for (int i = lowerBoundSecond(first);
                    i < bySecond.length && tail(dict[bySecond[i]]).startsWith(first);
                    i++) {
                int id = bySecond[i];
                if (Typo.withinOneOfPrefix(typed, dict[id])) {
                    out.set(id);
                }
            }
        }
        return out;
    }

    private int lowerBound(String word) {
        return lowerBound(dict.length, i -> dict[i], word);
    }

    private int lowerBoundSecond(String prefix) {
        return lowerBound(bySecond.length, i -> tail(dict[bySecond[i]]), prefix);
    }

    /** The first position in a sorted sequence whose word is not less than {@code key}. */
    private static int lowerBound(int size, IntFunction<String> wordAt, String key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (wordAt.apply(mid).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String tail(String word) {
        return word.isEmpty() ? word : word.substring(word.offsetByCodePoints(0, 1));
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
}
