package org.arrivals.ui.common;

/** A sentence for the person at the screen, and how it should look. */
public record Message(Tone tone, String text) {
    public static final Message NONE = new Message(Tone.NONE, "");
}
