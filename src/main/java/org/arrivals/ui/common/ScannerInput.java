package org.arrivals.ui.common;

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
 * filter, on the whole scene, notices such bursts wherever the focus is: at least four characters
 * each within 50 ms of the last, then Enter (or the configured suffix). The burst's characters are
 * taken back out of whatever text field they landed in and handed over as one scan. People typing
 * are never that fast, so their keys pass untouched.
 */
public final class ScannerInput {
    static final long MAX_GAP_NANOS = 50_000_000L;
    static final int MIN_LENGTH = 4;

    private final Consumer<String> onScan;
    private final LongSupplier nanos;
    private final String suffix;
    private final StringBuilder burst = new StringBuilder();
    private long last = Long.MIN_VALUE / 2;
    private TextInputControl field;
    private String fieldBefore;
    private final EventHandler<KeyEvent> typed = this::typed;
    private final EventHandler<KeyEvent> pressed = this::pressed;
    private Scene scene;

    public ScannerInput(String suffix, Consumer<String> onScan, LongSupplier nanos) {
        this.suffix = suffix == null ? "" : suffix;
        this.onScan = onScan;
        this.nanos = nanos;
    }

    public ScannerInput(String suffix, Consumer<String> onScan) {
        this(suffix, onScan, System::nanoTime);
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
        if (c.isEmpty() || c.charAt(0) < 0x20 || c.charAt(0) == 0x7f) {
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

    private void pressed(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER || burst.length() < MIN_LENGTH || nanos.getAsLong() - last > MAX_GAP_NANOS) {
            return;
        }
        e.consume();
        finish();
    }

    private void finish() {
        String code = burst.toString();
        burst.setLength(0);
        last = Long.MIN_VALUE / 2;
        if (field != null && fieldBefore != null) {
            field.setText(fieldBefore);
            field.positionCaret(fieldBefore.length());
        }
        onScan.accept(code);
    }
}
