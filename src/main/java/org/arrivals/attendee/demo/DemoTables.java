package org.arrivals.attendee.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The demo's made-up names, organizations and titles, read once from {@code names.json} beside
 * this class. The lists are in a fixed order: the generator picks from them by index, so the same
 * seed gives the same people only while the lists stay as they are (DemoEventGeneratorTest pins
 * the output).
 *
 * <p>Name lists hold specs {@code written[|romanized][=short]}; family-name lists may give a
 * male and a female form, {@code male/female} (Wiśniewski/Wiśniewska).
 */
record DemoTables(
        List<String> stopWords,
        List<Combos> europe,
        Government government,
        Map<String, List<OrgSpec>> orgs,
        Map<String, List<String>> lists) {

    /** Organization names made of every place with every kind ("Berlin Integrationszentrum"). */
    record Combos(List<String> places, List<String> kinds, String country, boolean kindFirst) {}

    record Government(List<String> cities, List<String> offices, List<String> states) {}

    /** An organization; without a domain, the domain is made from the name's initials. */
    record OrgSpec(String name, String domain, String country, String category) {}

    static DemoTables load() {
        try (InputStream in = DemoTables.class.getResourceAsStream("names.json")) {
            if (in == null) {
                throw new IllegalStateException("names.json is missing beside DemoTables");
            }
            return new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, DemoTables.class);
        } catch (IOException e) {
            throw new UncheckedIOException("names.json cannot be read", e);
        }
    }

    String[] list(String name) {
        List<String> l = lists.get(name);
        if (l == null) {
            throw new IllegalStateException("names.json has no list \"" + name + "\"");
        }
        return l.toArray(String[]::new);
    }
}
