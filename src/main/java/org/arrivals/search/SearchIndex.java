package org.arrivals.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.MurmurHash3;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;

/**
 * An immutable in-memory index of the roster for search-as-you-type.
 *
 * <p>Every distinct folded word is kept once, in sorted order, packed with the others into one
 * byte array ({@link PackedStrings}), so the words a typed prefix begins form one contiguous
 * range of word ids, found by binary search. Each word points to the
 * people who have it (a posting list); each person points back to their words (a forward list).
 * A query starts from its rarest word's postings and checks every other word against each
 * candidate's own few word ids with two integer comparisons, so a keystroke costs a lookup and a
 * short walk, never a scan of the roster. Only a word that begins no word at all is retried as
 * one typo away, over the part of the dictionary that could hold such a word.
 *
 * <p>People are held as columns, one array per field a result shows (no email, title, barcode or
 * extra fields), with repeated strings shared and codes packed like the words, ordered by code, so
 * finding a person by code needs no map; a person is made an {@link Attendee} only when found.
 *
 * <p>A build folds each distinct field value once (names and organizations repeat), gives every
 * distinct word a number through an open-addressing table, then sorts the words once and renumbers
 * them: no map entry, boxed number or string per word outlives it.
 *
 * <p>An email address is searched by the words of the part before its {@code @}, like a name. A
 * whole address, typed or pasted, is also looked up exactly: each person's folded address is kept
 * as a 64-bit hash in a sorted array (12 bytes a person), so the domains never become words (every
 * {@code example} would otherwise find half the roster) and no address is held in memory.
 *
 * <p>Arrival state changes all day and is kept beside the index, in a bitset safe to update from
 * any thread; so is the set of people superseded by a newer version of themselves.
 */
public final class SearchIndex {
    private static final int FUZZY_MIN_LENGTH = 4;
    private static final int NAME_BIT = 1 << 30;
    private static final RegistrationStatus[] STATUSES = RegistrationStatus.values();
    /** People from which a build folds on every core (a walk-in's or an edit's small index does not). */
    private static final int PARALLEL_FROM = 5_000;

    /** Sorted by code. */
    private final People people;
    /** Alphabetical position of each person, so ranking compares ints, not strings. */
    private final int[] alphaRank;

    private final PackedStrings dict;
    /**
     * Word ids of {@link #dict} ordered by their second letter (then by id), for typo search; a
     * word of one letter comes first.
     */
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

    private SearchIndex(
            People people,
            int[] alphaRank,
            PackedStrings dict,
            int[] bySecond,
            int[] postingStart,
            int[] postingData,
            int[] forwardStart,
            int[] forwardData,
            long[] emailHashes,
            int[] emailOwners) {
        this.people = people;
        this.alphaRank = alphaRank;
        this.dict = dict;
        this.bySecond = bySecond;
        this.postingStart = postingStart;
        this.postingData = postingData;
        this.forwardStart = forwardStart;
        this.forwardData = forwardData;
        this.emailHashes = emailHashes;
        this.emailOwners = emailOwners;
        int words = (people.size() + 63) / 64 + 1;
        this.arrived = new AtomicLongArray(words);
        this.superseded = new AtomicLongArray(words);
    }

