package org.arrivals.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.junit.jupiter.api.Test;

/**
 * The packed index against two others on one generated roster in Arabic (with Persian letters),
 * Vietnamese with its diacritics, Amharic, Chinese and Spanish: a plain reference that checks
 * every person's every word for every query (the rules the index promises, written the simple
 * way), and the index as it was before its layout was packed. Thousands of queries, as typed
 * keystroke by keystroke, with typos, in other scripts' forms, by organization, code and email:
 * the same people, in the same order, matched the same way.
 */
class SearchIndexReferenceTest {
    private static final String[][] FIRST = {
        {"محمد", "أحمد", "فاطمة", "عائشة", "يوسف", "مريم", "زینب", "کریم", "علي", "خدیجه"},
        {"Minh Khai", "Thị Hương", "Văn Đức", "Ngọc Ánh", "Quốc Bảo", "Thanh Thủy", "Hữu Nghĩa", "Phương"},
        {"አበበ", "ሰላም", "ትግስት", "ዮሐንስ", "መሠረት", "ብርሃኑ", "ፀሐይ"},
        {"小明", "伟", "芳", "秀英", "建华", "丽娟", "志强"},
        {"José María", "Josefina", "María José", "Iñigo", "Begoña", "Adrián", "Lucía", "Ramón"},
    };
    private static final String[][] LAST = {
        {"عبد الله", "الحسيني", "حکیمی", "حكيمي", "الشمري", "يوسفی", "نور الدين", ""},
        {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Nguyễn Văn"},
        {"በቀለ", "ተስፋዬ", "ገብረ ሚካኤል", "ወልደ", "ደስታ", ""},
        {"王", "李", "张", "刘", "陈", "欧阳"},
        {"Martínez", "García-López", "Núñez", "Peña del Río", "Ortiz", "Muñoz", "O'Donnell"},
    };
    private static final String[] ORGS = {
        "Arab American Family Services",
        "جمعية الخدمات الاجتماعية",
        "Boat People SOS",
        "Hội Người Việt",
        "Ethiopian Community Association",
        "የኢትዮጵያ ማህበረሰብ",
        "Chinese Mutual Aid",
        "华人互助会",
        "Casa de Esperanza",
        "Asociación Pro-Inmigrantes",
        null,
    };
    private static final String[] HANDLES = {"mo", "ahmed.k", "nguyen", "tran.thi", "abebe", "wang", "jose.m", "lucia"};
    private static final String[] BADGES = {"Chema", "Mo", "Bé Ba", "小王", "Abe", "Pepa"};
    private static final String[] TYPES = {"General Admission", "Speaker", "Staff", "Volunteer"};

    private static int ids;

    /** A roster of {@code size} people from the lists above, some with badge names, some without email. */
    static List<Attendee> roster(Random random, int size, String codePrefix) {
        List<Attendee> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int script = random.nextInt(FIRST.length);
            String first = pick(random, FIRST[script]);
            String last = pick(random, LAST[random.nextInt(5) == 0 ? random.nextInt(LAST.length) : script]);
            String email = random.nextInt(8) == 0
                    ? null
                    : pick(random, HANDLES) + (random.nextInt(3) == 0 ? "" : String.valueOf(i)) + "@"
                            + pick(random, new String[] {"example.org", "Example.ORG", "mail.example.net"});
            out.add(new Attendee(
                    ++ids,
                    codePrefix + String.format(Locale.ROOT, "%05d", random.nextInt(90_000)) + "-" + i,
                    null,
                    first,
                    last,
                    random.nextInt(10) == 0 ? pick(random, BADGES) : null,
                    null,
                    email,
                    pick(random, ORGS),
                    null,
                    pick(random, TYPES),
                    RegistrationStatus.ATTENDING,
                    Map.of(),
                    random.nextInt(20) == 0));
        }
        return out;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** What people type: names keystroke by keystroke, with typos, plain or upper case, and other fields. */
    static List<String> queries(Random random, List<Attendee> roster, int people) {
        Set<String> out = new LinkedHashSet<>();
        for (int p = 0; p < people; p++) {
            Attendee a = roster.get(random.nextInt(roster.size()));
            String name = a.lastName().isEmpty() ? a.firstName() : a.firstName() + " " + a.lastName();
            String other = a.lastName().isEmpty() ? a.firstName() : a.lastName() + " " + a.firstName();
            for (String typed : List.of(name, other, TextFold.fold(name), name.toUpperCase(Locale.ROOT))) {
                for (int end = typed.offsetByCodePoints(0, 1); ; end = typed.offsetByCodePoints(end, 1)) {
                    out.add(typed.substring(0, end));
                    if (end == typed.length()) {
                        break;
                    }
                }
            }
            out.add(typo(random, a.firstName()));
            out.add(typo(random, a.lastName()));
            out.add(typo(random, name));
            if (a.organization() != null) {
                out.add(a.organization());
                String[] words = a.organization().split(" ");
                out.add(words[random.nextInt(words.length)]);
            }
            out.add(a.code());
            out.add(a.code().substring(0, 4));
            if (a.email() != null) {
                out.add(a.email());
                out.add("mailto:" + a.email().toUpperCase(Locale.ROOT));
                out.add("<" + a.email() + ">");
                out.add(a.email().substring(0, a.email().indexOf('@')));
                out.add(a.email().substring(0, a.email().indexOf('@')) + "@other.example");
            }
            if (a.badgeName() != null) {
                out.add(a.badgeName());
            }
        }
        out.addAll(List.of("", " ", "-", "zzzz", "qxqxq", "ng", "nguyen van", "王 小", "حكيمي", "حکیمی", "lopez garcia"));
        return new ArrayList<>(out);
    }

    /** One letter replaced, dropped, doubled or two swapped, somewhere after the first. */
    private static String typo(Random random, String word) {
        if (word.length() < 4) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, i) + "x" + word.substring(i + 1);
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            case 2 -> word.substring(0, i) + word.charAt(i) + word.substring(i);
            default -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
        };
    }

    /**
     * The rules of {@link SearchIndex}, person by person: every query word must begin a word of
     * the person (3 if it is the word, 2 if it begins it), or, when it begins no word on the
     * roster and has four letters or more, be one typo from one (1); the weakest word is the
     * match; whole-name when every word matched best through a name; by email, exactly.
     */
    static final class Reference {
        private final List<Attendee> people;
        private final List<List<String>> names = new ArrayList<>();
        private final List<List<String>> others = new ArrayList<>();
        private final TreeSet<String> allWords = new TreeSet<>();
        final Set<String> arrived = new HashSet<>();
        final Set<String> hidden = new HashSet<>();

        Reference(List<Attendee> people) {
            this.people = people;
            for (Attendee a : people) {
                List<String> n = new ArrayList<>();
                for (String f : new String[] {a.firstName(), a.lastName(), a.badgeName()}) {
                    n.addAll(TextFold.indexTokens(f));
                }
                List<String> o = new ArrayList<>();
                String email = a.email();
                String local = email == null ? null : email.substring(0, Math.max(0, email.indexOf('@')));
                for (String f : new String[] {a.organization(), local, a.code()}) {
                    o.addAll(TextFold.indexTokens(f));
                }
                names.add(n);
                others.add(o);
                allWords.addAll(n);
                allWords.addAll(o);
            }
        }

        List<SearchHit> search(String query, int limit) {
            List<SearchHit> hits = new ArrayList<>();
            String email = SearchIndex.emailKey(query);
            if (email != null) {
                for (Attendee a : people) {
                    if (!hidden.contains(a.code()) && email.equals(SearchIndex.emailKey(a.email()))) {
                        hits.add(new SearchHit(
                                a, SearchHit.Match.EXACT, false, arrived.contains(a.code()), sortName(a)));
                    }
                }
                return top(hits, limit);
            }
            List<String> words = TextFold.queryTokens(query);
            if (words.isEmpty() || limit <= 0) {
                return List.of();
            }
            boolean[] fuzzy = new boolean[words.size()];
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                String after = allWords.ceiling(word);
                fuzzy[w] = after == null || !after.startsWith(word);
                if (fuzzy[w] && word.codePointCount(0, word.length()) < 4) {
                    return List.of();
                }
            }
            for (int p = 0; p < people.size(); p++) {
                Attendee a = people.get(p);
                if (hidden.contains(a.code())) {
                    continue;
                }
                int weakest = 3;
                boolean wholeName = true;
                for (int w = 0; w < words.size() && weakest > 0; w++) {
                    int viaName = best(words.get(w), fuzzy[w], names.get(p));
                    int viaOther = best(words.get(w), fuzzy[w], others.get(p));
                    weakest = Math.min(weakest, Math.max(viaName, viaOther));
                    wholeName &= viaName >= viaOther;
                }
                if (weakest > 0) {
                    hits.add(new SearchHit(
                            a,
                            SearchHit.Match.values()[weakest - 1],
                            wholeName,
                            arrived.contains(a.code()),
                            sortName(a)));
                }
            }
            return top(hits, limit);
        }

        private static int best(String word, boolean fuzzy, List<String> tokens) {
            int best = 0;
            for (String t : tokens) {
                int q = fuzzy
                        ? (Typo.withinOneOfPrefix(word, t) ? 1 : 0)
                        : t.equals(word) ? 3 : t.startsWith(word) ? 2 : 0;
                best = Math.max(best, q);
            }
            return best;
        }

        private static List<SearchHit> top(List<SearchHit> hits, int limit) {
            hits.sort(SearchHit.RANKING);
            return hits.size() > limit ? hits.subList(0, limit) : hits;
        }

        private static String sortName(Attendee a) {
            return TextFold.fold(a.lastName().isEmpty() ? a.firstName() : a.lastName() + " " + a.firstName());
        }
    }

    /** Who was found, in order, and how: what a person sees and what ranks them. */
    private static List<String> seen(List<SearchHit> hits) {
        List<String> out = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            out.add(h.attendee().code() + " " + h.match() + (h.wholeName() ? " name" : "")
                    + (h.arrived() ? " here" : "")
                    + " " + h.attendee().displayName() + " / " + h.attendee().organization() + " / "
                    + h.attendee().type() + " / " + h.attendee().walkIn());
        }
        return out;
    }

    @Test
    void theIndexFindsWhatTheReferenceFindsInTheSameOrder() {
        Random random = new Random(22);
        List<Attendee> roster = roster(random, 1500, "AR-");
        SearchIndex index = SearchIndex.build(roster);
        LegacySearchIndex legacy = LegacySearchIndex.build(roster);
        Reference reference = new Reference(roster);
        for (Attendee a : roster) {
            int r = random.nextInt(10);
            if (r < 3) {
                index.setArrived(a.code(), true);
                legacy.setArrived(a.code(), true);
                reference.arrived.add(a.code());
            } else if (r == 3) {
                index.supersede(a.code());
                legacy.supersede(a.code());
                reference.hidden.add(a.code());
            }
        }
        compare(random, roster, index, legacy, reference);
    }

    @Test
    void aMergedIndexFindsWhatTheReferenceFindsOverTheMergedRoster() {
        Random random = new Random(2022);
        List<Attendee> roster = roster(random, 1200, "AR-");
        // Edits of some people (new names, new organizations), and walk-ins with new codes.
        List<Attendee> changed = new ArrayList<>();
        List<Attendee> fresh = roster(random, 300, "AR-");
        for (int i = 0; i < 150; i++) {
            Attendee old = roster.get(random.nextInt(roster.size()));
            Attendee edit = fresh.get(i);
            changed.add(new Attendee(
                    old.id(),
                    old.code(),
                    null,
                    edit.firstName(),
                    edit.lastName(),
                    edit.badgeName(),
                    null,
                    edit.email(),
                    edit.organization(),
                    null,
                    old.type(),
                    old.status(),
                    Map.of(),
                    old.walkIn()));
        }
        changed.addAll(roster(random, 100, "WALKIN-"));
        // One version per code, the last told: as the recent index holds them.
        Map<String, Attendee> byCode = new LinkedHashMap<>();
        changed.forEach(a -> byCode.put(a.code(), a));
        changed = new ArrayList<>(byCode.values());

        SearchIndex base = SearchIndex.build(roster);
        SearchIndex recent = SearchIndex.build(changed);
        LegacySearchIndex legacyBase = LegacySearchIndex.build(roster);
        LegacySearchIndex legacyRecent = LegacySearchIndex.build(changed);
        Set<String> arrived = new HashSet<>();
        for (Attendee a : roster) {
            if (random.nextInt(3) == 0) {
                arrived.add(a.code());
                base.setArrived(a.code(), true);
                legacyBase.setArrived(a.code(), true);
            }
        }
        for (Attendee a : changed) {
            boolean here = arrived.contains(a.code()) || random.nextInt(4) == 0;
            if (here) {
                arrived.add(a.code());
            }
            recent.setArrived(a.code(), here);
            legacyRecent.setArrived(a.code(), here);
            base.supersede(a.code());
            legacyBase.supersede(a.code());
        }
        // Someone removed from the base without a newer version: their words go too.
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String code = roster.get(random.nextInt(roster.size())).code();
            if (!byCode.containsKey(code)) {
                gone.add(code);
                base.supersede(code);
                legacyBase.supersede(code);
            }
        }
        SearchIndex merged = SearchIndex.merge(base, recent);
        LegacySearchIndex legacyMerged = LegacySearchIndex.merge(legacyBase, legacyRecent);

        List<Attendee> now = new ArrayList<>(changed);
        roster.stream()
                .filter(a -> !byCode.containsKey(a.code()) && !gone.contains(a.code()))
                .forEach(now::add);
        Reference reference = new Reference(now);
        reference.arrived.addAll(arrived);
        assertThat(merged.size()).isEqualTo(now.size());
        assertThat(merged.distinctWords())
                .as("words only removed people had are dropped, as before")
                .isEqualTo(legacyMerged.distinctWords());
        gone.forEach(code -> assertThat(merged.contains(code)).as(code).isFalse());
        compare(random, now, merged, legacyMerged, reference);
    }

    @Test
    void aRosterLargeEnoughToBeFoldedOnEveryCoreIsIndexedAsBefore() {
        Random random = new Random(7);
        List<Attendee> roster = roster(random, 8_000, "AR-");
        SearchIndex index = SearchIndex.build(roster);
        LegacySearchIndex legacy = LegacySearchIndex.build(roster);
        assertThat(index.size()).isEqualTo(legacy.size());
        assertThat(index.distinctWords()).isEqualTo(legacy.distinctWords());
        for (Attendee a : roster.subList(0, 2000)) {
            index.setArrived(a.code(), true);
            legacy.setArrived(a.code(), true);
        }
        int found = 0;
        for (String q : queries(random, roster, 40)) {
            List<SearchHit> hits = index.search(q, 20);
            assertThat(hits).as(q).containsExactlyElementsOf(legacy.search(q, 20));
            found += hits.isEmpty() ? 0 : 1;
        }
        assertThat(found).isGreaterThan(300);
    }

    private static void compare(
            Random random, List<Attendee> roster, SearchIndex index, LegacySearchIndex legacy, Reference reference) {
        List<String> queries = queries(random, roster, 120);
        assertThat(queries).hasSizeGreaterThan(2000);
        int found = 0;
        int fuzzy = 0;
        int email = 0;
        for (String q : queries) {
            for (int limit : new int[] {10, 1000}) {
                List<SearchHit> hits = index.search(q, limit);
                assertThat(seen(hits))
                        .as("%s (limit %d), against the reference", q, limit)
                        .containsExactlyElementsOf(seen(reference.search(q, limit)));
                assertThat(hits)
                        .as("%s (limit %d), against the index as it was", q, limit)
                        .containsExactlyElementsOf(legacy.search(q, limit));
                if (limit == 10 && !hits.isEmpty()) {
                    found++;
                    fuzzy += hits.get(0).match() == SearchHit.Match.FUZZY ? 1 : 0;
                    email += SearchIndex.emailKey(q) != null ? 1 : 0;
                }
            }
        }
        assertThat(found).as("most queries find someone").isGreaterThan(queries.size() * 3 / 4);
        assertThat(fuzzy).as("typos are exercised").isGreaterThan(50);
        assertThat(email).as("whole addresses are exercised").isGreaterThan(50);
        roster.stream()
                .map(Attendee::code)
                .sorted(Comparator.reverseOrder())
                .limit(50)
                .forEach(code -> assertThat(index.contains(code)).isEqualTo(!reference.hidden.contains(code)));
    }
}
