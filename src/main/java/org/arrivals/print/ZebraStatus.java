package org.arrivals.print;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Zebra printer says about itself when asked with {@code ~HS}: three lines between STX and
 * ETX. Only the flags a person at the desk can act on are read.
 */
public record ZebraStatus(boolean paperOut, boolean paused, boolean headOpen, boolean ribbonOut) {

    /** Parses a {@code ~HS} reply; null when it is not one. */
    public static ZebraStatus parse(String reply) {
        List<String[]> lines = new ArrayList<>();
        int at = 0;
        while (true) {
            int stx = reply.indexOf('\u0002', at);
            int etx = stx < 0 ? -1 : reply.indexOf('\u0003', stx);
            if (etx < 0) {
                break;
            }
            lines.add(reply.substring(stx + 1, etx).split(","));
            at = etx + 1;
        }
        if (lines.size() < 2 || lines.get(0).length < 3 || lines.get(1).length < 4) {
            return null;
        }
        // String 1: aaa,b,c,... where b is "paper out" and c is "pause". String 2: ..., the 3rd
        // field "head up" and the 4th "ribbon out".
        return new ZebraStatus(
                flag(lines.get(0)[1]), flag(lines.get(0)[2]), flag(lines.get(1)[2]), flag(lines.get(1)[3]));
    }

    private static boolean flag(String s) {
        return s.strip().equals("1");
    }

    /** The condition a person at the desk can act on: labels, head, ribbon, then pause. */
    public PrinterState.Condition condition() {
        if (paperOut) {
            return PrinterState.Condition.OUT_OF_LABELS;
        }
        if (headOpen) {
            return PrinterState.Condition.COVER_OPEN;
        }
        if (ribbonOut) {
            return PrinterState.Condition.RIBBON_OUT;
        }
        if (paused) {
            // a paused Zebra does not print what it is sent until someone presses its button
            return PrinterState.Condition.PAUSED;
        }
        return PrinterState.Condition.READY;
    }
}
