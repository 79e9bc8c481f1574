package org.arrivals.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    static int seq;

    static Attendee person(String code, String first, String last, String org) {
        return person(code, first, last, null, org, null);
    }

    static Attendee person(String code, String first, String last, String badge, String org, String email) {
        return new Attendee(
                ++seq,
                code,
                null,
                first,
                last,
                badge,
                null,
                email,
                org,
                null,
                "General Admission",
                RegistrationStatus.ATTENDING,
                Map.of(),
                false);
    }

    static final List<Attendee> ROSTER = List.of(
            person("V1", "Minh Khai", "Nguyễn", "Boat People SOS"),
            person("P1", "Łukasz", "Żółć", "Polish Community Center"),
            person("G1", "Johann", "Strauß", "Wiener Integrationshaus"),
            person("I1", "Siobhán", "O'Brien", "Irish Immigration Center"),
            person("H1", "Widelene", "Pierre-Louis", "Haitian Women's Collective"),
            person("S1", "José", "Martínez", "Casa de Esperanza"),
            person("S2", "Josefina", "Martín", "Mercy Housing"),
            person("S3", "Marta", "Jordán", "Catholic Charities"),
            person("A1", "محمد", "عبد الله", "Arab American Family Services"),
            person("C1", "小明", "王", "Chinese Mutual Aid"),
            person("K1", "민준", "김", "Korean Resource Center"),
            person("E1", "አበበ", "በቀለ", "Ethiopian Community Association"),
            person("N1", "बहादुर", "गुरुङ", "Bhutanese Community of Pittsburgh"),
            person("M1", "မာအိ", "", "Burmese American Community Institute"),
            person("R1", "Robert", "Smith", "Bob Smith", "Lutheran Services", "rsmith@lss.example.org"),
            person("R2", "Roberta", "Smithson", "Refugee Council"),
            person("T1", "Tou", "Lee", "Hmong American Partnership"));

    static final SearchIndex INDEX = SearchIndex.build(ROSTER);

    static List<String> codes(String query) {
        List<String> out = new ArrayList<>();
        INDEX.search(query, 10).forEach(h -> out.add(h.attendee().code()));
        return out;
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        assertThat(codes("nguyen")).containsExactly("V1");
        assertThat(codes("NGUYỄN")).containsExactly("V1");
        assertThat(codes("lukasz zolc")).containsExactly("P1");
        assertThat(codes("strauss")).containsExactly("G1");
        assertThat(codes("Strauß")).containsExactly("G1");
        assertThat(codes("siobhan")).containsExactly("I1");
    }

    @Test
    void apostrophesAreIgnored() {
        assertThat(codes("obrien")).containsExactly("I1");
        assertThat(codes("o'brien")).containsExactly("I1");
        assertThat(codes("O’Brien")).containsExactly("I1");
    }

    @Test
    void hyphenatedNamesMatchEachPartAndTheWhole() {
        assertThat(codes("pierre")).containsExactly("H1");
        assertThat(codes("louis")).containsExactly("H1");
        assertThat(codes("pierre-louis")).containsExactly("H1");
        assertThat(codes("pierrelouis")).containsExactly("H1");
    }

    @Test
    void tokenPrefixesMatchInAnyOrder() {
        assertThat(codes("mart jo"))
                .as("Marta Jordán matches too: both words are prefixes")
                .containsExactlyInAnyOrder("S1", "S2", "S3");
        assertThat(codes("jo mart")).containsExactlyInAnyOrder("S1", "S2", "S3");
        assertThat(codes("jose martinez")).containsExactly("S1");
        assertThat(codes("jos mart")).containsExactlyInAnyOrder("S1", "S2");
    }

    @Test
    void badgeNameEmailOrganizationAndCodeAreSearched() {
        assertThat(codes("bob")).containsExactly("R1");
        assertThat(codes("rsmith")).as("then Smithson, one typo away").startsWith("R1");
        assertThat(codes("lutheran")).containsExactly("R1");
        assertThat(codes("hmong")).containsExactly("T1");
        assertThat(codes("t1")).containsExactly("T1");
    }

    @Test
    void nonLatinNamesAreFoundInTheirOwnScript() {
        assertThat(codes("محمد")).containsExactly("A1");
        assertThat(codes("عبد")).containsExactly("A1");
        assertThat(codes("王")).containsExactly("C1");
        assertThat(codes("明")).as("a given name written without spaces").containsExactly("C1");
        assertThat(codes("민준")).containsExactly("K1");
        assertThat(codes("김")).containsExactly("K1");
        assertThat(codes("አበበ")).containsExactly("E1");
        assertThat(codes("बहादुर")).containsExactly("N1");
        assertThat(codes("गुरुङ")).containsExactly("N1");
        assertThat(codes("မာအိ")).containsExactly("M1");
    }

    @Test
    void oneTypoIsForgivenInWordsOfFourOrMoreLetters() {
        assertThat(codes("nguyne")).as("swapped letters").containsExactly("V1");
        assertThat(codes("ngyuen")).containsExactly("V1");
        assertThat(codes("martinex")).as("wrong letter").contains("S1");
        assertThat(codes("widelne")).as("a letter left out").containsExactly("H1");
        assertThat(codes("strausss")).as("a letter too many").containsExactly("G1");
        assertThat(codes("qqqq")).isEmpty();
        assertThat(codes("lex")).as("three letters: no typo forgiven").isEmpty();
        assertThat(codes("ngxyxn")).as("two typos are too many").isEmpty();
    }

    @Test
    void exactBeforePrefixBeforeFuzzy() {
        List<SearchHit> hits = INDEX.search("smith", 10);
        assertThat(hits).extracting(h -> h.attendee().code()).containsExactly("R1", "R2");
        assertThat(hits.get(0).match()).isEqualTo(SearchHit.Match.EXACT);
        assertThat(hits.get(1).match()).isEqualTo(SearchHit.Match.PREFIX);
    }

    @Test
    void wholeNameMatchesComeBeforeOrganizationMatches() {
        SearchIndex idx = SearchIndex.build(List.of(
                person("O1", "Ana", "Silva", "Martínez Foundation"), person("N9", "Luis", "Martínez", "Other Org")));
        assertThat(idx.search("martinez", 10))
                .extracting(h -> h.attendee().code())
                .containsExactly("N9", "O1");
    }

    @Test
    void peopleNotYetArrivedComeFirst() {
        SearchIndex idx = SearchIndex.build(List.of(
                person("L1", "Ana", "Lopez", "X"),
                person("L2", "Ana", "Lopez", "Y"),
                person("L3", "Ana", "Lopez", "Z")));
        idx.setArrived("L1", true);
        assertThat(idx.search("ana lopez", 10))
                .extracting(h -> h.attendee().code())
                .containsExactly("L2", "L3", "L1");
        idx.setArrived("L1", false);
        assertThat(idx.search("ana lopez", 10))
                .extracting(h -> h.attendee().code())
                .containsExactly("L1", "L2", "L3");
    }

    @Test
    void theLimitIsRespectedAndTheBestAreKept() {
        List<Attendee> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(person("X" + i, "Maria" + (i % 7 == 0 ? "" : "na"), "Garcia", "Org " + i));
        }
        SearchIndex idx = SearchIndex.build(many);
        List<SearchHit> hits = idx.search("maria", 5);
        assertThat(hits).hasSize(5).allMatch(h -> h.match() == SearchHit.Match.EXACT);
    }

    @Test
    void supersededPeopleAreHidden() {
        SearchIndex idx = SearchIndex.build(List.of(person("Z1", "Zoe", "Old", "X")));
        idx.supersede("Z1");
        assertThat(idx.search("zoe", 5)).isEmpty();
    }

    static final SearchIndex WITH_EMAILS = SearchIndex.build(List.of(
            person("E1", "Grace", "Okafor", null, "Welcome Center", "First.Last@Example.org"),
            person("E2", "Tomás", "Okafor", null, "Welcome Center", "tomas.okafor@example.org"),
            person("E3", "Grace", "Mensah", null, "Example Org", "grace.mensah@example.net"),
            person("E4", "Lena", "Okafor", null, "Welcome Center", "first.last@example.org"),
            person("E5", "Paul", "Nobody", null, "Welcome Center", null)));

    static List<String> withEmails(String query) {
        return WITH_EMAILS.search(query, 10).stream()
                .map(h -> h.attendee().code())
                .toList();
    }

    @Test
    void aWholeEmailAddressFindsItsPerson() {
        assertThat(withEmails("tomas.okafor@example.org")).containsExactly("E2");
        assertThat(withEmails("  TOMAS.Okafor@Example.ORG "))
                .as("as typed, in any case")
                .containsExactly("E2");
        assertThat(withEmails("mailto:tomas.okafor@example.org"))
                .as("pasted from a link")
                .containsExactly("E2");
        assertThat(withEmails("<tomas.okafor@example.org>")).containsExactly("E2");
        assertThat(withEmails("first.last@example.org"))
                .as("two registrations with one address")
                .containsExactlyInAnyOrder("E1", "E4");
        assertThat(WITH_EMAILS.search("tomas.okafor@example.org", 5))
                .singleElement()
                .satisfies(h -> assertThat(h.match()).isEqualTo(SearchHit.Match.EXACT));
    }

    @Test
    void anAddressWithAnotherDomainFindsNoOne() {
        assertThat(withEmails("tomas.okafor@example.com")).isEmpty();
        assertThat(withEmails("tomas.okafor@elsewhere.org")).isEmpty();
        assertThat(withEmails("grace.mensah@example.org"))
                .as("her address is at example.net, though her organization is Example Org")
                .isEmpty();
    }

    @Test
    void thePartBeforeTheAtStillMatchesAsBefore() {
        assertThat(withEmails("tomas.ok")).containsExactly("E2");
        assertThat(withEmails("grace.mensah")).containsExactly("E3");
        assertThat(withEmails("tomas.okafor@")).as("nothing after the @ yet").containsExactly("E2");
        assertThat(withEmails("example"))
                .as("domains are not words: only the organization named Example Org")
                .containsExactly("E3");
    }

    @Test
    void persianAndArabicSpellingsFindEachOther() {
        SearchIndex idx = SearchIndex.build(List.of(
                person("D1", "ذکیه", "حکیمی", "Afghan Community Center"),
                person("D2", "فاطمة", "الكبيسي", "Arab Women's Network"),
                person("D3", "علی", "احمدی", "Afghan Community Center")));
        assertThat(idx.search("حكيمي", 5)).extracting(h -> h.attendee().code()).containsExactly("D1");
        assertThat(idx.search("ذكية", 5)).extracting(h -> h.attendee().code()).containsExactly("D1");
        assertThat(idx.search("فاطمه الکبیسی", 5))
                .as("an Arabic name typed on a Persian keyboard")
                .extracting(h -> h.attendee().code())
                .containsExactly("D2");
        assertThat(idx.search("علي أحمدي", 5))
                .extracting(h -> h.attendee().code())
                .containsExactly("D3");
    }

    @Test
    void aMergedIndexAnswersAsOneBuiltFromScratch() {
        SearchIndex base = SearchIndex.build(ROSTER);
        base.setArrived("V1", true);
        base.setArrived("S1", true);
        Attendee renamed = person("S1", "José", "Martínez-Ruiz", null, "Casa de Esperanza", "jose@example.org");
        Attendee walkIn = person("W-1", "Hawa", "Yusuf", null, "Somali Bantu Association", "hawa@example.org");
        SearchIndex newer = SearchIndex.build(List.of(renamed, walkIn));
        newer.setArrived("W-1", true);
        newer.setArrived("S1", true); // as Lookup carries it over to a changed person
        base.supersede("S1");
        SearchIndex merged = SearchIndex.merge(base, newer);

        List<Attendee> all = new ArrayList<>(ROSTER);
        all.removeIf(a -> a.code().equals("S1"));
        all.add(renamed);
        all.add(walkIn);
        SearchIndex scratch = SearchIndex.build(all);
        scratch.setArrived("V1", true);
        scratch.setArrived("S1", true);
        scratch.setArrived("W-1", true);
        assertThat(merged.size()).isEqualTo(scratch.size());
        assertThat(merged.distinctWords())
                .as("words only the old S1 had are gone")
                .isEqualTo(scratch.distinctWords());
        for (String q : List.of(
                "jose",
                "martinez",
                "ruiz",
                "hawa",
                "yusuf",
                "somali",
                "minh",
                "nguyen",
                "smith",
                "rsmith",
                "smiht",
                "jose@example.org",
                "hawa@example.org",
                "rsmith@lss.example.org",
                "عبد",
                "明",
                "w-1",
                "martin")) {
            assertThat(merged.search(q, 10)).as(q).isEqualTo(scratch.search(q, 10));
        }
    }

    @Test
    void typoRule() {
        assertThat(Typo.withinOneOfPrefix("garcua", "garcia")).isTrue();
        assertThat(Typo.withinOneOfPrefix("lopz", "lopezhernandez")).isTrue();
        assertThat(Typo.withinOneOfPrefix("lpoez", "lopez")).isTrue();
        assertThat(Typo.withinOneOfPrefix("smiht", "smith")).isTrue();
        assertThat(Typo.withinOneOfPrefix("smxxh", "smith")).isFalse();
        assertThat(Typo.withinOneOfPrefix("smithss", "smith")).isFalse();
    }
}
