package org.arrivals.ui.common;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.NodeOrientation;
import org.arrivals.i18n.Texts;
import org.arrivals.print.PrinterState;

/**
 * Every string a person reads comes from here: {@code org/arrivals/ui/messages*.properties},
 * complete in English, Spanish, Arabic and French. The language is a property: screens rebuild
 * their text when it changes, and Arabic turns the scene right to left.
 */
public final class I18n {
    public static final String BUNDLE = Texts.BUNDLE;
    public static final List<Locale> LANGUAGES = Texts.LANGUAGES;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);
    private Texts texts = Texts.english();

    public I18n(String language) {
        setLanguage(language);
    }

    public void setLanguage(String language) {
        Locale l = Locale.forLanguageTag(language);
        texts = new Texts(l);
        locale.set(l);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public String language() {
        return locale.get().getLanguage();
    }

    public boolean rightToLeft() {
        return language().equals("ar") || language().equals("he") || language().equals("fa");
    }

    public NodeOrientation orientation() {
        return rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
    }

    /** The text for a key, with {0}, {1}... filled in; the key itself, loudly, when it is missing. */
    public String t(String key, Object... args) {
        return texts.t(key, args);
    }

    /** A printer's state as a sentence in this language, naming the printer. */
    public String printer(PrinterState state, String printer) {
        return texts.printer(state, printer);
    }

    /** A language's own name for itself, for the language picker. */
    public static String nativeName(Locale l) {
        String name = l.getDisplayLanguage(l);
        return name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }
}