    public static SearchIndex build(Collection<Attendee> roster) {
        Attendee[] source = roster.toArray(new Attendee[0]);
        Arrays.parallelSort(source, Comparator.comparing(Attendee::code));
        int n = source.length;
        // Folding each person's own words (their email's name part and code, which no one shares)
        // is most of the work and touches nothing shared: done on every core for a large roster.
        String[][] own = new String[n][];
        long[] emailHash = new long[n];
        boolean[] hasEmail = new boolean[n];
        IntStream ords = IntStream.range(0, n);
        (n >= PARALLEL_FROM ? ords.parallel() : ords).forEach(ord -> {
            Attendee a = source[ord];
            String email = emailKey(a.email());
            if (email != null) {
                emailHash[ord] = hash(email);
                hasEmail[ord] = true;
            }
            List<String> words = new ArrayList<>(8);
            String local = emailLocalPart(a.email());
            if (local != null) {
                TextFold.forEachIndexToken(local, words::add);
            }
            TextFold.forEachIndexToken(a.code(), words::add);
            own[ord] = words.toArray(new String[0]);
        });
        StringIds shared = new StringIds(Math.min(n, 1 << 16));
        String[] codes = new String[n];
        People.Builder people = new People.Builder(n);
        StringIds tokens = new StringIds(n * 4);
        // The words of each distinct name, badge name and organization (they repeat), as ids of tokens.
        Map<String, int[]> fieldWords = new HashMap<>();
        Forward forward = new Forward(n);
        BitSet withEmail = new BitSet(n);
        for (int ord = 0; ord < n; ord++) {
            Attendee a = source[ord];
            codes[ord] = a.code();
            people.set(ord, a, shared);
            if (hasEmail[ord]) {
                withEmail.set(ord);
            }
            forward.begin(ord);
            forward.addAll(fieldWords(a.firstName(), tokens, fieldWords), true);
            forward.addAll(fieldWords(a.lastName(), tokens, fieldWords), true);
            forward.addAll(fieldWords(a.badgeName(), tokens, fieldWords), true);
            forward.addAll(fieldWords(a.organization(), tokens, fieldWords), false);
            for (String t : own[ord]) {
                forward.add(tokens.id(t), false);
            }
            own[ord] = null;
        }
        forward.end(n);
        // Renumber the words in sorted order, so a prefix is a range of ids.
        String[] words = tokens.strings();
        String[] sorted = words.clone();
        Arrays.parallelSort(sorted);
        int[] newId = new int[words.length];
        for (int r = 0; r < sorted.length; r++) {
            newId[tokens.id(sorted[r])] = r;
        }
        int[] data = forward.data;
        for (int i = 0; i < forward.size; i++) {
            data[i] = newId[data[i] & ~NAME_BIT] | (data[i] & NAME_BIT);
        }
        return assemble(
                people.build(PackedStrings.of(codes)),
                PackedStrings.of(sorted),
                forward.start,
                Arrays.copyOf(data, forward.size),
                emailHash,
                withEmail);
    }

