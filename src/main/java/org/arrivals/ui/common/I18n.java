package org.arrivals.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.NodeOrientation;

/**
 * Every string a person reads comes from here: {@code org/arrivals/ui/messages*.properties},
 * complete in English, Spanish, Arabic and French. The language is a property: screens rebuild
 * their text when it changes, and Arabic turns the scene right to left.
 */
public final class I18n {
    public static final String BUNDLE = "org.arrivals.ui.messages";
    public static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, new Locale("es"), new Locale("ar"), Locale.FRENCH);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);
    private ResourceBundle bundle = load(Locale.ENGLISH);

    public I18n(String language) {
        setLanguage(language);
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(
                BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public void setLanguage(String language) {
        Locale l = Locale.forLanguageTag(language);
        bundle = load(l);
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
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // always through MessageFormat, so every bundle writes an apostrophe the same way: doubled
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /** A language's own name for itself, for the language picker. */
    public static String nativeName(Locale l) {
        String name = l.getDisplayLanguage(l);
        return name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }
}
