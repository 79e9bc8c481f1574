package org.arrivals.sync.protocol;

/** A field of an event, a roster row or a schedule's session as it travels, by its JSON name. */
public enum WireField {
    ID("id"),
    ATTENDEE_CODE("attendeeCode"),
    KIND("kind"),
    STATION_ID("stationId"),
    WALL_TIME("wallTime"),
    HLC("hlc"),
    DETAILS("details"),
    CODE("code"),
    BARCODE("barcode"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    BADGE_NAME("badgeName"),
    PRONOUNS("pronouns"),
    EMAIL("email"),
    ORGANIZATION("organization"),
    TITLE("title"),
    TYPE("type"),
    STATUS("status"),
    EXTRA("extra"),
    TRACK("track"),
    ROOM("room"),
    DATE("date"),
    START("start"),
    END("end"),
    CAPACITY("capacity");

    private final String jsonName;

    WireField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