    /** The ids (of {@code tokens}) of the words of a field whose value others may share; null for none. */
    private static int[] fieldWords(String field, StringIds tokens, Map<String, int[]> known) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        int[] ids = known.get(field);
        if (ids == null) {
            int[][] out = {new int[4]};
            int[] count = {0};
            TextFold.forEachIndexToken(field, t -> {
                if (count[0] == out[0].length) {
                    out[0] = Arrays.copyOf(out[0], count[0] * 2);
                }
                out[0][count[0]++] = tokens.id(t);
            });
            ids = Arrays.copyOf(out[0], count[0]);
            known.put(field, ids);
        }
        return ids;
    }

    /** Each person's word ids, person after person, without duplicates, marked when from a name. */
    private static final class Forward {
        final int[] start;
        int[] data;
        int size;
        private int from;

        Forward(int people) {
            start = new int[people + 1];
            data = new int[people * 12 + 16];
        }

        void begin(int ord) {
            start[ord] = size;
            from = size;
        }

        void end(int people) {
            start[people] = size;
        }

        void addAll(int[] ids, boolean name) {
            if (ids != null) {
                for (int id : ids) {
                    add(id, name);
                }
            }
        }

        /**
         * Adds a word id to the current person's words unless they have it already; a word from a
         * name marks it as such even when another field had it first.
         */
        void add(int id, boolean name) {
            for (int k = from; k < size; k++) {
                if ((data[k] & ~NAME_BIT) == id) {
                    if (name) {
                        data[k] |= NAME_BIT;
                    }
                    return;
                }
            }
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = id | (name ? NAME_BIT : 0);
        }
    }

    /**
     * Everyone {@code base} holds and does not hide, and everyone in {@code newer}, in one index,
     * without reading the store or folding a word again: people, words, email hashes and arrival
     * state are taken from the two indexes (a person in both is taken from {@code newer}). Words
     * only hidden people had are left out. The two sorted dictionaries are merged as they are, so
     * no word is looked up or even decoded. Builds a few large arrays and little else, so it is
     * quick and leaves the garbage collector little to do while keystrokes run.
     */
    static SearchIndex merge(SearchIndex base, SearchIndex newer) {
        int bn = base.people.size();
        int nn = newer.people.size();
        // Who is in the merged index, in code order: ordinal in base, or -1 - ordinal in newer.
        int[] from = new int[bn + nn];
        int n = 0;
        BitSet baseUsed = new BitSet(base.dict.size());
        for (int i = 0, j = 0; i < bn || j < nn; ) {
            if (i < bn && bit(base.superseded, i)) {
                i++;
                continue;
            }
            int c = i == bn ? 1 : j == nn ? -1 : base.people.codes.compare(i, newer.people.codes, j);
            if (c == 0) {
                i++; // newer has them
            } else if (c < 0) {
                for (int k = base.forwardStart[i]; k < base.forwardStart[i + 1]; k++) {
                    baseUsed.set(base.forwardData[k] & ~NAME_BIT);
                }
                from[n++] = i++;
            } else {
                from[n++] = -1 - j++;
            }
        }
        BitSet newerUsed = new BitSet(newer.dict.size());
        for (int v : newer.forwardData) {
            newerUsed.set(v & ~NAME_BIT);
        }
        // The union of the words still used, in order: both dictionaries are sorted already.
        int[] baseId = new int[base.dict.size()];
        int[] newerId = new int[newer.dict.size()];
        PackedStrings.Builder words = new PackedStrings.Builder(baseUsed.cardinality() + newerUsed.cardinality(), (int)
                (base.dict.footprint() + newer.dict.footprint()));
        int a = baseUsed.nextSetBit(0);
        int b = newerUsed.nextSetBit(0);
        while (a >= 0 || b >= 0) {
            int c = a < 0 ? 1 : b < 0 ? -1 : base.dict.compare(a, newer.dict, b);
            int id = words.size();
            if (c <= 0) {
                words.add(base.dict, a);
                baseId[a] = id;
                a = baseUsed.nextSetBit(a + 1);
            } else {
                words.add(newer.dict, b);
            }
            if (c >= 0) {
                newerId[b] = id;
                b = newerUsed.nextSetBit(b + 1);
            }
        }
        People.Builder people = new People.Builder(n);
        PackedStrings.Builder codes = new PackedStrings.Builder(n, (int) base.people.codes.footprint());
        int[] forwardData = new int[base.forwardData.length + newer.forwardData.length];
        int[] forwardStart = new int[n + 1];
        long[] emailHash = new long[n];
        BitSet withEmail = new BitSet(n);
        BitSet here = new BitSet(n);
        long[] baseEmail = new long[bn];
        BitSet baseWithEmail = base.emailsByOrdinal(baseEmail);
        long[] newerEmail = new long[nn];
        BitSet newerWithEmail = newer.emailsByOrdinal(newerEmail);
        int end = 0;
        for (int ord = 0; ord < n; ord++) {
            boolean fromNewer = from[ord] < 0;
            SearchIndex src = fromNewer ? newer : base;
            int o = fromNewer ? -1 - from[ord] : from[ord];
            int[] ids = fromNewer ? newerId : baseId;
            people.copy(ord, src.people, o);
            codes.add(src.people.codes, o);
            forwardStart[ord] = end;
            for (int k = src.forwardStart[o]; k < src.forwardStart[o + 1]; k++) {
                int v = src.forwardData[k];
                forwardData[end++] = ids[v & ~NAME_BIT] | (v & NAME_BIT);
            }
            if ((fromNewer ? newerWithEmail : baseWithEmail).get(o)) {
                emailHash[ord] = (fromNewer ? newerEmail : baseEmail)[o];
                withEmail.set(ord);
            }
            if (bit(src.arrived, o)) {
                here.set(ord);
            }
        }
        forwardStart[n] = end;
        SearchIndex merged = assemble(
                people.build(codes.build()),
                words.build(),
                forwardStart,
                Arrays.copyOf(forwardData, end),
                emailHash,
                withEmail);
        for (int ord = here.nextSetBit(0); ord >= 0; ord = here.nextSetBit(ord + 1)) {
            setBit(merged.arrived, ord, true);
        }
        return merged;
    }

    /** Each person's email hash into {@code byOrdinal}; returns who has one. */
    private BitSet emailsByOrdinal(long[] byOrdinal) {
        BitSet has = new BitSet(people.size());
        for (int i = 0; i < emailOwners.length; i++) {
            byOrdinal[emailOwners[i]] = emailHashes[i];
            has.set(emailOwners[i]);
        }
        return has;
    }

    /**
     * The index over people sorted by code, each with their words ({@code forwardData} holds ids
     * of the sorted {@code dict}, marked with {@link #NAME_BIT}, person by person from
     * {@code forwardStart}) and email hash.
     */
    private static SearchIndex assemble(
            People people,
            PackedStrings dict,
            int[] forwardStart,
            int[] forwardData,
            long[] emailHash,
            BitSet withEmail) {
        int n = people.size();
        int words = dict.size();
        int[] postingStart = new int[words + 1];
        for (int v : forwardData) {
            postingStart[(v & ~NAME_BIT) + 1]++;
        }
        for (int w = 0; w < words; w++) {
            postingStart[w + 1] += postingStart[w];
        }
        int[] postingData = new int[forwardData.length];
        int[] fill = Arrays.copyOf(postingStart, words);
        for (int ord = 0; ord < n; ord++) {
            for (int k = forwardStart[ord]; k < forwardStart[ord + 1]; k++) {
                int v = forwardData[k];
                postingData[fill[v & ~NAME_BIT]++] = ord << 1 | ((v & NAME_BIT) != 0 ? 1 : 0);
            }
        }
        // Typo search looks words up by their second letter: sorted by it, then by id.
        long[] keys = new long[words];
        for (int w = 0; w < words; w++) {
            keys[w] = (long) (dict.secondCodePoint(w) + 1) << 32 | w;
        }
        Arrays.sort(keys);
        int[] bySecond = new int[words];
        for (int i = 0; i < words; i++) {
            bySecond[i] = (int) keys[i];
        }
        // Emails by hash; people with the same address (or hash) by ordinal.
        int emails = withEmail.cardinality();
        long[] emailHashes = new long[emails];
        for (int ord = withEmail.nextSetBit(0), i = 0; ord >= 0; ord = withEmail.nextSetBit(ord + 1)) {
            emailHashes[i++] = emailHash[ord];
        }
        Arrays.sort(emailHashes);
        int[] emailOwners = new int[emails];
        Arrays.fill(emailOwners, -1);
        for (int ord = withEmail.nextSetBit(0); ord >= 0; ord = withEmail.nextSetBit(ord + 1)) {
            int i = Arrays.binarySearch(emailHashes, emailHash[ord]);
            while (i > 0 && emailHashes[i - 1] == emailHash[ord]) {
                i--;
            }
            while (emailOwners[i] >= 0) {
                i++;
            }
            emailOwners[i] = ord;
        }
        return new SearchIndex(
                people,
                alphabetical(people),
                dict,
                bySecond,
                postingStart,
                postingData,
                forwardStart,
                forwardData,
                emailHashes,
                emailOwners);
    }

    /**
     * Each person's position by folded name, then code. The fold of "last first" is the folds of
     * its two names around a space (folding goes letter by letter, a space stops nothing from
     * either side), so each distinct name is folded once; the names are sorted once, and people
     * then by their name's rank and ordinal (which is code order).
     */
    private static int[] alphabetical(People people) {
        int n = people.size();
        Map<String, String> folded = new HashMap<>();
        String[] sortNames = new String[n];
        for (int ord = 0; ord < n; ord++) {
            String first = folded.computeIfAbsent(people.firstNames[ord], TextFold::fold);
            String last = people.lastNames[ord];
            sortNames[ord] = last.isEmpty() ? first : folded.computeIfAbsent(last, TextFold::fold) + " " + first;
        }
        String[] distinct = sortNames.clone();
        Arrays.parallelSort(distinct);
        int d = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (d == 0 || !distinct[i].equals(distinct[d - 1])) {
                distinct[d++] = distinct[i];
            }
        }
        long[] keys = new long[n];
        for (int ord = 0; ord < n; ord++) {
            keys[ord] = (long) Arrays.binarySearch(distinct, 0, d, sortNames[ord]) << 32 | ord;
        }
        Arrays.sort(keys);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[(int) keys[r]] = r;
        }
        return rank;
    }

    /** People sorted by code, one array per field a search result shows. */
    private static final class People {
        final PackedStrings codes;
        final long[] ids;
        final String[] firstNames;
        final String[] lastNames;
        final String[] badgeNames;
        final String[] pronouns;
        final String[] organizations;
        final String[] types;
        final byte[] statuses;
        final long[] walkIns;

        private People(Builder b, PackedStrings codes) {
            this.codes = codes;
            this.ids = b.ids;
            this.firstNames = b.firstNames;
            this.lastNames = b.lastNames;
            this.badgeNames = b.badgeNames;
            this.pronouns = b.pronouns;
            this.organizations = b.organizations;
            this.types = b.types;
            this.statuses = b.statuses;
            this.walkIns = b.walkIns;
        }

        int size() {
            return ids.length;
        }

        /** What a search result needs to show (no email, title, barcode or extra fields). */
        Attendee attendee(int ord) {
            return new Attendee(
                    ids[ord],
                    codes.get(ord),
                    null,
                    firstNames[ord],
                    lastNames[ord],
                    badgeNames[ord],
                    pronouns[ord],
                    null,
                    organizations[ord],
                    null,
                    types[ord],
                    STATUSES[statuses[ord]],
                    Map.of(),
                    (walkIns[ord >>> 6] & 1L << ord) != 0);
        }

        static final class Builder {
            final long[] ids;
            final String[] firstNames;
            final String[] lastNames;
            final String[] badgeNames;
            final String[] pronouns;
            final String[] organizations;
            final String[] types;
            final byte[] statuses;
            final long[] walkIns;

            Builder(int n) {
                ids = new long[n];
                firstNames = new String[n];
                lastNames = new String[n];
                badgeNames = new String[n];
                pronouns = new String[n];
                organizations = new String[n];
                types = new String[n];
                statuses = new byte[n];
                walkIns = new long[(n + 63) / 64];
            }

            /** Person {@code ord} from an attendee, repeated strings shared. */
            void set(int ord, Attendee a, StringIds shared) {
                ids[ord] = a.id();
                firstNames[ord] = shared.share(a.firstName());
                lastNames[ord] = shared.share(a.lastName());
                badgeNames[ord] = shared.share(a.badgeName());
                pronouns[ord] = shared.share(a.pronouns());
                organizations[ord] = shared.share(a.organization());
                types[ord] = shared.share(a.type());
                statuses[ord] = (byte) a.status().ordinal();
                if (a.walkIn()) {
                    walkIns[ord >>> 6] |= 1L << ord;
                }
            }

            /** Person {@code ord} as person {@code o} of {@code src} (its code is copied apart). */
            void copy(int ord, People src, int o) {
                ids[ord] = src.ids[o];
                firstNames[ord] = src.firstNames[o];
                lastNames[ord] = src.lastNames[o];
                badgeNames[ord] = src.badgeNames[o];
                pronouns[ord] = src.pronouns[o];
                organizations[ord] = src.organizations[o];
                types[ord] = src.types[o];
                statuses[ord] = src.statuses[o];
                if ((src.walkIns[o >>> 6] & 1L << o) != 0) {
                    walkIns[ord >>> 6] |= 1L << ord;
                }
            }

            People build(PackedStrings codes) {
                return new People(this, codes);
            }
        }
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

    public int size() {
        return people.size();
    }

    public int distinctWords() {
        return dict.size();
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
        return people.codes.indexOf(PackedStrings.encode(code));
    }

    /**
     * How one query word can match: a range of word ids (a prefix), or a set of ids one typo away.
     * {@code key} is the word encoded as the dictionary is.
     */
    private record WordMatch(byte[] key, int lo, int hi, BitSet typos) {
        /** 3 exact, 2 prefix, 1 one typo away, 0 no match. */
        int quality(int id, PackedStrings dict) {
            if (id >= lo && id < hi) {
                return dict.length(id) == key.length ? 3 : 2;
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
                Attendee a = people.attendee(ord);
                hits.add(new SearchHit(a, SearchHit.Match.EXACT, false, bit(arrived, ord), sortName(a)));
            }
        }
        hits.sort(SearchHit.RANKING);
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /** The best {@code limit} people matching every word of the query, best first. */
    List<SearchHit> byWords(String query, int limit) {
        List<String> words = TextFold.queryTokens(query);
        if (words.isEmpty() || limit <= 0 || people.size() == 0) {
            return List.of();
        }
        List<WordMatch> matches = new ArrayList<>(words.size());
        WordMatch driver = null;
        long driverCost = Long.MAX_VALUE;
        for (String w : words) {
            byte[] key = PackedStrings.encode(w);
            int lo = dict.lowerBound(key);
            int hi = lo;
            long cost = 0;
            while (hi < dict.size() && dict.startsWith(hi, key)) {
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
            WordMatch m = new WordMatch(key, lo, hi, typos);
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
        byte[] best = new byte[people.size()];
        if (driver.typos() == null) {
            for (int id = driver.lo(); id < driver.hi(); id++) {
                mark(id, dict.length(id) == driver.key().length ? 3 : 2, best);
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
            Attendee a = people.attendee(ord);
            hits.add(new SearchHit(
                    a,
                    SearchHit.Match.values()[(int) (s >> 40) - 1],
                    ((s >> 39) & 1) == 1,
                    ((s >> 38) & 1) == 0,
                    sortName(a)));
        }
        Collections.reverse(hits);
        return hits;
    }

    /**
     * Word ids one typo away from {@code typed} (or from a beginning of them). Such a word shares
     * the typed first letter, or starts with the typed second letter, or has the typed first or
     * second letter second: four ranges of the two orders, instead of the whole dictionary.
     */
    private BitSet typos(String typed) {
        BitSet out = new BitSet(dict.size());
        char[] t = typed.toCharArray();
        char[] word = new char[64];
        int c0 = typed.codePointAt(0);
        int c1 = typed.codePointAt(Character.charCount(c0));
        for (int first : new int[] {c0, c1}) {
            byte[] key = PackedStrings.encode(Character.toString(first));
            for (int id = dict.lowerBound(key); id < dict.size() && dict.startsWith(id, key); id++) {
                word = typo(t, id, word, out);
            }
            for (int i = lowerBoundSecond(first);
                    i < bySecond.length && dict.secondCodePoint(bySecond[i]) == first;
                    i++) {
                word = typo(t, bySecond[i], word, out);
            }
        }
        return out;
    }

    /** Marks word {@code id} in {@code out} when {@code typed} is one typo from it; returns the buffer used. */
    private char[] typo(char[] typed, int id, char[] buffer, BitSet out) {
        char[] word = buffer.length >= dict.length(id) ? buffer : new char[dict.length(id)];
        if (Typo.withinOneOfPrefix(typed, typed.length, word, dict.chars(id, word))) {
            out.set(id);
        }
        return word;
    }

    /** The first position of {@link #bySecond} whose word's second letter is not less than {@code cp}. */
    private int lowerBoundSecond(int cp) {
        int lo = 0;
        int hi = bySecond.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dict.secondCodePoint(bySecond[mid]) < cp) {
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
}
