package org.arrivals.attendee.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, deterministic demo attendee list for a national conference on immigrant and refugee
 * integration: about 1,200 leaders from 450+ organizations, guests from Canada, Mexico and Europe,
 * nine tracks.
 *
 * <p>The data is meant to stress what a real roster of this kind stresses: names in many scripts
 * and naming customs (mononyms, family-name-first cultures, double surnames, gendered surnames),
 * organization names that need CSV quoting, and every attendee type and status. All values are
 * invented; e-mail domains are subdomains of {@code example.org}, which RFC 2606 reserves.
 */
public final class DemoEventGenerator {
    /** The name, organization and title lists (names.json): read first, the constants below come from it. */
    private static final DemoTables TABLES = DemoTables.load();

    public static final List<String> HEADERS = List.of(
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

    public static final List<String> TRACKS = List.of(
            "Refugee Resettlement and Welcome",
            "Immigration Legal Services and Policy",
            "Economic Mobility and Workforce",
            "Language Access and Adult Education",
            "Health, Mental Health and Wellbeing",
            "Civic Engagement and Naturalization",
            "Children and Youth",
            "Welcoming Cities and Local Government",
            "Cross-Border and International Collaboration");

    public static final List<String> TYPES =
            List.of("General Admission", "Speaker", "Staff", "Volunteer", "Press", "Sponsor", "Exhibitor");

    private static final List<String> STATUSES = List.of("Attending", "Cancelled", "Refunded", "Pending");

    // Category 0 of each table takes whatever the others leave, so the shares of the others are exact.
    private static final double[] TYPE_SHARES = {0.78, 0.08, 0.03, 0.05, 0.015, 0.02, 0.025};
    private static final double[] STATUS_SHARES = {0.96, 0.02, 0.01, 0.01};
    private static final double[] TRACK_SHARES = {0.15, 0.14, 0.13, 0.11, 0.11, 0.10, 0.09, 0.09, 0.08};

    private static final int GENERAL_ADMISSION = 0;
    private static final int SPEAKER = 1;
    private static final int STAFF = 2;
    private static final int VOLUNTEER = 3;
    private static final int PRESS = 4;
    private static final int SPONSOR = 5;
    private static final int EXHIBITOR = 6;

    /** 450 organizations for 1,200 attendees, the ratio of the event this demo imitates. */
    private static final double ORGS_PER_ATTENDEE = 0.375;

    private static final double NONBINARY = 0.03;
    private static final double PRONOUNS_FILLED = 0.40;

    // Barcodes are an affine permutation of the row index over [10^10, 10^11), so they are distinct
    // by construction (no set to check against) and never start with 0, which spreadsheet programs
    // would silently drop. A 12th digit is the UPC-A check digit, as on a printed badge.
    private static final long BARCODE_SPACE = 90_000_000_000L;
    private static final long BARCODE_FLOOR = 10_000_000_000L;

    private DemoEventGenerator() {}

    /**
     * Rows in HEADERS order; same seed and count give the same rows.
     *
     * <p>Shares (types, statuses, tracks, organizations) are dealt over the whole count, so
     * {@code rows(s, 100)} is not a prefix of {@code rows(s, 1200)}.
     */
    public static List<List<String>> rows(long seed, int attendees) {
        List<List<String>> rows = new ArrayList<>(Math.max(0, attendees));
        try {
            generate(seed, attendees, rows::add);
        } catch (IOException e) {
            throw new AssertionError("adding to a list does no I/O", e);
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * Writes an RFC 4180 CSV with FastCSV (header line then rows, CRLF line ends, fields quoted
     * only when they contain a comma, quote, CR or LF; quotes doubled). UTF-8 is the caller's job
     * (a Writer). The writer is flushed, not closed.
     */
    public static void writeCsv(Writer out, long seed, int attendees) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(HEADERS);
        // Streams row by row so a 100,000-row benchmark file never sits in memory as a list.
        generate(seed, attendees, csv::writeRecord);
        csv.flush();
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(List<String> row) throws IOException;
    }

    private static void generate(long seed, int n, RowSink sink) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("attendees must be >= 0: " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);

        // Dealing fixed quotas and shuffling (rather than rolling dice per row) keeps every type,
        // status and track present even for seeds where the dice would be unkind.
        int[] type = deal(rng, n, TYPE_SHARES);
        int[] status = deal(rng, n, STATUS_SHARES);
        int[] track = deal(rng, n, TRACK_SHARES);

        int generalRows = 0;
        for (int t : type) {
            if (usesGeneralOrg(t)) {
                generalRows++;
            }
        }
        int wantedOrgs = (int) Math.min(generalRows, Math.max(1, Math.round(n * ORGS_PER_ATTENDEE)));
        List<Org> orgs = pickGeneralOrgs(rng, wantedOrgs);
        int[] orgOfGeneralRow = assignOrgs(rng, generalRows, orgs.size());

        // A large multiplier so neighbouring rows get unrelated-looking barcodes; it must be coprime
        // to 2^10 * 3^2 * 5^10 for the map to be a permutation.
        long a = BARCODE_FLOOR + rng.nextLong(BARCODE_SPACE - BARCODE_FLOOR - 100);
        while (a % 2 == 0 || a % 3 == 0 || a % 5 == 0) {
            a++;
        }
        long b = rng.nextLong(BARCODE_SPACE);

        int generalSeen = 0;
        for (int i = 0; i < n; i++) {
            int t = type[i];
            Org org = switch (t) {
                case STAFF -> pick(rng, HOST_ORGS);
                case PRESS -> pick(rng, PRESS_ORGS);
                case SPONSOR -> pick(rng, SPONSOR_ORGS);
                case EXHIBITOR -> pick(rng, EXHIBITOR_ORGS);
                default -> orgs.get(orgOfGeneralRow[generalSeen++]);
            };
            Culture culture = cultureFor(rng, org.country());
            Person p = person(rng, culture);

            boolean nonbinary = rng.nextDouble() < NONBINARY;
            String pronouns = "";
            if (rng.nextDouble() < PRONOUNS_FILLED) {
                pronouns = pronouns(rng, p, culture.lang, nonbinary);
            }
            String badge = "";
            // Asked of everyone, but only names with a short or romanized form produce one, so the
            // odds are set above the ~15% the roster should end up with.
            if (rng.nextDouble() < (culture.nonLatin ? 0.35 : 0.19)
                    && !p.preferred().equals(p.first())) {
                badge = p.preferred();
            }

            String title = title(rng, t, org.category());
            String email = p.handle() + (i + 1) + "@" + org.domain();
            long payload = (mulMod(a, i, BARCODE_SPACE) + b) % BARCODE_SPACE + BARCODE_FLOOR;

            sink.accept(List.of(
                    code(i + 1),
                    withCheckDigit(payload),
                    p.first(),
                    p.last(),
                    badge,
                    pronouns,
                    email,
                    org.name(),
                    title,
                    TYPES.get(t),
                    STATUSES.get(status[i]),
                    TRACKS.get(track[i]),
                    org.country(),
                    language(i, culture, org.country())));
        }
    }

    /**
     * The language a person would want their certificate in: Spanish for Mexican and Spanish
     * organizations, French for French Canadians, Arabic for three in ten Arabic speakers, else
     * English. Derived, not drawn, so the other columns stay as they were.
     */
    private static String language(int row, Culture culture, String country) {
        if (country.equals("MX") || country.equals("ES")) {
            return "es";
        }
        if (culture.lang == Lang.FR) {
            return "fr";
        }
        if (culture == Culture.ARABIC && (row * 7) % 10 < 3) {
            return "ar";
        }
        return "en";
    }

    private static boolean usesGeneralOrg(int type) {
        return type == GENERAL_ADMISSION || type == SPEAKER || type == VOLUNTEER;
    }

    private static int[] deal(SplittableRandom rng, int n, double[] shares) {
        int k = shares.length;
        int[] counts = new int[k];
        int rest = n;
        for (int c = 1; c < k; c++) {
            counts[c] = (int) Math.round(n * shares[c]);
            if (n >= k) {
                counts[c] = Math.max(1, counts[c]);
            }
            rest -= counts[c];
        }
        counts[0] = rest;
        // Small counts can over-allocate the minor categories; take the excess back from the biggest.
        int floor0 = n >= k ? 1 : 0;
        while (counts[0] < floor0) {
            int biggest = 1;
            for (int c = 2; c < k; c++) {
                if (counts[c] > counts[biggest]) {
                    biggest = c;
                }
            }
            counts[biggest]--;
            counts[0]++;
        }
        int[] out = new int[n];
        int pos = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < counts[c]; j++) {
                out[pos++] = c;
            }
        }
        shuffle(rng, out);
        return out;
    }

    private static void shuffle(SplittableRandom rng, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    private static <T> void shuffle(SplittableRandom rng, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    private static <T> T pick(SplittableRandom rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private static <T> T pick(SplittableRandom rng, T[] array) {
        return array[rng.nextInt(array.length)];
    }

    // ---------------------------------------------------------------- organizations

    private enum Category {
        GENERAL,
        ACADEMIC,
        FOUNDATION,
        GOVERNMENT,
        PRESS,
        SPONSOR,
        EXHIBITOR,
        HOST
    }

    private record Org(String name, String domain, String country, Category category) {}

    private static List<Org> pickGeneralOrgs(SplittableRandom rng, int wanted) {
        List<Org> picked = new ArrayList<>(SPECIAL_ORGS);
        addSome(rng, picked, CANADIAN_ORGS, Math.round(wanted * 0.08));
        addSome(rng, picked, MEXICAN_ORGS, Math.round(wanted * 0.04));
        addSome(rng, picked, EUROPEAN_ORGS, Math.round(wanted * 0.05));
        addSome(rng, picked, GOVERNMENT_ORGS, Math.round(wanted * 0.04));
        addSome(rng, picked, US_ORGS, wanted - picked.size());
        shuffle(rng, picked);
        // The shuffle decides which few survive when the event is too small for the special ones.
        return picked.size() > wanted ? new ArrayList<>(picked.subList(0, wanted)) : picked;
    }

    private static void addSome(SplittableRandom rng, List<Org> into, List<Org> pool, long count) {
        if (count <= 0) {
            return;
        }
        List<Org> copy = new ArrayList<>(pool);
        shuffle(rng, copy);
        into.addAll(copy.subList(0, (int) Math.min(count, copy.size())));
    }

    /**
     * Every organization sends at least one person, so the distinct count is the chosen count;
     * the rest are skewed so a few large agencies send whole teams, as they do.
     */
    private static int[] assignOrgs(SplittableRandom rng, int rows, int orgCount) {
        int[] out = new int[rows];
        if (orgCount == 0) {
            return out;
        }
        for (int i = 0; i < rows; i++) {
            if (i < orgCount) {
                out[i] = i;
            } else {
                double u = rng.nextDouble();
                out[i] = (int) (orgCount * u * u);
            }
        }
        shuffle(rng, out);
        return out;
    }

    private static final String DOMAIN_SUFFIX = ".example.org";

    private static Org org(String name, String domainLabel, String country, Category category) {
        return new Org(name, domainLabel + DOMAIN_SUFFIX, country, category);
    }

    /** An organization whose domain is made from its initials, since the full name is too long. */
    private static Org named(String name, String country, Category category) {
        return org(name, initials(name), country, category);
    }

    private static List<Org> orgs(String list) {
        List<DemoTables.OrgSpec> specs = TABLES.orgs().get(list);
        if (specs == null) {
            throw new IllegalStateException("names.json has no organizations \"" + list + "\"");
        }
        List<Org> out = new ArrayList<>(specs.size());
        for (DemoTables.OrgSpec o : specs) {
            Category category = Category.valueOf(o.category());
            out.add(
                    o.domain() == null
                            ? named(o.name(), o.country(), category)
                            : org(o.name(), o.domain(), o.country(), category));
        }
        return List.copyOf(out);
    }

    private static List<Org> combos(String[] places, String[] kinds, String country, boolean kindFirst) {
        List<Org> out = new ArrayList<>(places.length * kinds.length);
        for (String place : places) {
            for (String kind : kinds) {
                String name = kindFirst ? kind + " " + place : place + " " + kind;
                out.add(org(name, fold(place) + "-" + initials(kind), country, Category.GENERAL));
            }
        }
        return out;
    }

    private static final List<String> STOP_WORDS = TABLES.stopWords();

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String word : name.split("[\\s,.\\-\"]+")) {
            String w = fold(word);
            if (!w.isEmpty() && !STOP_WORDS.contains(w)) {
                sb.append(w.charAt(0));
            }
        }
        return sb.length() == 0 ? "org" : sb.toString();
    }

    private static final String[] US_PLACES = TABLES.list("US_PLACES");

    private static final String[] US_KINDS = TABLES.list("US_KINDS");

    private static final String[] CA_ENGLISH_PLACES = TABLES.list("CA_ENGLISH_PLACES");
    private static final String[] CA_ENGLISH_KINDS = TABLES.list("CA_ENGLISH_KINDS");
    private static final String[] CA_FRENCH_PLACES = TABLES.list("CA_FRENCH_PLACES");
    private static final String[] CA_FRENCH_KINDS = TABLES.list("CA_FRENCH_KINDS");
    private static final String[] MX_PLACES = TABLES.list("MX_PLACES");
    private static final String[] MX_KINDS = TABLES.list("MX_KINDS");

    private static final List<Org> US_ORGS = List.copyOf(combos(US_PLACES, US_KINDS, "US", false));

    private static final List<Org> CANADIAN_ORGS;
    private static final List<Org> MEXICAN_ORGS = List.copyOf(combos(MX_PLACES, MX_KINDS, "MX", true));
    private static final List<Org> EUROPEAN_ORGS;
    private static final List<Org> GOVERNMENT_ORGS;

    static {
        List<Org> ca = new ArrayList<>(combos(CA_ENGLISH_PLACES, CA_ENGLISH_KINDS, "CA", false));
        ca.addAll(combos(CA_FRENCH_PLACES, CA_FRENCH_KINDS, "CA", true));
        CANADIAN_ORGS = List.copyOf(ca);

        List<Org> eu = new ArrayList<>();
        for (DemoTables.Combos c : TABLES.europe()) {
            eu.addAll(combos(
                    c.places().toArray(String[]::new), c.kinds().toArray(String[]::new), c.country(), c.kindFirst()));
        }
        EUROPEAN_ORGS = List.copyOf(eu);

        List<Org> gov = new ArrayList<>();
        List<String> cities = TABLES.government().cities();
        List<String> offices = TABLES.government().offices();
        // One office per city: a city with two immigrant-affairs offices would look odd on a badge.
        for (int i = 0; i < cities.size(); i++) {
            String name = "City of " + cities.get(i) + " " + offices.get(i % offices.size());
            gov.add(org(name, fold(cities.get(i)) + "-gov", "US", Category.GOVERNMENT));
        }
        for (String state : TABLES.government().states()) {
            gov.add(org(state + " State Refugee Office", fold(state) + "-sro", "US", Category.GOVERNMENT));
        }
        GOVERNMENT_ORGS = List.copyOf(gov);
    }

    // Always offered: these carry the CSV edge cases (commas, one apostrophe, one ampersand, one
    // quoted name) and the academic and philanthropic voices a national conference always has.
    private static final List<Org> SPECIAL_ORGS = orgs("SPECIAL_ORGS");

    private static final List<Org> HOST_ORGS = orgs("HOST_ORGS");

    private static final List<Org> PRESS_ORGS = orgs("PRESS_ORGS");

    private static final List<Org> SPONSOR_ORGS = orgs("SPONSOR_ORGS");

    private static final List<Org> EXHIBITOR_ORGS = orgs("EXHIBITOR_ORGS");

    // ---------------------------------------------------------------- titles

    private static final String[] GENERAL_TITLES = TABLES.list("GENERAL_TITLES");
    private static final String[] ACADEMIC_TITLES = TABLES.list("ACADEMIC_TITLES");
    private static final String[] FOUNDATION_TITLES = TABLES.list("FOUNDATION_TITLES");
    private static final String[] GOVERNMENT_TITLES = TABLES.list("GOVERNMENT_TITLES");
    private static final String[] PRESS_TITLES = TABLES.list("PRESS_TITLES");
    private static final String[] SPONSOR_TITLES = TABLES.list("SPONSOR_TITLES");
    private static final String[] EXHIBITOR_TITLES = TABLES.list("EXHIBITOR_TITLES");
    private static final String[] STAFF_TITLES = TABLES.list("STAFF_TITLES");
    private static final String[] VOLUNTEER_TITLES = TABLES.list("VOLUNTEER_TITLES");

    private static String title(SplittableRandom rng, int type, Category category) {
        if (type == VOLUNTEER) {
            return pick(rng, VOLUNTEER_TITLES);
        }
        return pick(
                rng,
                switch (category) {
                    case GENERAL -> GENERAL_TITLES;
                    case ACADEMIC -> ACADEMIC_TITLES;
                    case FOUNDATION -> FOUNDATION_TITLES;
                    case GOVERNMENT -> GOVERNMENT_TITLES;
                    case PRESS -> PRESS_TITLES;
                    case SPONSOR -> SPONSOR_TITLES;
                    case EXHIBITOR -> EXHIBITOR_TITLES;
                    case HOST -> STAFF_TITLES;
                });
    }

    // ---------------------------------------------------------------- people

    private enum Lang {
        EN,
        ES,
        FR
    }

    private enum Culture {
        US_COMMON(Lang.EN, false),
        HISPANIC(Lang.ES, false),
        ARABIC(Lang.EN, true),
        VIETNAMESE(Lang.EN, false),
        SOMALI(Lang.EN, false),
        AMHARIC(Lang.EN, true),
        NEPALI(Lang.EN, true),
        BURMESE(Lang.EN, true),
        CHINESE(Lang.EN, true),
        KOREAN(Lang.EN, true),
        HAITIAN(Lang.EN, false),
        HMONG(Lang.EN, false),
        POLISH(Lang.EN, false),
        GERMAN(Lang.EN, false),
        IRISH(Lang.EN, false),
        FRENCH_CANADIAN(Lang.FR, false),
        AFGHAN(Lang.EN, true),
        UKRAINIAN(Lang.EN, true),
        TIGRINYA(Lang.EN, true),
        KAREN(Lang.EN, false),
        CHIN(Lang.EN, false);

        final Lang lang;
        final boolean nonLatin;

        Culture(Lang lang, boolean nonLatin) {
            this.lang = lang;
            this.nonLatin = nonLatin;
        }
    }

    /** Weights per Culture ordinal; each country's mix reflects who actually arrives and settles there. */
    private static final int[] US_MIX = {22, 19, 6, 4, 4, 3, 3, 3, 4, 3, 4, 3, 2, 1, 2, 1, 4, 4, 3, 3, 2};

    private static final int[] CA_MIX = {30, 3, 8, 2, 3, 0, 1, 0, 6, 2, 4, 0, 1, 0, 1, 25, 5, 6, 3, 0, 0};
    private static final int[] MX_MIX = {2, 90, 0, 0, 0, 0, 0, 0, 1, 1, 5, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};

    private static Culture cultureFor(SplittableRandom rng, String country) {
        int[] weights = switch (country) {
            case "US" -> US_MIX;
            case "CA" -> CA_MIX;
            case "MX" -> MX_MIX;
            default -> null;
        };
        if (weights == null) {
            // European partners: mostly locals, plus the newcomer communities Europe receives.
            double u = rng.nextDouble();
            if (u < 0.60) {
                return switch (country) {
                    case "DE" -> Culture.GERMAN;
                    case "PL" -> Culture.POLISH;
                    case "IE" -> Culture.IRISH;
                    case "ES" -> Culture.HISPANIC;
                    default -> Culture.US_COMMON;
                };
            }
            Culture[] newcomers = {
                Culture.ARABIC,
                Culture.ARABIC,
                Culture.UKRAINIAN,
                Culture.UKRAINIAN,
                Culture.AFGHAN,
                Culture.AFGHAN,
                Culture.TIGRINYA,
                Culture.SOMALI,
                Culture.AMHARIC
            };
            return pick(rng, newcomers);
        }
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int c = 0; c < weights.length; c++) {
            r -= weights[c];
            if (r < 0) {
                return Culture.values()[c];
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * A name as written, its romanization (for e-mail handles and romanized badges) and an optional
     * everyday short form. Spec syntax: {@code written[|romanized][=short]}.
     */
    private record Name(String text, String roman, String nick) {
        static Name parse(String spec) {
            String nick = "";
            int eq = spec.indexOf('=');
            if (eq >= 0) {
                nick = spec.substring(eq + 1);
                spec = spec.substring(0, eq);
            }
            int bar = spec.indexOf('|');
            return bar >= 0
                    ? new Name(spec.substring(0, bar), spec.substring(bar + 1), nick)
                    : new Name(spec, spec, nick);
        }
    }

    /** A family name that some languages inflect for gender (Wiśniewski / Wiśniewska). */
    private record Family(Name male, Name female) {
        Name forGender(boolean female) {
            return female ? this.female : male;
        }
    }

    private static Name[] names(String[] specs) {
        Name[] out = new Name[specs.length];
        for (int i = 0; i < specs.length; i++) {
            out[i] = Name.parse(specs[i]);
        }
        return out;
    }

    private static Family[] families(String[] specs) {
        Family[] out = new Family[specs.length];
        for (int i = 0; i < specs.length; i++) {
            int slash = specs[i].indexOf('/');
            out[i] = slash >= 0
                    ? new Family(Name.parse(specs[i].substring(0, slash)), Name.parse(specs[i].substring(slash + 1)))
                    : new Family(Name.parse(specs[i]), Name.parse(specs[i]));
        }
        return out;
    }

    private record Person(String first, String last, String preferred, String handle, boolean female) {}

    private static final Name[] US_F = names(TABLES.list("US_F"));
    private static final Name[] US_M = names(TABLES.list("US_M"));
    private static final Family[] US_FAMILY = families(TABLES.list("US_FAMILY"));

    private static final Name[] ES_F = names(TABLES.list("ES_F"));
    private static final Name[] ES_M = names(TABLES.list("ES_M"));
    private static final Name[] ES_LONG_F = names(TABLES.list("ES_LONG_F"));
    private static final Name[] ES_LONG_M = names(TABLES.list("ES_LONG_M"));
    private static final String[] ES_SURNAMES = TABLES.list("ES_SURNAMES");
    private static final String[] ES_PARTICLE_SURNAMES = TABLES.list("ES_PARTICLE_SURNAMES");

    private static final Name[] AR_F = names(TABLES.list("AR_F"));
    private static final Name[] AR_M = names(TABLES.list("AR_M"));
    private static final Family[] AR_FAMILY = families(TABLES.list("AR_FAMILY"));

    // Repeats stand in for weights: close to four in ten Vietnamese are Nguyễn.
    private static final Family[] VI_FAMILY = families(TABLES.list("VI_FAMILY"));
    private static final String[] VI_MIDDLE_F = TABLES.list("VI_MIDDLE_F");
    private static final String[] VI_MIDDLE_M = TABLES.list("VI_MIDDLE_M");
    private static final Name[] VI_F = names(TABLES.list("VI_F"));
    private static final Name[] VI_M = names(TABLES.list("VI_M"));
    private static final String[] ADOPTED_F = TABLES.list("ADOPTED_F");
    private static final String[] ADOPTED_M = TABLES.list("ADOPTED_M");

    private static final Name[] SO_F = names(TABLES.list("SO_F"));
    private static final Name[] SO_M = names(TABLES.list("SO_M"));
    private static final String[] SO_PATRONYMS = TABLES.list("SO_PATRONYMS");

    private static final Name[] AM_F = names(TABLES.list("AM_F"));
    private static final Name[] AM_M = names(TABLES.list("AM_M"));
    private static final Family[] AM_FAMILY = families(TABLES.list("AM_FAMILY"));

    private static final Name[] TI_F = names(TABLES.list("TI_F"));
    private static final Name[] TI_M = names(TABLES.list("TI_M"));
    private static final Family[] TI_FAMILY = families(TABLES.list("TI_FAMILY"));

    private static final Name[] NE_F = names(TABLES.list("NE_F"));
    private static final Name[] NE_M = names(TABLES.list("NE_M"));
    private static final Family[] NE_FAMILY = families(TABLES.list("NE_FAMILY"));

    private static final Name[] MY_F = names(TABLES.list("MY_F"));
    private static final Name[] MY_M = names(TABLES.list("MY_M"));

    private static final Name[] ZH_F = names(TABLES.list("ZH_F"));
    private static final Name[] ZH_M = names(TABLES.list("ZH_M"));
    private static final Family[] ZH_FAMILY = families(TABLES.list("ZH_FAMILY"));

    private static final Name[] KO_F = names(TABLES.list("KO_F"));
    private static final Name[] KO_M = names(TABLES.list("KO_M"));
    private static final Family[] KO_FAMILY = families(TABLES.list("KO_FAMILY"));

    private static final Name[] HT_F = names(TABLES.list("HT_F"));
    private static final Name[] HT_M = names(TABLES.list("HT_M"));
    private static final Family[] HT_FAMILY = families(TABLES.list("HT_FAMILY"));

    private static final Name[] HM_F = names(TABLES.list("HM_F"));
    private static final Name[] HM_M = names(TABLES.list("HM_M"));
    private static final Family[] HM_FAMILY = families(TABLES.list("HM_FAMILY"));

    private static final Name[] PL_F = names(TABLES.list("PL_F"));
    private static final Name[] PL_M = names(TABLES.list("PL_M"));
    private static final Family[] PL_FAMILY = families(TABLES.list("PL_FAMILY"));

    private static final Name[] DE_F = names(TABLES.list("DE_F"));
    private static final Name[] DE_M = names(TABLES.list("DE_M"));
    private static final Family[] DE_FAMILY = families(TABLES.list("DE_FAMILY"));

    private static final Name[] IE_F = names(TABLES.list("IE_F"));
    private static final Name[] IE_M = names(TABLES.list("IE_M"));
    private static final Family[] IE_FAMILY = families(TABLES.list("IE_FAMILY"));

    private static final Name[] FR_F = names(TABLES.list("FR_F"));
    private static final Name[] FR_M = names(TABLES.list("FR_M"));
    private static final Family[] FR_FAMILY = families(TABLES.list("FR_FAMILY"));

    private static final Name[] AF_F = names(TABLES.list("AF_F"));
    private static final Name[] AF_M = names(TABLES.list("AF_M"));
    private static final Family[] AF_FAMILY = families(TABLES.list("AF_FAMILY"));

    private static final Name[] UK_F = names(TABLES.list("UK_F"));
    private static final Name[] UK_M = names(TABLES.list("UK_M"));
    private static final Family[] UK_FAMILY = families(TABLES.list("UK_FAMILY"));

    private static final String[] KAREN_SYLLABLES = TABLES.list("KAREN_SYLLABLES");
    private static final String[] CHIN_GIVEN = TABLES.list("CHIN_GIVEN");
    private static final String[] CHIN_LAST = TABLES.list("CHIN_LAST");

    private static Person person(SplittableRandom rng, Culture culture) {
        boolean female = rng.nextBoolean();
        return switch (culture) {
            case US_COMMON -> simple(rng, female, US_F, US_M, US_FAMILY);
            case HISPANIC -> hispanic(rng, female);
            case ARABIC -> simple(rng, female, AR_F, AR_M, AR_FAMILY);
            case VIETNAMESE -> vietnamese(rng, female);
            case SOMALI -> somali(rng, female);
            case AMHARIC -> simple(rng, female, AM_F, AM_M, AM_FAMILY);
            case NEPALI -> simple(rng, female, NE_F, NE_M, NE_FAMILY);
            case BURMESE -> burmese(rng, female);
            case CHINESE -> eastAsian(rng, female, ZH_F, ZH_M, ZH_FAMILY);
            case KOREAN -> eastAsian(rng, female, KO_F, KO_M, KO_FAMILY);
            case HAITIAN -> simple(rng, female, HT_F, HT_M, HT_FAMILY);
            case HMONG -> simple(rng, female, HM_F, HM_M, HM_FAMILY);
            case POLISH -> simple(rng, female, PL_F, PL_M, PL_FAMILY);
            case GERMAN -> simple(rng, female, DE_F, DE_M, DE_FAMILY);
            case IRISH -> simple(rng, female, IE_F, IE_M, IE_FAMILY);
            case FRENCH_CANADIAN -> simple(rng, female, FR_F, FR_M, FR_FAMILY);
            case AFGHAN -> afghan(rng, female);
            case UKRAINIAN -> simple(rng, female, UK_F, UK_M, UK_FAMILY);
            case TIGRINYA -> simple(rng, female, TI_F, TI_M, TI_FAMILY);
            case KAREN -> karen(rng, female);
            case CHIN -> chin(rng, female);
        };
    }

    /** Given name then family name, each in its own script; preferred is a short form or the romanization. */
    private static Person simple(SplittableRandom rng, boolean female, Name[] fem, Name[] masc, Family[] fam) {
        Name given = pick(rng, female ? fem : masc);
        Name family = pick(rng, fam).forGender(female);
        return new Person(given.text(), family.text(), preferred(given), handle(given.roman(), family.roman()), female);
    }

    private static String preferred(Name given) {
        if (!given.nick().isEmpty()) {
            return given.nick();
        }
        return given.roman().equals(given.text()) ? "" : given.roman();
    }

    private static Person hispanic(SplittableRandom rng, boolean female) {
        String first;
        String last;
        String nick;
        String a = pick(rng, ES_SURNAMES);
        String b = pick(rng, ES_SURNAMES);
        while (b.equals(a)) {
            b = pick(rng, ES_SURNAMES);
        }
        if (rng.nextDouble() < 0.05) {
            // The long, formal forms that overflow badge layouts and fixed-width columns.
            Name given = pick(rng, female ? ES_LONG_F : ES_LONG_M);
            first = given.text();
            nick = given.nick();
            last = a + "-" + b + " " + pick(rng, ES_PARTICLE_SURNAMES);
        } else {
            Name given = pick(rng, female ? ES_F : ES_M);
            first = given.text();
            nick = given.nick();
            double u = rng.nextDouble();
            last = u < 0.55 ? a + " " + b : u < 0.70 ? a + "-" + b : a;
        }
        return new Person(first, last, nick, handle(first, last), female);
    }

    private static Person vietnamese(SplittableRandom rng, boolean female) {
        // Written family-middle-given at home; the roster still wants given in first_name.
        String family = pick(rng, VI_FAMILY).male().text();
        String given = pick(rng, female ? VI_F : VI_M).text();
        String first = rng.nextDouble() < 0.8 ? pick(rng, female ? VI_MIDDLE_F : VI_MIDDLE_M) + " " + given : given;
        String callName = given.substring(given.lastIndexOf(' ') + 1);
        String preferred = rng.nextBoolean() ? asciiWord(callName) : pick(rng, female ? ADOPTED_F : ADOPTED_M);
        return new Person(first, family, preferred, handle(callName, family), female);
    }

    private static Person somali(SplittableRandom rng, boolean female) {
        // Father's name, often followed by the grandfather's: Hodan Abdi Warsame.
        Name given = pick(rng, female ? SO_F : SO_M);
        String father = pick(rng, SO_PATRONYMS);
        String last = rng.nextBoolean() ? father : father + " " + pick(rng, SO_PATRONYMS);
        return new Person(given.text(), last, "", handle(given.text(), last), female);
    }

    private static Person burmese(SplittableRandom rng, boolean female) {
        // No family name at all; the whole name is the name (written without spaces).
        Name[] syllables = female ? MY_F : MY_M;
        int count = 2 + rng.nextInt(2);
        StringBuilder text = new StringBuilder();
        StringBuilder roman = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Name s = pick(rng, syllables);
            text.append(s.text());
            roman.append(i == 0 ? "" : " ").append(s.roman());
        }
        return new Person(text.toString(), "", roman.toString(), handle(roman.toString(), ""), female);
    }

    private static Person eastAsian(SplittableRandom rng, boolean female, Name[] fem, Name[] masc, Family[] fam) {
        Name given = pick(rng, female ? fem : masc);
        Name family = pick(rng, fam).male();
        String preferred = rng.nextBoolean() ? given.roman() : pick(rng, female ? ADOPTED_F : ADOPTED_M);
        return new Person(given.text(), family.text(), preferred, handle(given.roman(), family.roman()), female);
    }

    private static Person afghan(SplittableRandom rng, boolean female) {
        Person p = simple(rng, female, AF_F, AF_M, AF_FAMILY);
        // Many Afghans have no family name; documents issued on arrival often carry the given name alone.
        if (rng.nextDouble() < 0.12) {
            return new Person(
                    p.first(),
                    "",
                    p.preferred(),
                    p.handle().substring(0, p.handle().indexOf('.') + 1),
                    female);
        }
        return p;
    }

    private static Person karen(SplittableRandom rng, boolean female) {
        // S'gaw Karen names have no family name; "Saw"/"Naw" are honorifics commonly kept in records.
        int count = 2 + rng.nextInt(2);
        List<String> parts = new ArrayList<>(count + 1);
        if (rng.nextBoolean()) {
            parts.add(female ? "Naw" : "Saw");
        }
        for (int i = 0; i < count; i++) {
            parts.add(pick(rng, KAREN_SYLLABLES));
        }
        String whole = String.join(" ", parts);
        if (rng.nextDouble() < 0.3) {
            return new Person(whole, "", "", handle(whole, ""), female);
        }
        // Resettlement paperwork usually split off the last syllable as a "last name".
        String first = String.join(" ", parts.subList(0, parts.size() - 1));
        String last = parts.get(parts.size() - 1);
        return new Person(first, last, "", handle(first, last), female);
    }

    private static Person chin(SplittableRandom rng, boolean female) {
        String first = pick(rng, CHIN_GIVEN) + " " + pick(rng, CHIN_GIVEN);
        String last = pick(rng, CHIN_LAST);
        return new Person(first, last, "", handle(first, last), female);
    }

    private static String pronouns(SplittableRandom rng, Person p, Lang lang, boolean nonbinary) {
        if (nonbinary) {
            return lang != Lang.EN && rng.nextBoolean() ? "elle/iel" : "they/them";
        }
        if (lang == Lang.ES && rng.nextDouble() < 0.4) {
            return p.female() ? "ella" : "él";
        }
        return p.female() ? "she/her" : "he/him";
    }

    // ---------------------------------------------------------------- ASCII

    /**
     * E-mail local part: folded given name, dot, folded family name, then the caller appends the row
     * number, which is what makes addresses unique however common the name.
     */
    private static String handle(String givenRoman, String familyRoman) {
        String g = fold(givenRoman);
        if (g.isEmpty()) {
            g = "guest";
        }
        if (familyRoman.isEmpty()) {
            return g + ".";
        }
        String[] words = familyRoman.trim().split("\\s+");
        // Particles like "Ó", "de" or "Ní" alone make a poor handle; keep the word that follows.
        String f = fold(words[0]);
        if (f.length() <= 2 && words.length > 1) {
            f += fold(words[1]);
        }
        return f.isEmpty() ? g + "." : g + "." + f;
    }

    private static String asciiWord(String s) {
        String f = fold(s);
        return f.isEmpty() ? s : Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    /** Lower-case ASCII letters and digits only; diacritics dropped, and a few letters spelled out. */
    private static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'ł', 'Ł' -> sb.append('l');
                case 'đ', 'Đ' -> sb.append('d');
                case 'ø', 'Ø' -> sb.append('o');
                case 'æ', 'Æ' -> sb.append("ae");
                case 'œ', 'Œ' -> sb.append("oe");
                default -> {
                    if (c < 128 && Character.isLetterOrDigit(c)) {
                        sb.append(Character.toLowerCase(c));
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- barcodes

    /** (x * y) mod m for x, m below 2^37 and y below 2^31, without overflowing a long. */
    private static long mulMod(long x, long y, long m) {
        long high = x >>> 20;
        long low = x & ((1L << 20) - 1);
        return (((high * y) % m << 20) % m + low * y) % m;
    }

    private static String code(int number) {
        // String.format costs more than the rest of a row put together at benchmark sizes.
        String digits = Integer.toString(number);
        return digits.length() >= 6 ? "AR-" + digits : "AR-" + "000000".substring(digits.length()) + digits;
    }

    private static String withCheckDigit(long elevenDigits) {
        String digits = Long.toString(elevenDigits);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            sum += (i % 2 == 0) ? 3 * d : d;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
