package org.arrivals.ui.common;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
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

    /**
     * A time of day as this language writes it, with its own digits: one digit system on a screen
     * (Arabic shows ٩:٠٥ م beside ١٬٢٠٠, not 9:05 beside ١٬٢٠٠).
     */
    public String time(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        return withoutBidiMarks(at.atZoneSameInstant(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale())
                        .withDecimalStyle(DecimalStyle.of(locale()))));
    }

    /** A whole number with this language's digits and grouping. */
    public String number(long n) {
        return withoutBidiMarks(NumberFormat.getIntegerInstance(locale()).format(n));
    }

    /** A share as a percentage, with this language's digits and percent sign (٪ in Arabic). */
    public String percent(double share) {
        return withoutBidiMarks(NumberFormat.getPercentInstance(locale()).format(share));
    }

    /**
     * The formats of some languages wrap numbers in invisible direction marks (the Arabic letter
     * mark, U+061C); the screen's own direction places them already, and the kiosk's fonts draw
     * those marks as boxes.
     */
    static String withoutBidiMarks(String s) {
        return s.replaceAll("[\u061C\u200E\u200F]", "");
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
