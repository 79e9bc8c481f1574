package org.arrivals.checkin;

/**
 * What a station does when a person shows their code, from {@code HOME/station.properties}:
 * {@code checkin.on.print} and {@code print.on.checkin} (both true unless set).
 */
public enum StationDuty {
    /** A registration desk: checks the person in (an entry) and prints their first badge. */
    CHECK_IN_AND_PRINT,
    /**
     * A badge-pickup station ({@code checkin.on.print=false}), for events that print badges the day
     * before: prints the badge and records the pickup, without counting an entry.
     */
    PICKUP,
    /** A door station ({@code print.on.checkin=false}): checks the person in, prints nothing. */
    DOOR;

    /**
     * The duty the two settings describe.
     *
     * @throws IllegalArgumentException when both are false: such a station would do nothing
     */
    public static StationDuty of(boolean checkInOnPrint, boolean printOnCheckIn) {
        if (checkInOnPrint && printOnCheckIn) {
            return CHECK_IN_AND_PRINT;
        }
        if (printOnCheckIn) {
            return PICKUP;
        }
        if (checkInOnPrint) {
            return DOOR;
        }
        throw new IllegalArgumentException("checkin.on.print and print.on.checkin are both false: the station would"
                + " neither check in nor print. Set checkin.on.print=false for a badge-pickup station, or"
                + " print.on.checkin=false for a door station, not both.");
    }
}
