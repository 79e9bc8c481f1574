package org.arrivals.sync.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's {@code details} as they travel and as both ends store them: one JSON object of
 * strings, written as a string ({@code null} when there are none), keys in the order they were
 * put. The keys each kind uses are {@link DetailKey}s; their names are here.
 */
public final class Details {
    public static final String REASON = "reason";
    public static final String OVERRODE_STATUS = "overrodeStatus";
    public static final String FIELD = "field";
    public static final String OLD = "old";
    public static final String NEW = "new";
    /** The event day a check-in (or its undo) belongs to, {@code YYYY-MM-DD} in the event's time zone. */
    public static final String DAY = "day";
    /** The session a session entry or exit is for (its id in the schedule). */
    public static final String SESSION = "session";
    /** On a session entry: {@code "true"} when the person had not checked in at registration that day. */
    public static final String WITHOUT_CHECK_IN = "withoutCheckIn";
    /** On a session entry: {@code "true"} when a supervisor let them into a full room. */
    public static final String OVER_CAPACITY = "overCapacity";
    /** A reprint's badge generation (digits): older badges of the person are refused from then on. */
    public static final String GENERATION = "generation";
    /** The longest {@code details} string (the hub's column). */
    public static final int MAX_LENGTH = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Details() {}

    /** The JSON text of {@code details}; null when there are none. Null values are left out. */
    public static String toJson(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        Map<String, String> set = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (v != null) {
                set.put(k, v);
            }
        });
        try {
            return set.isEmpty() ? null : JSON.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /**
     * The details in {@code json}, in order; empty for null or {@code ""}.
     *
     * @throws ContractViolation when it is not one JSON object of strings
     */
    public static Map<String, String> fromJson(String json) {
        Read r = read(json);
        if (r.problem() != null) {
            throw new ContractViolation(r.problem());
        }
        return r.values();
    }

    /** The values, or the problem that stops them being read. */
    record Read(Map<String, String> values, Problem problem) {}

    static Read read(String json) {
        if (json == null || json.isEmpty()) {
            return new Read(Map.of(), null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Read(null, Problem.of(WireField.DETAILS, Problem.Rule.NOT_A_JSON_OBJECT));
        }
        if (tree == null || !tree.isObject()) {
            return new Read(null, Problem.of(WireField.DETAILS, Problem.Rule.NOT_A_JSON_OBJECT));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                return new Read(
                        null, new Problem(WireField.DETAILS, nameable(e.getKey()), Problem.Rule.NOT_A_STRING, 0));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return new Read(Collections.unmodifiableMap(out), null);
    }

    /** A key a refusal may name: a short label, not whatever text a caller put there. */
    private static String nameable(String key) {
        return key.length() <= 40 && Chars.LINE.broken(key) == null ? key : null;
    }
}
