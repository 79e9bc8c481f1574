package org.arrivals.ui.common;

import java.util.Locale;

/** How a message should look: it picks the colors and the icon, never the words. */
public enum Tone {
    NONE,
    INFO,
    SUCCESS,
    WARNING,
    ERROR;

    public String styleClass() {
        return "tone-" + name().toLowerCase(Locale.ROOT);
    }
}
