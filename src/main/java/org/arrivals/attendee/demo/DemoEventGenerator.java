package org.arrivals.attendee.demo;

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
            "country");

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
     * Writes an RFC 4180 CSV (header line then rows, CRLF line ends, fields quoted when they contain
     * a comma, quote, CR or LF; quotes doubled). UTF-8 is the caller's job (a Writer).
     * The writer is neither flushed nor closed.
     */
    public static void writeCsv(Writer out, long seed, int attendees) throws IOException {
        StringBuilder line = new StringBuilder(256);
        writeRecord(out, line, HEADERS);
        // Streams row by row so a 100,000-row benchmark file never sits in memory as a list.
        generate(seed, attendees, row -> writeRecord(out, line, row));
    }

    private static void writeRecord(Writer out, StringBuilder line, List<String> fields) throws IOException {
        line.setLength(0);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String f = fields.get(i);
            if (needsQuotes(f)) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                line.append(f);
            }
        }
        line.append("\r\n");
        out.write(line.toString());
    }

    private static boolean needsQuotes(String f) {
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
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
                    org.country()));
        }
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

    private static final List<String> STOP_WORDS = List.of(
            "of", "the", "and", "for", "de", "del", "la", "los", "las", "para", "al", "y", "fur", "des", "du", "et",
            "a", "c", "inc", "pllc", "llc", "llp", "co");

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

    private static final String[] US_PLACES = {
        "Twin Cities",
        "Greater Boston",
        "Central Ohio",
        "Northern Virginia",
        "Metro Atlanta",
        "South Texas",
        "Rio Grande Valley",
        "Bay Area",
        "Greater Houston",
        "Inland Empire",
        "Central Valley",
        "Puget Sound",
        "Chicagoland",
        "Southeast Michigan",
        "Greater Philadelphia",
        "Upstate New York",
        "Western New York",
        "Capital Region",
        "Middle Tennessee",
        "Greater Omaha",
        "Lincoln",
        "Sioux Falls",
        "Fargo-Moorhead",
        "Greater Des Moines",
        "Cedar Valley",
        "Kansas City",
        "St. Louis",
        "Greater Louisville",
        "Cincinnati",
        "Cleveland",
        "Pittsburgh",
        "Baltimore",
        "Montgomery County",
        "Research Triangle",
        "Charlotte",
        "Upstate Carolina",
        "Central Florida",
        "South Florida",
        "Tampa Bay",
        "Greater New Orleans",
        "Oklahoma City",
        "Denver Metro",
        "Salt Lake Valley",
        "Treasure Valley",
        "Tucson",
        "Phoenix",
        "Albuquerque",
        "El Paso",
        "San Diego",
        "Los Angeles",
        "Orange County",
        "Sacramento",
        "Portland",
        "Spokane",
        "Anchorage",
        "Honolulu",
        "Lewiston-Auburn",
        "Burlington",
        "Providence",
        "Hartford",
        "New Haven",
        "Newark",
        "Jersey City",
        "Queens",
        "Bronx",
        "Brooklyn",
        "Buffalo",
        "Syracuse",
        "Utica",
        "Erie",
        "Lancaster",
        "Allentown",
        "Harrisonburg",
        "Richmond",
        "Dearborn",
        "Grand Rapids",
        "Milwaukee",
        "Madison",
        "Green Bay",
        "Bowling Green",
    };

    private static final String[] US_KINDS = {
        "Refugee Resettlement Center",
        "Immigrant Legal Services",
        "Community Health Clinic",
        "Workforce Alliance",
        "Welcome Center",
        "Immigrant Rights Coalition",
        "New American Council",
        "Adult Education Collaborative",
        "Language Access Project",
        "Interfaith Refugee Ministry",
        "Family Justice Center",
        "Asylum Seekers Network",
        "Housing Partnership",
        "Mutual Assistance Association",
        "Youth Mentoring Program",
        "Legal Aid Society",
        "Citizenship Project",
        "Literacy Council",
        "Small Business Development Center",
        "Newcomer Schools Network",
        "Center for Survivors of Torture",
        "Mental Health Collaborative",
        "Public Library New Americans Program",
        "Unaccompanied Children Program",
        "Community Interpreter Bank",
        "Farmworker Justice Project",
        "Women Entrepreneurs Circle",
        "Refugee Elders Program",
        "Immigrant Family Services",
        "Housing Navigators",
    };

    private static final String[] CA_ENGLISH_PLACES = {
        "Toronto",
        "Winnipeg",
        "Calgary",
        "Halifax",
        "Ottawa",
        "Vancouver",
        "Edmonton",
        "Saskatoon",
        "Hamilton",
        "Kitchener-Waterloo",
        "Regina",
        "Fredericton",
        "Surrey",
        "Mississauga",
        "Charlottetown",
        "Lethbridge",
        "Windsor",
    };
    private static final String[] CA_ENGLISH_KINDS = {
        "Newcomer Centre",
        "Immigrant Services Society",
        "Settlement Partnership",
        "Refugee Sponsorship Circle",
        "Newcomer Employment Hub",
        "Multicultural Health Brokers",
    };
    private static final String[] CA_FRENCH_PLACES = {
        "Montréal", "Québec", "Gatineau", "Sherbrooke", "Trois-Rivières", "Laval", "Saguenay", "Moncton",
    };
    private static final String[] CA_FRENCH_KINDS = {
        "Maison des Nouveaux Arrivants de",
        "Carrefour Interculturel de",
        "Service Intégration Travail de",
        "Maison des Réfugiés de",
        "Table de Concertation Immigration de",
    };
    private static final String[] MX_PLACES = {
        "Tijuana",
        "Ciudad Juárez",
        "Monterrey",
        "Tapachula",
        "Reynosa",
        "Nogales",
        "Mexicali",
        "Guadalajara",
        "Ciudad de México",
        "Oaxaca",
        "Puebla",
        "Saltillo",
    };
    private static final String[] MX_KINDS = {
        "Centro de Atención al Migrante", "Albergue Comunitario para Personas Migrantes",
        "Clínica Jurídica para Personas Refugiadas", "Red de Apoyo a Personas Desplazadas",
        "Instituto de Estudios Fronterizos", "Comedor Solidario",
    };

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
        eu.addAll(combos(
                new String[] {"Berlin", "Hamburg", "Köln", "Leipzig", "München", "Frankfurt", "Dresden", "Bremen"},
                new String[] {
                    "Integrationszentrum",
                    "Beratungsstelle für Geflüchtete",
                    "Netzwerk Willkommenskultur",
                    "Migrationsdienst"
                },
                "DE",
                true));
        eu.addAll(combos(
                new String[] {"Kraków", "Warszawa", "Gdańsk", "Wrocław", "Łódź", "Poznań", "Lublin"},
                new String[] {
                    "Fundacja Wsparcia Uchodźców",
                    "Centrum Integracji Cudzoziemców",
                    "Stowarzyszenie Pomocy Migrantom",
                    "Punkt Informacyjny dla Cudzoziemców"
                },
                "PL",
                true));
        eu.addAll(combos(
                new String[] {"Dublin", "Cork", "Galway", "Limerick", "Waterford"},
                new String[] {"Migrant Support Network", "Integration Forum", "Refugee Welcome Project"},
                "IE",
                false));
        eu.addAll(combos(
                new String[] {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza"},
                new String[] {
                    "Red de Acogida de",
                    "Asociación para la Integración de Migrantes de",
                    "Servicio Jurídico de Asilo de"
                },
                "ES",
                true));
        eu.addAll(combos(
                new String[] {"Manchester", "Glasgow", "Birmingham", "Leeds", "Cardiff", "Bristol", "Sheffield"},
                new String[] {"Sanctuary Network", "Refugee Welcome Partnership", "Migrant Advice Centre"},
                "GB",
                false));
        EUROPEAN_ORGS = List.copyOf(eu);

        List<Org> gov = new ArrayList<>();
        String[] cities = {
            "Columbus",
            "Syracuse",
            "Boise",
            "Louisville",
            "Des Moines",
            "Omaha",
            "Tucson",
            "Fargo",
            "Erie",
            "Utica",
            "Dearborn",
            "Lancaster",
            "Dayton",
            "Nashville",
            "Atlanta",
            "Denver",
            "Salt Lake City",
            "Minneapolis",
            "Saint Paul",
            "Philadelphia",
            "Pittsburgh",
            "Houston",
            "San Antonio",
            "Chicago",
            "Boston",
            "Seattle",
            "Baltimore",
            "Detroit",
            "Milwaukee",
            "Anchorage"
        };
        // One office per city: a city with two immigrant-affairs offices would look odd on a badge.
        String[] offices = {
            "Office of New Americans", "Office of Immigrant Affairs", "Office of Immigrant and Refugee Affairs"
        };
        for (int i = 0; i < cities.length; i++) {
            String name = "City of " + cities[i] + " " + offices[i % offices.length];
            gov.add(org(name, fold(cities[i]) + "-gov", "US", Category.GOVERNMENT));
        }
        for (String state : new String[] {
            "Minnesota",
            "Ohio",
            "Texas",
            "Kentucky",
            "Idaho",
            "Nebraska",
            "North Dakota",
            "Vermont",
            "Maine",
            "Michigan",
            "Georgia",
            "Washington",
            "Colorado",
            "Arizona",
            "Utah",
            "Iowa",
            "Illinois",
            "New York",
            "Pennsylvania",
            "Tennessee"
        }) {
            gov.add(org(state + " State Refugee Office", fold(state) + "-sro", "US", Category.GOVERNMENT));
        }
        GOVERNMENT_ORGS = List.copyOf(gov);
    }

    // Always offered: these carry the CSV edge cases (commas, one apostrophe, one ampersand, one
    // quoted name) and the academic and philanthropic voices a national conference always has.
    private static final List<Org> SPECIAL_ORGS = List.of(
            org("Refugee Services of Lancaster County, Inc.", "rslc", "US", Category.GENERAL),
            org("Immigrant Law Center of the Northern Plains, PLLC", "ilcnp", "US", Category.GENERAL),
            org("Center for New Americans, Western Region", "cna-west", "US", Category.GENERAL),
            org("Women's Refugee Empowerment Network", "wren", "US", Category.GENERAL),
            org("Hope & Harbor Immigrant Services", "hopeharbor", "US", Category.GENERAL),
            org("Asociación Fronteriza de Apoyo al Migrante, A.C.", "afam", "MX", Category.GENERAL),
            org("Fundación \"Manos Abiertas\" de Monterrey", "manosabiertas", "MX", Category.GENERAL),
            org("European Network for Newcomer Inclusion", "enni", "IE", Category.GENERAL),
            org(
                    "Lakeshore State University Center for Migration Studies",
                    "migration.lakeshorestate",
                    "US",
                    Category.ACADEMIC),
            org("University of the Northern Plains School of Social Work", "socialwork.unp", "US", Category.ACADEMIC),
            org("Gulf Coast Community College Adult ESL Program", "esl.gulfcoastcc", "US", Category.ACADEMIC),
            org("Cascade Valley University Immigration Law Clinic", "law.cascadevalley", "US", Category.ACADEMIC),
            org(
                    "Southern Piedmont University Institute for Refugee Health",
                    "irh.southernpiedmont",
                    "US",
                    Category.ACADEMIC),
            org(
                    "Université de Trois-Pistoles, Chaire de recherche sur les migrations",
                    "migrations.utp",
                    "CA",
                    Category.ACADEMIC),
            org("Prairie Wind Foundation", "prairiewind", "US", Category.FOUNDATION),
            org("Greater Midlands Community Foundation", "gmcf", "US", Category.FOUNDATION),
            org("Harborview Family Foundation", "harborview", "US", Category.FOUNDATION),
            org("Fondation Nouveaux Horizons", "nouveauxhorizons", "CA", Category.FOUNDATION));

    private static final List<Org> HOST_ORGS = List.of(
            org("National Welcoming Partnership", "welcomingpartnership", "US", Category.HOST),
            org("Conference Host Committee", "hostcommittee", "US", Category.HOST));

    private static final List<Org> PRESS_ORGS = List.of(
            named("New Americans Wire", "US", Category.PRESS),
            named("Heartland Public Media", "US", Category.PRESS),
            named("La Voz del Valle", "US", Category.PRESS),
            named("Midwest Newcomer Times", "US", Category.PRESS),
            named("Việt Báo Tây Bắc", "US", Category.PRESS),
            named("Hanmi Weekly", "US", Category.PRESS),
            named("Radyo Solidarite", "US", Category.PRESS),
            named("Les Nouvelles de Montréal-Nord", "CA", Category.PRESS));

    private static final List<Org> SPONSOR_ORGS = List.of(
            named("Northwind Community Bank", "US", Category.SPONSOR),
            named("Bluestem Health Plan", "US", Category.SPONSOR),
            named("Meridian Credit Union", "US", Category.SPONSOR),
            named("Polaris Telecom Foundation", "US", Category.SPONSOR),
            named("Lakeside Law Group LLP", "US", Category.SPONSOR),
            named("Harbor Mutual Insurance", "US", Category.SPONSOR),
            named("Granary Foods Cooperative", "US", Category.SPONSOR),
            named("Summit Ridge Health System", "US", Category.SPONSOR));

    private static final List<Org> EXHIBITOR_ORGS = List.of(
            named("Polyglot Interpreting Services", "US", Category.EXHIBITOR),
            named("Open Door Language Line", "US", Category.EXHIBITOR),
            named("CivicForms Software", "US", Category.EXHIBITOR),
            named("Bright Path ESL Publishers", "US", Category.EXHIBITOR),
            named("Welcome Kit Printing Co.", "US", Category.EXHIBITOR),
            named("Casefile Cloud", "US", Category.EXHIBITOR),
            named("Ruta Mobile Clinics", "US", Category.EXHIBITOR),
            named("Lumen Captioning", "US", Category.EXHIBITOR));

    // ---------------------------------------------------------------- titles

    private static final String[] GENERAL_TITLES = {
        "Executive Director",
        "Deputy Director",
        "Program Manager",
        "Program Director",
        "Staff Attorney",
        "Supervising Attorney",
        "Immigration Attorney",
        "DOJ Accredited Representative",
        "Paralegal",
        "Caseworker",
        "Case Manager",
        "Resettlement Case Manager",
        "Policy Analyst",
        "Senior Policy Counsel",
        "Community Organizer",
        "Outreach Coordinator",
        "Employment Specialist",
        "Workforce Development Manager",
        "ESL Instructor",
        "Youth Program Coordinator",
        "Community Health Worker",
        "Mental Health Clinician",
        "Medical Interpreter",
        "Language Access Coordinator",
        "Housing Navigator",
        "Development Director",
        "Grants Manager",
        "Communications Manager",
        "Data and Evaluation Manager",
        "Volunteer Coordinator",
        "Board Member",
        "Chief Executive Officer",
        "Cultural Orientation Trainer",
        "Family Services Coordinator",
        "Director of Programs",
        "Legal Assistant",
    };
    private static final String[] ACADEMIC_TITLES = {
        "Professor",
        "Associate Professor",
        "Assistant Professor",
        "Research Fellow",
        "Postdoctoral Researcher",
        "Graduate Research Assistant",
        "Center Director",
        "Clinical Professor of Law",
        "Lecturer",
    };
    private static final String[] FOUNDATION_TITLES = {
        "Program Officer",
        "Senior Program Officer",
        "President",
        "Director of Grantmaking",
        "Vice President, Programs",
        "Grants Associate",
    };
    private static final String[] GOVERNMENT_TITLES = {
        "Director",
        "Deputy Director",
        "Welcoming Cities Coordinator",
        "Policy Advisor",
        "Language Access Manager",
        "Community Liaison",
        "State Refugee Coordinator",
        "Refugee Health Coordinator",
    };
    private static final String[] PRESS_TITLES = {
        "Reporter",
        "Staff Writer",
        "Photojournalist",
        "Editor",
        "Producer",
        "Correspondent",
        "Editor-in-Chief",
        "Podcast Host",
    };
    private static final String[] SPONSOR_TITLES = {
        "Community Relations Manager", "Vice President, Community Impact", "Philanthropy Officer",
        "Director of Corporate Giving", "Regional Manager", "Employee Engagement Lead",
    };
    private static final String[] EXHIBITOR_TITLES = {
        "Account Executive",
        "Sales Director",
        "Customer Success Manager",
        "Founder",
        "Product Manager",
        "Outreach Representative",
    };
    private static final String[] STAFF_TITLES = {
        "Conference Director", "Event Coordinator", "Registration Lead", "Logistics Manager",
        "Communications Associate", "Program Associate", "Accessibility Coordinator", "Language Access Coordinator",
        "Volunteer Coordinator",
    };
    private static final String[] VOLUNTEER_TITLES = {
        "Volunteer",
        "Student Volunteer",
        "Community Volunteer",
        "Volunteer Interpreter",
        "Graduate Student",
        "AmeriCorps Member",
    };

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

    private static Name[] names(String... specs) {
        Name[] out = new Name[specs.length];
        for (int i = 0; i < specs.length; i++) {
            out[i] = Name.parse(specs[i]);
        }
        return out;
    }

    private static Family[] families(String... specs) {
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

    private static final Name[] US_F = names(
            "Elizabeth=Liz",
            "Katherine=Kate",
            "Jennifer=Jen",
            "Margaret=Maggie",
            "Patricia=Trish",
            "Jessica=Jess",
            "Susan=Sue",
            "Deborah=Deb",
            "Alexandra=Alex",
            "Rebecca=Becca",
            "Emily",
            "Ashley",
            "Sarah",
            "Keisha",
            "Latoya",
            "Monique",
            "Rachel",
            "Megan",
            "Laura",
            "Hannah");
    private static final Name[] US_M = names(
            "Robert=Bob",
            "William=Bill",
            "Michael=Mike",
            "James=Jim",
            "Christopher=Chris",
            "Richard=Rick",
            "Daniel=Dan",
            "Anthony=Tony",
            "Thomas=Tom",
            "Samuel=Sam",
            "Benjamin=Ben",
            "Joseph=Joe",
            "Matthew=Matt",
            "Nicholas=Nick",
            "Andrew=Drew",
            "DeShawn",
            "Tyrone",
            "Marcus",
            "Brian",
            "Kevin");
    private static final Family[] US_FAMILY = families(
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Miller",
            "Davis",
            "Anderson",
            "Taylor",
            "Thomas",
            "Jackson",
            "White",
            "Harris",
            "Martin",
            "Thompson",
            "Robinson",
            "Walker",
            "Young",
            "Allen",
            "King",
            "Wright",
            "Scott",
            "Green",
            "Baker",
            "Adams",
            "Nelson",
            "Hill",
            "Campbell",
            "Mitchell",
            "Carter",
            "Washington",
            "Olson",
            "Peterson",
            "Larson",
            "Sullivan",
            "Cohen",
            "Goldberg",
            "Nakamura",
            "Patel",
            "Okafor",
            "Begay");

    private static final Name[] ES_F = names(
            "María Fernanda=Marifer",
            "María José=Majo",
            "Guadalupe=Lupita",
            "Ana Sofía",
            "Lucía",
            "Ximena",
            "Valeria",
            "Daniela",
            "Mónica",
            "Araceli",
            "Yesenia",
            "Beatriz",
            "Inés",
            "Rocío",
            "Dolores=Lola",
            "Rosario=Charo",
            "Concepción=Conchita",
            "Itzel");
    private static final Name[] ES_M = names(
            "José=Pepe",
            "José Luis",
            "Juan Carlos",
            "Jesús=Chuy",
            "Andrés",
            "Héctor",
            "Raúl",
            "Rubén",
            "Martín",
            "Sebastián",
            "Óscar",
            "Iván",
            "Ramón",
            "Joaquín",
            "Ángel",
            "Francisco=Paco",
            "Ignacio=Nacho",
            "Guillermo=Memo",
            "Eduardo=Lalo",
            "Roberto=Beto");
    private static final Name[] ES_LONG_F = names(
            "María de los Ángeles=Marielos",
            "María del Rosario=Charo",
            "María de la Luz",
            "María del Carmen=Maricarmen",
            "María de Lourdes=Lulú");
    private static final Name[] ES_LONG_M =
            names("José de Jesús=Chuy", "Juan de Dios", "José María=Chema", "Juan Pablo");
    private static final String[] ES_SURNAMES = {
        "Martínez",
        "García",
        "López",
        "Hernández",
        "González",
        "Rodríguez",
        "Pérez",
        "Sánchez",
        "Ramírez",
        "Flores",
        "Gómez",
        "Díaz",
        "Reyes",
        "Morales",
        "Jiménez",
        "Gutiérrez",
        "Ruiz",
        "Álvarez",
        "Castillo",
        "Ortiz",
        "Chávez",
        "Vásquez",
        "Domínguez",
        "Núñez",
        "Peña",
        "Ibáñez",
        "Villanueva",
        "Muñoz",
        "Cruz",
        "Mendoza"
    };
    private static final String[] ES_PARTICLE_SURNAMES = {
        "de la Torre", "de la Cruz", "del Valle", "de León", "de los Santos", "del Río"
    };

    private static final Name[] AR_F = names(
            "فاطمة|Fatima",
            "مريم|Mariam",
            "رنا|Rana",
            "هبة|Heba",
            "ليلى|Layla",
            "نور|Nour",
            "آية|Aya",
            "سلمى|Salma",
            "زينب|Zainab",
            "هدى|Huda",
            "رهف|Rahaf",
            "دعاء|Doaa");
    private static final Name[] AR_M = names(
            "محمد|Mohammed",
            "أحمد|Ahmad",
            "عمر|Omar",
            "علي|Ali",
            "خالد|Khaled",
            "يوسف|Youssef",
            "سامر|Samer",
            "حسن|Hassan",
            "مصطفى|Mustafa",
            "إبراهيم|Ibrahim",
            "طارق|Tariq",
            "باسل|Basel");
    private static final Family[] AR_FAMILY = families(
            "عبد الله|Abdullah",
            "الحسن|Al-Hassan",
            "حداد|Haddad",
            "خليل|Khalil",
            "منصور|Mansour",
            "الأحمد|Al-Ahmad",
            "عثمان|Osman",
            "إبراهيم|Ibrahim",
            "يوسف|Youssef",
            "سليمان|Suleiman",
            "النجار|Al-Najjar",
            "قاسم|Kassem",
            "الخطيب|Al-Khatib",
            "الزعبي|Al-Zoubi",
            "حمدان|Hamdan");

    // Repeats stand in for weights: close to four in ten Vietnamese are Nguyễn.
    private static final Family[] VI_FAMILY = families(
            "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    private static final String[] VI_MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Kim"};
    private static final String[] VI_MIDDLE_M = {"Văn", "Đức", "Hữu", "Minh", "Quốc"};
    private static final Name[] VI_F = names(
            "Minh Khai", "Lan", "Hương", "Mai", "Hạnh", "Phương", "Thảo", "Trang", "Ngân", "Linh", "Tuyết", "Hằng");
    private static final Name[] VI_M =
            names("Tuấn", "Dũng", "Hùng", "Long", "Nam", "Khoa", "Phúc", "Quang", "Thắng", "Bảo", "Hiếu", "Trọng");
    private static final String[] ADOPTED_F = {"Kim", "Jenny", "Tina", "Lily", "Vivian", "Grace", "Amy", "Helen"};
    private static final String[] ADOPTED_M = {"Tony", "Peter", "Danny", "Kevin", "Tommy", "Andy", "Eric", "David"};

    private static final Name[] SO_F = names(
            "Hodan", "Amina", "Faadumo", "Sahra", "Hibo", "Ayaan", "Ifrah", "Nasra", "Deeqa", "Hawa", "Ubah", "Sagal");
    private static final Name[] SO_M = names(
            "Abdirahman",
            "Mohamed",
            "Ahmed",
            "Abdi",
            "Hassan",
            "Yusuf",
            "Abdullahi",
            "Liban",
            "Mahad",
            "Abdiwali",
            "Farah",
            "Guled");
    private static final String[] SO_PATRONYMS = {
        "Abdi", "Warsame", "Farah", "Hassan", "Jama", "Egal", "Mohamud", "Ali", "Nur", "Osman", "Aden", "Hersi",
        "Duale", "Samatar", "Ismail"
    };

    private static final Name[] AM_F = names(
            "መሰረት|Meseret",
            "ሰላማዊት|Selamawit",
            "ቤተልሔም|Betelhem",
            "ሕይወት|Hiwot",
            "ልደት|Lidet",
            "ማህሌት|Mahlet",
            "ሰብለ|Seble",
            "ገነት|Genet",
            "ትዕግስት|Tigist",
            "ራሔል|Rahel",
            "ብርቱካን|Birtukan",
            "ፀሐይ|Tsehay");
    private static final Name[] AM_M = names(
            "አበበ|Abebe",
            "ሄኖክ|Henok",
            "ዮሐንስ|Yohannes",
            "ብሩክ|Biruk",
            "ፋሲል|Fasil",
            "ዳንኤል|Daniel",
            "ታደሰ|Tadesse",
            "ሰለሞን|Solomon",
            "ኤርሚያስ|Ermias",
            "ናትናኤል|Natnael",
            "ዳዊት|Dawit",
            "መኮንን|Mekonnen");
    private static final Family[] AM_FAMILY = families(
            "በቀለ|Bekele",
            "ታደሰ|Tadesse",
            "ገብሬ|Gebre",
            "ተስፋዬ|Tesfaye",
            "አለሙ|Alemu",
            "ወልዴ|Wolde",
            "ሙሉጌታ|Mulugeta",
            "ደምሴ|Demisse",
            "ኃይሌ|Haile",
            "አበራ|Abera",
            "ግርማ|Girma",
            "ከበደ|Kebede",
            "ታምራት|Tamrat",
            "መንግሥቱ|Mengistu",
            "አየለ|Ayele");

    private static final Name[] TI_F = names(
            "ሰላም|Selam",
            "ሳባ|Saba",
            "ሩታ|Ruta",
            "ሰናይት|Senait",
            "ሄለን|Helen",
            "ፍሬወይኒ|Freweini",
            "ኤልሳ|Elsa",
            "ሊድያ|Lidya",
            "ዮርዳኖስ|Yordanos",
            "ሚኪኤላ|Mikiela");
    private static final Name[] TI_M = names(
            "ኣማኑኤል|Amanuel",
            "ዮናስ|Yonas",
            "ፊልሞን|Filmon",
            "ሚካኤል|Mikael",
            "ዳዊት|Dawit",
            "ብርሃነ|Berhane",
            "ሓጎስ|Hagos",
            "ኣብርሃም|Abraham",
            "ክብሮም|Kibrom",
            "ተስፋልደት|Tesfaldet",
            "መሓሪ|Mehari",
            "ሰመረ|Semere");
    private static final Family[] TI_FAMILY = families(
            "ተስፋይ|Tesfay",
            "ገብረሂወት|Gebrehiwot",
            "ሃይለ|Haile",
            "ተኽለ|Tekle",
            "ገብረመድህን|Gebremedhin",
            "ወልደሚካኤል|Weldemichael",
            "ኪዳነ|Kidane",
            "ብርሃነ|Berhane",
            "ሓጎስ|Hagos",
            "ዘርኣይ|Zerai",
            "ተወልደ|Tewelde",
            "ሃብተ|Habte");

    private static final Name[] NE_F = names(
            "सीता|Sita",
            "गीता|Gita",
            "लक्ष्मी|Laxmi",
            "मीना|Mina",
            "सरिता|Sarita",
            "दुर्गा|Durga",
            "पवित्रा|Pabitra",
            "बिमला|Bimala",
            "कमला|Kamala",
            "सुमित्रा|Sumitra");
    private static final Name[] NE_M = names(
            "बहादुर|Bahadur",
            "राम|Ram",
            "हरि|Hari",
            "भीम|Bhim",
            "पदम|Padam",
            "बिष्णु|Bishnu",
            "गणेश|Ganesh",
            "ओम|Om",
            "चन्द्र|Chandra",
            "दिल बहादुर|Dil Bahadur",
            "मन बहादुर|Man Bahadur");
    private static final Family[] NE_FAMILY = families(
            "गुरुङ|Gurung",
            "राई|Rai",
            "तामाङ|Tamang",
            "लिम्बु|Limbu",
            "अधिकारी|Adhikari",
            "भट्टराई|Bhattarai",
            "दाहाल|Dahal",
            "घिमिरे|Ghimire",
            "सुब्बा|Subba",
            "पौडेल|Poudel",
            "छेत्री|Chhetri",
            "मगर|Magar",
            "शर्मा|Sharma",
            "खतिवडा|Khatiwada");

    private static final Name[] MY_F = names(
            "ခင်|Khin",
            "စု|Su",
            "နွယ်|Nwe",
            "ဖြူ|Phyu",
            "သီတာ|Thida",
            "မြတ်|Myat",
            "ဇင်|Zin",
            "မာ|Mar",
            "ဝေ|Wai",
            "ယု|Yu",
            "နှင်း|Hnin",
            "သဇင်|Thazin",
            "အိ|Ei",
            "မေ|May");
    private static final Name[] MY_M = names(
            "အောင်|Aung",
            "ကျော်|Kyaw",
            "ဇော်|Zaw",
            "ထွန်း|Htun",
            "ဝင်း|Win",
            "နိုင်|Naing",
            "လွင်|Lwin",
            "ထက်|Htet",
            "မင်း|Min",
            "ဟိန်း|Hein",
            "ဆန်း|San",
            "သူ|Thu",
            "ပိုင်|Paing",
            "ဖြိုး|Phyo",
            "ရဲ|Ye");

    private static final Name[] ZH_F = names(
            "芳|Fang",
            "娜|Na",
            "秀英|Xiuying",
            "静|Jing",
            "丽|Li",
            "敏|Min",
            "艳|Yan",
            "婷婷|Tingting",
            "雪梅|Xuemei",
            "美玲|Meiling",
            "慧|Hui",
            "佳怡|Jiayi");
    private static final Name[] ZH_M = names(
            "小明|Xiaoming",
            "伟|Wei",
            "强|Qiang",
            "磊|Lei",
            "军|Jun",
            "洋|Yang",
            "杰|Jie",
            "涛|Tao",
            "建国|Jianguo",
            "志强|Zhiqiang",
            "浩然|Haoran",
            "子轩|Zixuan");
    private static final Family[] ZH_FAMILY = families(
            "王|Wang",
            "李|Li",
            "张|Zhang",
            "刘|Liu",
            "陈|Chen",
            "杨|Yang",
            "黄|Huang",
            "赵|Zhao",
            "吴|Wu",
            "周|Zhou",
            "徐|Xu",
            "孙|Sun",
            "林|Lin",
            "何|He",
            "郭|Guo",
            "陳|Chan",
            "黃|Wong",
            "張|Cheung");

    private static final Name[] KO_F = names(
            "서연|Seo-yeon",
            "하은|Ha-eun",
            "지민|Ji-min",
            "수빈|Su-bin",
            "은지|Eun-ji",
            "미경|Mi-kyung",
            "혜진|Hye-jin",
            "지우|Ji-woo",
            "민지|Min-ji",
            "유진|Yu-jin");
    private static final Name[] KO_M = names(
            "민준|Min-jun",
            "서준|Seo-jun",
            "도윤|Do-yoon",
            "현우|Hyun-woo",
            "영호|Young-ho",
            "성민|Sung-min",
            "지훈|Ji-hoon",
            "동현|Dong-hyun",
            "준호|Jun-ho",
            "태양|Tae-yang");
    private static final Family[] KO_FAMILY = families(
            "김|Kim", "이|Lee", "박|Park", "최|Choi", "정|Jung", "강|Kang", "조|Cho", "윤|Yoon", "장|Jang", "임|Lim", "한|Han",
            "오|Oh", "신|Shin", "서|Seo");

    private static final Name[] HT_F = names(
            "Widelene",
            "Fabiola",
            "Wisline",
            "Guerline",
            "Nadège",
            "Ketly",
            "Islande",
            "Marie-Claude",
            "Rose-Marie",
            "Fedeline",
            "Mirlande",
            "Darline");
    private static final Name[] HT_M = names(
            "Jean-Baptiste=JB",
            "Jean-Robert",
            "Mackenson",
            "Dieuseul",
            "Roodly",
            "Woodley",
            "Fritznel",
            "Jacquelin",
            "Wilner",
            "Jean-Claude=JC",
            "Frantz",
            "Réginald=Reggie");
    private static final Family[] HT_FAMILY = families(
            "Joseph",
            "Pierre-Louis",
            "Jean-Louis",
            "Saint-Fleur",
            "Dorvil",
            "Charles",
            "Pierre",
            "Étienne",
            "Dorsainvil",
            "Augustin",
            "Jean-Charles",
            "Célestin",
            "Désir",
            "Fils-Aimé",
            "Louissaint",
            "Jean-Baptiste");

    private static final Name[] HM_F =
            names("Pa Ying", "Mai", "Nou", "Kia", "Youa", "Shoua", "Bee", "Pa Nhia", "Mai Yer", "Ka", "Chia", "Der");
    private static final Name[] HM_M =
            names("Tou", "Kou", "Yia", "Chue", "Xee", "Pheng", "Neng", "True", "Cheng", "Lue", "Fue", "Nhia", "Toua");
    private static final Family[] HM_FAMILY = families(
            "Vang", "Lee", "Xiong", "Yang", "Thao", "Moua", "Her", "Lor", "Vue", "Cha", "Chang", "Hang", "Khang", "Kue",
            "Fang", "Pha", "Thor", "Ly");

    private static final Name[] PL_F = names(
            "Agnieszka=Aga",
            "Małgorzata=Gosia",
            "Katarzyna=Kasia",
            "Zofia=Zosia",
            "Bożena",
            "Joanna=Asia",
            "Aleksandra=Ola",
            "Magdalena=Magda",
            "Ewa",
            "Dorota");
    private static final Name[] PL_M = names(
            "Łukasz",
            "Wojciech=Wojtek",
            "Krzysztof",
            "Paweł",
            "Grzegorz=Grzesiek",
            "Józef",
            "Tomasz=Tomek",
            "Piotr",
            "Michał",
            "Jarosław=Jarek");
    private static final Family[] PL_FAMILY = families(
            "Wiśniewski/Wiśniewska",
            "Kowalski/Kowalska",
            "Kamiński/Kamińska",
            "Lewandowski/Lewandowska",
            "Zieliński/Zielińska",
            "Szymański/Szymańska",
            "Dąbrowski/Dąbrowska",
            "Kozłowski/Kozłowska",
            "Jabłoński/Jabłońska",
            "Żółć",
            "Wójcik",
            "Nowak",
            "Woźniak",
            "Król",
            "Mazur",
            "Sobczak");

    private static final Name[] DE_F = names(
            "Käthe", "Anneliese", "Lena", "Sophie", "Hannah", "Jana", "Ute", "Dörte", "Franziska=Franzi", "Jülide");
    private static final Name[] DE_M = names(
            "Jürgen", "Jörg", "Günther", "Lukas", "Maximilian=Max", "Felix", "Tobias", "Björn", "Matthias", "Sören");
    private static final Family[] DE_FAMILY = families(
            "Strauß",
            "Müller",
            "Schäfer",
            "Weiß",
            "Groß",
            "Böhm",
            "Köhler",
            "Schröder",
            "Krüger",
            "Hoffmann",
            "Becker",
            "Fuchs",
            "Meißner",
            "Jäger",
            "Schulz");

    private static final Name[] IE_F =
            names("Siobhán", "Niamh", "Aoife", "Caoimhe", "Róisín", "Orla", "Sinéad", "Máire", "Clodagh", "Gráinne");
    private static final Name[] IE_M = names(
            "Seán",
            "Pádraig=Paddy",
            "Ciarán",
            "Eoin",
            "Declan",
            "Cathal",
            "Diarmuid",
            "Tadhg",
            "Donnchadh=Donal",
            "Colm");
    private static final Family[] IE_FAMILY = families(
            "O'Brien",
            "O'Sullivan",
            "O'Connor",
            "O'Neill",
            "Murphy",
            "Kelly",
            "Walsh",
            "Byrne",
            "McCarthy",
            "Ó Briain/Ní Bhriain",
            "Ó Súilleabháin/Ní Shúilleabháin",
            "Ó Ceallaigh/Ní Cheallaigh");

    private static final Name[] FR_F = names(
            "Marie-Ève",
            "Geneviève",
            "Mélanie",
            "Hélène",
            "Josée",
            "Chloé",
            "Anaïs",
            "Noémie",
            "Marie-Claude",
            "Émilie",
            "Véronique",
            "Isabelle");
    private static final Name[] FR_M = names(
            "Jean-François=JF",
            "Étienne",
            "François",
            "Stéphane",
            "Benoît",
            "Frédéric=Fred",
            "Maxime",
            "Louis-Philippe",
            "Sébastien=Seb",
            "Jérôme",
            "Mathieu",
            "Pierre-Luc");
    private static final Family[] FR_FAMILY = families(
            "Tremblay",
            "Gagnon",
            "Roy",
            "Côté",
            "Bouchard",
            "Gauthier",
            "Morin",
            "Lavoie",
            "Fortin",
            "Gagné",
            "Bélanger",
            "Lévesque",
            "Pelletier",
            "Bergeron",
            "Caron",
            "Bérubé",
            "Paré",
            "Dubé",
            "Thériault");

    private static final Name[] AF_F = names(
            "فرشته|Fereshta",
            "مریم|Maryam",
            "زهرا|Zahra",
            "شبنم|Shabnam",
            "ګلالۍ|Gulalai",
            "نرگس|Nargis",
            "مرسل|Mursal",
            "پروانه|Parwana",
            "ملاله|Malala",
            "سهیلا|Sohaila");
    private static final Name[] AF_M = names(
            "احمد|Ahmad",
            "حمید|Hamid",
            "نجیب|Najib",
            "فرید|Farid",
            "جاوید|Javid",
            "عزیز|Aziz",
            "محمود|Mahmood",
            "ذبیح الله|Zabihullah",
            "نورالله|Noorullah",
            "شفیق|Shafiq",
            "ګل احمد|Gul Ahmad");
    private static final Family[] AF_FAMILY = families(
            "احمدزی|Ahmadzai",
            "پوپلزی|Popalzai",
            "حکیمی|Hakimi",
            "رحیمی|Rahimi",
            "نوری|Noori",
            "صدیقی|Siddiqi",
            "هاشمی|Hashimi",
            "کریمی|Karimi",
            "وردک|Wardak",
            "ستانکزی|Stanikzai",
            "عظیمی|Azimi",
            "سلطانی|Sultani");

    private static final Name[] UK_F = names(
            "Олена|Olena",
            "Оксана|Oksana",
            "Ірина|Iryna",
            "Наталія|Nataliia",
            "Юлія|Yuliia",
            "Світлана|Svitlana",
            "Ганна|Hanna",
            "Катерина|Kateryna",
            "Марія|Mariia",
            "Тетяна|Tetiana");
    private static final Name[] UK_M = names(
            "Тарас|Taras",
            "Андрій|Andrii",
            "Дмитро|Dmytro",
            "Богдан|Bohdan",
            "Олександр|Oleksandr=Sasha",
            "Максим|Maksym",
            "Юрій|Yurii",
            "Сергій|Serhii",
            "Олег|Oleh",
            "Віктор|Viktor");
    private static final Family[] UK_FAMILY = families(
            "Шевченко|Shevchenko",
            "Коваленко|Kovalenko",
            "Бондаренко|Bondarenko",
            "Ткаченко|Tkachenko",
            "Кравченко|Kravchenko",
            "Мельник|Melnyk",
            "Бойко|Boiko",
            "Поліщук|Polishchuk",
            "Лисенко|Lysenko",
            "Савчук|Savchuk",
            "Литвиненко|Lytvynenko",
            "Гнатюк|Hnatiuk",
            "Ковальський|Kovalskyi/Ковальська|Kovalska",
            "Вишневський|Vyshnevskyi/Вишневська|Vyshnevska");

    private static final String[] KAREN_SYLLABLES = {
        "Eh", "Htoo", "Paw", "Say", "Ler", "Wah", "Mu", "Hser", "Nay", "Moo", "Blu", "Gay", "Htee", "Thaw", "Kaw",
        "Lah", "Poe", "Dah", "Klo", "Pwe"
    };
    private static final String[] CHIN_GIVEN = {
        "Van", "Ngun", "Cung", "Sui", "Biak", "Za", "Lal", "Hnem", "Mang", "Bawi", "Rem", "Tial", "Thawng", "Hre",
        "Sang"
    };
    private static final String[] CHIN_LAST = {
        "Thang", "Lian", "Bik", "Par", "Sung", "Hmung", "Tlang", "Kip", "Hlei", "Mawi"
    };

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
