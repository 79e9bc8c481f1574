package org.arrivals.attendee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoEventGeneratorTest {

    private static final long DEMO_SEED = 2026;
    private static final int DEMO_SIZE = 1200;
    private static final List<List<String>> DEMO = DemoEventGenerator.rows(DEMO_SEED, DEMO_SIZE);

    private static int col(String header) {
        int i = DemoEventGenerator.HEADERS.indexOf(header);
        assertThat(i).as("column %s", header).isNotNegative();
        return i;
    }

    private static Set<String> distinct(List<List<String>> rows, String header) {
        int c = col(header);
        return rows.stream().map(r -> r.get(c)).collect(Collectors.toSet());
    }

    @Test
    void sameSeedAndCountGiveTheSameRows() {
        assertThat(DemoEventGenerator.rows(DEMO_SEED, DEMO_SIZE)).isEqualTo(DEMO);
    }

    @Test
    void differentSeedGivesDifferentRows() {
        assertThat(DemoEventGenerator.rows(DEMO_SEED + 1, DEMO_SIZE)).isNotEqualTo(DEMO);
    }

    @Test
    void demoHasTheRequestedRowsInHeaderOrder() {
        assertThat(DemoEventGenerator.HEADERS)
                .containsExactly(
                        "code",
                        "barcode",
                        "first_name",
                        "last_name",
                        "badge_name",
                        "pronouns",
                        "email",
                        "organization",
                        "title",
                        "type",
                        "status",
                        "track",
                        "country",
                        "language");
        assertThat(DEMO).hasSize(DEMO_SIZE);
        assertThat(DEMO).allSatisfy(row -> assertThat(row).hasSize(DemoEventGenerator.HEADERS.size()));
        assertThat(DEMO.get(0).get(col("code"))).isEqualTo("AR-000001");
    }

    @Test
    void aboutFourHundredFiftyOrganizations() {
        assertThat(distinct(DEMO, "organization")).hasSizeBetween(400, 500);
    }

    @Test
    void organizationNamesCarryTheCsvEdgeCases() {
        Set<String> orgs = distinct(DEMO, "organization");
        assertThat(orgs).filteredOn(o -> o.contains(",")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(orgs).filteredOn(o -> o.contains("'")).hasSize(1);
        assertThat(orgs).filteredOn(o -> o.contains("&")).hasSize(1);
    }

    @Test
    void everyTypeTrackAndStatusIsPresent() {
        assertThat(DemoEventGenerator.TYPES).hasSize(7);
        assertThat(DemoEventGenerator.TRACKS).hasSize(9).doesNotHaveDuplicates();
        assertThat(distinct(DEMO, "type")).containsExactlyInAnyOrderElementsOf(DemoEventGenerator.TYPES);
        assertThat(distinct(DEMO, "track")).containsExactlyInAnyOrderElementsOf(DemoEventGenerator.TRACKS);
        assertThat(distinct(DEMO, "status")).containsExactlyInAnyOrder("Attending", "Cancelled", "Refunded", "Pending");
    }

    @Test
    void sharesLookLikeARealEvent() {
        int type = col("type");
        long general = DEMO.stream()
                .filter(r -> r.get(type).equals("General Admission"))
                .count();
        assertThat(general).isBetween(DEMO_SIZE * 70L / 100, DEMO_SIZE * 85L / 100);
        for (String t : DemoEventGenerator.TYPES) {
            assertThat(DEMO.stream().filter(r -> r.get(type).equals(t)).count())
                    .as(t)
                    .isGreaterThanOrEqualTo(5);
        }
        int status = col("status");
        long attending =
                DEMO.stream().filter(r -> r.get(status).equals("Attending")).count();
        assertThat(attending).isGreaterThan(DEMO_SIZE * 90L / 100);

        int pronouns = col("pronouns");
        long withPronouns =
                DEMO.stream().filter(r -> !r.get(pronouns).isEmpty()).count();
        assertThat(withPronouns).isBetween(DEMO_SIZE * 30L / 100, DEMO_SIZE * 50L / 100);
        assertThat(distinct(DEMO, "pronouns"))
                .isSubsetOf("", "she/her", "he/him", "they/them", "ella", "él", "elle/iel");

        int badge = col("badge_name");
        long withBadge = DEMO.stream().filter(r -> !r.get(badge).isEmpty()).count();
        assertThat(withBadge).isBetween(DEMO_SIZE * 8L / 100, DEMO_SIZE * 25L / 100);

        assertThat(distinct(DEMO, "country")).contains("US", "CA", "MX");
        int country = col("country");
        long us = DEMO.stream().filter(r -> r.get(country).equals("US")).count();
        assertThat(us).isGreaterThan(DEMO_SIZE / 2);
    }

    @Test
    void codesAndBarcodesStayUniqueAtBenchmarkSize() {
        List<List<String>> big = DemoEventGenerator.rows(DEMO_SEED, 100_000);
        assertThat(big).hasSize(100_000);
        assertThat(distinct(big, "code")).hasSize(100_000);
        Set<String> barcodes = distinct(big, "barcode");
        assertThat(barcodes).hasSize(100_000);
        assertThat(barcodes).allMatch(b -> b.matches("[1-9][0-9]{11}"));
        assertThat(distinct(big, "email")).hasSize(100_000);
    }

    @Test
    void emailsAreAsciiUniqueAndOnReservedDomains() {
        Set<String> emails = distinct(DEMO, "email");
        assertThat(emails).hasSize(DEMO_SIZE);
        assertThat(emails).allMatch(e -> e.chars().allMatch(c -> c < 128), "ASCII only");
        assertThat(emails).allMatch(e -> e.matches("[a-z0-9.]+@[a-z0-9.-]+\\.example\\.org"), "example.org");
    }

    @Test
    void namesAreWrittenInManyScripts() {
        int first = col("first_name");
        int last = col("last_name");
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        boolean vietnamese = false;
        for (List<String> row : DEMO) {
            String name = row.get(first) + " " + row.get(last);
            Set<UnicodeScript> own = scriptsOf(name);
            scripts.addAll(own);
            vietnamese |= own.equals(Set.of(UnicodeScript.LATIN)) && hasVietnameseLetter(name);
        }
        assertThat(scripts)
                .contains(
                        UnicodeScript.ARABIC,
                        UnicodeScript.ETHIOPIC,
                        UnicodeScript.DEVANAGARI,
                        UnicodeScript.MYANMAR,
                        UnicodeScript.HAN,
                        UnicodeScript.HANGUL,
                        UnicodeScript.CYRILLIC,
                        UnicodeScript.LATIN);
        assertThat(vietnamese)
                .as("a Latin-script name with Vietnamese stacked diacritics")
                .isTrue();
    }

    @Test
    void someAttendeesHaveASingleName() {
        int first = col("first_name");
        int last = col("last_name");
        assertThat(DEMO).anySatisfy(r -> {
            assertThat(r.get(last)).isEmpty();
            assertThat(r.get(first)).isNotBlank();
        });
        assertThat(DEMO).allSatisfy(r -> assertThat(r.get(first)).isNotBlank());
    }

    @Test
    void csvHasOneRecordPerRowPlusTheHeader() throws IOException {
        StringWriter out = new StringWriter();
        DemoEventGenerator.writeCsv(out, DEMO_SEED, DEMO_SIZE);
        String csv = out.toString();

        List<List<String>> records = parseCsv(csv);
        assertThat(records).hasSize(DEMO_SIZE + 1);
        assertThat(records.get(0)).isEqualTo(DemoEventGenerator.HEADERS);
        assertThat(records.subList(1, records.size())).isEqualTo(DEMO);

        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(csv).contains(",\"Health, Mental Health and Wellbeing\",");
    }

    @Test
    void csvQuotingFollowsRfc4180() {
        List<List<String>> parsed = parseCsv("a,\"b,c\",\"say \"\"hi\"\"\",\r\n\"x\r\ny\",,z\r\n");
        assertThat(parsed).containsExactly(List.of("a", "b,c", "say \"hi\"", ""), List.of("x\r\ny", "", "z"));
    }

    private static Set<UnicodeScript> scriptsOf(String s) {
        Set<UnicodeScript> out = new HashSet<>();
        s.codePoints().filter(Character::isLetter).forEach(cp -> out.add(UnicodeScript.of(cp)));
        return out;
    }

    /** Vietnamese stacks tone marks on vowels; those precomposed letters live at U+1EA0..U+1EF9. */
    private static boolean hasVietnameseLetter(String s) {
        return s.codePoints().anyMatch(cp -> cp >= 0x1EA0 && cp <= 0x1EF9);
    }

    /** Just enough RFC 4180 to read back what the generator writes, kept here so the test checks the writer. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
                continue;
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
