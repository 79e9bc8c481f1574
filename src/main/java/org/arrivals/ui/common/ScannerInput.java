package org.arrivals.ui.common;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A barcode scanner is a keyboard that types faster than a person and ends with Enter. This
 * filter, on a whole scene, notices scans wherever the focus is, in two ways:
 *
 * <ul>
 *   <li><b>A prefix</b> (certain): most scanners can be set to send a key before every code, such
 *       as F12 or the STX control character ({@code scanner.prefix} in station.properties: a key's
 *       name like {@code F12}, {@code STX}, or one character the codes never hold, like {@code ~}). After it, every key up to Enter
 *       (or the suffix) is the scan's and reaches no field, however the keys are timed.
 *   <li><b>A burst</b> (a guess): at least four characters each within 50 ms of the last, then
 *       Enter. The burst's characters are taken back out of the field they landed in. The gaps are
 *       measured when the FX thread sees the keys, so a stall of that thread can split a burst;
 *       the scan therefore also carries the text the field held before the burst began, and the
 *       desk tries that text with the burst as one code before the burst alone.
 * </ul>
 *
 * People typing are never that fast, so their keys pass untouched.
 */
public final class ScannerInput {
    static final long MAX_GAP_NANOS = 50_000_000L;
    static final int MIN_LENGTH = 4;
    private static final String STX = "\u0002";

    /**
     * What a scanner typed: {@code code}, and what the focused text field held before it began
     * ({@code before}, empty when the focus was not in a field or a prefix made the scan certain).
     */
    public record Scan(String code, String before, boolean certain) {
        /** The field's text with the scan, as one code: what a stall may have split. */
        public String joined() {
            return before + code;
        }
    }

    private final Consumer<Scan> onScan;
    private final LongSupplier nanos;
    private final String suffix;
    private final String prefixChars;
    private final KeyCode prefixKey;
    private final StringBuilder burst = new StringBuilder();
    private long last = Long.MIN_VALUE / 2;
    private TextInputControl field;
    private String fieldBefore;
    private boolean prefixed;
    private long prefixedAt;
    /** A prefix with no Enter after it this long was a stray key: what was typed after it is a search. */
    static final long PREFIX_TIMEOUT_NANOS = 10_000_000_000L;

    private final EventHandler<KeyEvent> typed = this::typed;
    private final EventHandler<KeyEvent> pressed = this::pressed;
    private Scene scene;

    public ScannerInput(String prefix, String suffix, Consumer<Scan> onScan, LongSupplier nanos) {
        this.suffix = suffix == null ? "" : suffix;
        this.onScan = onScan;
        this.nanos = nanos;
        KeyCode key = keyNamed(prefix);
        this.prefixKey = key;
        this.prefixChars = key != null ? "" : charsOf(prefix);
    }

    public ScannerInput(String prefix, String suffix, Consumer<Scan> onScan) {
        this(prefix, suffix, onScan, System::nanoTime);
    }

    /** A prefix setting that names a key (F1 to F24, Pause, Insert...), else null. */
    static KeyCode keyNamed(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.strip().equalsIgnoreCase("STX")) {
            return null;
        }
        String p = prefix.strip().toUpperCase(Locale.ROOT);
        if (p.length() < 2) {
            return null;
        }
        for (KeyCode k : KeyCode.values()) {
            if ((k.isFunctionKey() || k == KeyCode.PAUSE || k == KeyCode.INSERT || k == KeyCode.SCROLL_LOCK)
                    && k.getName().toUpperCase(Locale.ROOT).replace(" ", "").equals(p.replace(" ", ""))) {
                return k;
            }
        }
        return null;
    }

    /** A one-character prefix (STX, or a character the codes never hold, like {@code ~}); "" for none. */
    private static String charsOf(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String p = prefix.strip().equalsIgnoreCase("STX") ? STX : prefix;
        return p.codePointCount(0, p.length()) == 1 ? p : "";
    }

    public void install(Scene s) {
        uninstall();
        scene = s;
        s.addEventFilter(KeyEvent.KEY_TYPED, typed);
        s.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
    }

    public void uninstall() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_TYPED, typed);
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
            scene = null;
        }
    }

    private void typed(KeyEvent e) {
        String c = e.getCharacter();
        if (c.isEmpty()) {
            return;
        }
        expirePrefix();
        if (!prefixed && !prefixChars.isEmpty() && c.equals(prefixChars)) {
            e.consume();
            startPrefixed();
            return;
        }
        if (prefixed) {
            e.consume(); // a certain scan: its keys reach no field
            if (c.charAt(0) == '\r' || c.charAt(0) == '\n') {
                finish();
            } else if (!suffix.isEmpty() && suffix.equals(c)) {
                finish();
            } else if (c.charAt(0) >= 0x20 && c.charAt(0) != 0x7f) {
                burst.append(c);
            }
            return;
        }
        if (c.charAt(0) < 0x20 || c.charAt(0) == 0x7f) {
            return;
        }
        long now = nanos.getAsLong();
        if (now - last > MAX_GAP_NANOS) {
            burst.setLength(0);
            Node focus = scene == null ? null : scene.getFocusOwner();
            field = focus instanceof TextInputControl t ? t : null;
            fieldBefore = field == null ? null : field.getText();
        }
        last = now;
        if (!suffix.isEmpty() && suffix.equals(c) && burst.length() >= MIN_LENGTH) {
            e.consume();
            finish();
            return;
        }
        burst.append(c);
    }

    /** A prefix with no Enter after it for a while was not a scan's (a stray key): typing goes on. */
    private void expirePrefix() {
        if (prefixed && nanos.getAsLong() - prefixedAt > PREFIX_TIMEOUT_NANOS) {
            prefixed = false;
            burst.setLength(0);
        }
    }

    private void startPrefixed() {
        prefixedAt = nanos.getAsLong();
        prefixed = true;
        burst.setLength(0);
        field = null;
        fieldBefore = null;
    }

    private void pressed(KeyEvent e) {
        expirePrefix();
        if (prefixKey != null && e.getCode() == prefixKey) {
            e.consume();
            startPrefixed();
            return;
        }
        if (prefixed) {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                e.consume();
                finish();
            } else if (!e.getCode().isModifierKey() && e.getCode() != KeyCode.UNDEFINED) {
                e.consume(); // no key of a certain scan acts on the screen (Enter, arrows, F-keys)
            }
            return;
        }
        if (e.getCode() != KeyCode.ENTER || burst.length() < MIN_LENGTH || nanos.getAsLong() - last > MAX_GAP_NANOS) {
            return;
        }
        e.consume();
        finish();
    }

    private void finish() {
        String code = burst.toString();
        boolean certain = prefixed;
        burst.setLength(0);
        prefixed = false;
        last = Long.MIN_VALUE / 2;
        String before = "";
        if (field != null && fieldBefore != null) {
            before = fieldBefore;
            field.setText(fieldBefore);
            field.positionCaret(fieldBefore.length());
        }
        field = null;
        fieldBefore = null;
        if (!code.isEmpty()) {
            onScan.accept(new Scan(code, certain ? "" : before, certain));
        }
    }
}
