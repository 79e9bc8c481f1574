package org.arrivals.hub.console;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's words in one language (the bundle {@code org/arrivals/hub/console/console*}:
 * English, Spanish, Arabic, French), chosen by the language switch's cookie, else the browser's
 * Accept-Language, else English.
 */
final class ConsoleTexts {
    static final List<String> LANGUAGES = List.of("en", "es", "ar", "fr");
    static final String BUNDLE = "org.arrivals.hub.console.console";

    private final String language;
    private final ResourceBundle bundle;

    private ConsoleTexts(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final java.util.Map<String, ConsoleTexts> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static ConsoleTexts of(String language) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        return CACHE.computeIfAbsent(lang, ConsoleTexts::new);
    }

    /** The first of the browser's languages the console speaks (Accept-Language, by weight), else English. */
    static String pick(String cookie, String acceptLanguage) {
        if (cookie != null && LANGUAGES.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null && acceptLanguage.length() < 1000) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = r.getRange();
                    String base = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                    if (r.getWeight() > 0 && LANGUAGES.contains(base)) {
                        return base;
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header: English
            }
        }
        return "en";
    }

    String language() {
        return language;
    }

    boolean rtl() {
        return language.equals("ar");
    }

    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }
}
