package org.arrivals.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.arrivals.print.PrinterState;

/**
 * The words of every face, in one language: {@code org/arrivals/ui/messages*.properties}, complete
 * in English, Spanish, Arabic and French. Services answer with typed outcomes; the faces (the
 * kiosk's screens, the command line) turn them into sentences here, so a printer that is out of
 * labels reads the same on every screen and in every language.
 */
public final class Texts {
    public static final String BUNDLE = "org.arrivals.ui.messages";
    public static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"), Locale.FRENCH);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English, as the command line speaks. */
    public static Texts english() {
        return new Texts(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key, with {0}, {1}... filled in; the key itself, loudly, when it is missing. */
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // always through MessageFormat, so every bundle writes an apostrophe the same way: doubled
        return new MessageFormat(pattern, locale).format(args);
    }

    /** True when the bundle has this key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A printer's state as a sentence naming the printer ({@code printer} as the station knows it). */
    public String printer(PrinterState state, String printer) {
        return t("printer." + state.condition().name(), printer == null ? "" : printer);
    }
}
