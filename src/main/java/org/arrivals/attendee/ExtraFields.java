package org.arrivals.attendee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * String maps stored as JSON objects, in order: the columns a registration export has beyond ours.
 * (A check-in event's details have the same form, defined with the sync contract:
 * {@code sync.protocol.Details}.)
 */
public final class ExtraFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

    private ExtraFields() {}

    public static String toJson(Map<String, String> extra) {
        if (extra == null || extra.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    public static Map<String, String> fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extra fields in the store are not a JSON object", e);
        }
    }
}
