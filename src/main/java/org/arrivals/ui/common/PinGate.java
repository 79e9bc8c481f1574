package org.arrivals.ui.common;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.arrivals.audit.Role;
import org.arrivals.station.StaffPin;

/**
 * The staff PIN prompt, drawn over the current screen (it works in full screen and on a touch
 * screen: a keypad, no dialog window). The check runs off the FX thread: PBKDF2 is slow on purpose.
 */
public final class PinGate implements Authority {
    private final StackPane host;
    private final StaffPin pin;
    private final Tasks tasks;
    private final I18n i18n;
    private StackPane overlay;
    /** Where the focus was before the gate opened: it goes back there, so typing carries on. */
    private Node focusBefore;

    private Role acceptedRole = Role.VOLUNTEER;
    /** The gate's field that takes the keyboard, and its message line, while it is open. */
    private TextInputControl focusField;

    private Label messageLabel;

    /** Told of PINs the gate refused, for the audit log (a guess at a public kiosk is worth knowing of). */
    public interface Refusals {
        void refused(Role needed, boolean lockedOut);
    }

    private final Refusals refusals;
    /** Closes the gate when no one touches it for this long (self-service: the idle reset); null: never. */
    private PauseTransition idleClose;

    private Timeline countdown;

    public PinGate(StackPane host, StaffPin pin, Tasks tasks, I18n i18n) {
        this(host, pin, tasks, i18n, (needed, locked) -> {});
    }

    public PinGate(StackPane host, StaffPin pin, Tasks tasks, I18n i18n, Refusals refusals) {
        this.host = host;
        this.pin = pin;
        this.tasks = tasks;
        this.i18n = i18n;
        this.refusals = refusals;
    }

    /**
     * From now on the gate closes itself after {@code seconds} without a key or a touch (the
     * self-service station's idle reset), then runs {@code afterwards}; 0 turns it off.
     */
    public void closeWhenIdle(int seconds, Runnable afterwards) {
        if (idleClose != null) {
            idleClose.stop();
        }
        if (seconds <= 0) {
            idleClose = null;
            return;
        }
        idleClose = new PauseTransition(javafx.util.Duration.seconds(seconds));
        idleClose.setOnFinished(e -> {
            if (overlay != null) {
                close();
                afterwards.run();
            }
        });
    }

    /** The role of the last PIN accepted (volunteer until one is): the audit log's actor for staff actions. */
    public Role acceptedRole() {
        return acceptedRole;
    }

    public boolean isOpen() {
        return overlay != null;
    }

    /**
     * A question over the screen, with {@code yes} and Cancel; the action runs only on {@code yes}.
     * Like the PIN, it owns the keyboard while open; Enter does not answer it (a scanner ends with Enter).
     */
    @Override
    public void confirm(String question, String yes, Runnable then) {
        close();
        focusBefore = host.getScene() == null ? null : host.getScene().getFocusOwner();
        Label text = Ui.id(Ui.label(question, "pin-title"), "gate-confirm-question");
        text.setWrapText(true);
        Label message = Ui.label("", "message");
        Button ok = Ui.id(
                Ui.button(yes, "primary", () -> {
                    close();
                    then.run();
                }),
                "gate-confirm-yes");
        Button cancel = Ui.id(Ui.button(i18n.t("dialog.cancel"), "secondary", this::close), "gate-confirm-cancel");
        cancel.setCancelButton(true);
        VBox card = new VBox(16, text, message, new HBox(10, ok, cancel));
        overlay = Ui.overlay(card, 460, i18n);
        host.getChildren().add(overlay);
        watchIdle(overlay);
        focusField = null;
        messageLabel = message;
        cancel.requestFocus();
        confirmFocus = cancel;
    }

    private Node confirmFocus;

    private void watchIdle(StackPane gate) {
        if (idleClose == null) {
            return;
        }
        for (var type : List.of(KeyEvent.ANY, MouseEvent.MOUSE_PRESSED, TouchEvent.ANY)) {
            gate.addEventFilter(type, e -> idleClose.playFromStart());
        }
        idleClose.playFromStart();
    }

    /** True when a key event's target is inside the open gate. */
    public boolean contains(Object target) {
        if (overlay == null || !(target instanceof Node n)) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == overlay) {
                return true;
            }
        }
        return false;
    }

    /** Puts the focus back into the gate (a key was aimed at the screen behind it). */
    public void takeFocus() {
        if (overlay != null && focusField != null) {
            focusField.requestFocus();
        } else if (overlay != null && confirmFocus != null) {
            confirmFocus.requestFocus();
        }
    }

    /** A code was scanned while the gate is open: it is not typed anywhere, and the gate says so. */
    public void refuseScan() {
        if (overlay != null && messageLabel != null) {
            Ui.showMessage(messageLabel, new Message(Tone.WARNING, i18n.t("pin.scanRefused")));
        }
    }

    /** Asks for a supervisor's (or admin's) PIN; runs {@code onAccepted} once it is right. */
    public void ask(String why, Runnable onAccepted) {
        ask(why, Role.SUPERVISOR, role -> onAccepted.run());
    }

    /**
     * Asks for the PIN of a role that may do what {@code needed} may; gives {@code onAccepted} the role
     * whose PIN it was. Cancel closes without doing anything.
     */
    @Override
    public void ask(String why, Role needed, Consumer<Role> onAccepted) {
        open(why, null, needed, (role, reason) -> onAccepted.accept(role));
    }

    /** Asks for a reason (a text field above the PIN, required) as well as the PIN. */
    @Override
    public void askWithReason(String why, String reasonPrompt, Role needed, BiConsumer<Role, String> onAccepted) {
        open(why, reasonPrompt, needed, onAccepted);
    }

    private void open(String why, String reasonPrompt, Role needed, BiConsumer<Role, String> onAccepted) {
        close();
        focusBefore = host.getScene() == null ? null : host.getScene().getFocusOwner();
        PasswordField field = new PasswordField();
        field.setId("pin-field");
        field.getStyleClass().add("pin-field");
        field.setAccessibleText(i18n.t("pin.title"));
        Label title = Ui.label(i18n.t("pin.title"), "pin-title");
        Label reason = Ui.label(why, "muted");
        Label message = Ui.id(Ui.label("", "message"), "pin-message");
        Ui.showMessage(
                message,
                pin.isSetFor(needed)
                        ? Message.NONE
                        : new Message(Tone.ERROR, i18n.t(needed == Role.ADMIN ? "pin.notSet.admin" : "pin.notSet")));
        GridPane keypad = new GridPane();
        keypad.setHgap(10);
        keypad.setVgap(10);
        keypad.setAlignment(Pos.CENTER);
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
        TextField reasonField = null;
        if (reasonPrompt != null) {
            reasonField = new TextField();
            reasonField.setId("pin-reason");
            reasonField.setPromptText(reasonPrompt);
            reasonField.setAccessibleText(reasonPrompt);
        }
        TextField reasonBox = reasonField;
        Runnable submit = () -> {
            if (reasonBox != null && reasonBox.getText().isBlank()) {
                Ui.showMessage(message, new Message(Tone.ERROR, i18n.t("desk.override.needsReason")));
                reasonBox.requestFocus();
                return;
            }
            check(
                    field,
                    message,
                    needed,
                    role -> onAccepted.accept(
                            role, reasonBox == null ? "" : reasonBox.getText().strip()));
        };
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Button b = new Button(k);
            b.getStyleClass().add("key");
            b.setMinWidth(80); // one width for every key, wide enough for OK: an even keypad
            b.setPrefWidth(80);
            b.setId("pin-key-" + (k.equals("⌫") ? "back" : k.toLowerCase(Locale.ROOT)));
            b.setFocusTraversable(false);
            b.setAccessibleText(k.equals("⌫") ? i18n.t("self.key.backspace") : k.equals("OK") ? i18n.t("pin.ok") : k);
            b.setOnAction(e -> {
                if (k.equals("OK")) {
                    submit.run();
                } else if (k.equals("⌫")) {
                    String t = field.getText();
                    field.setText(t.isEmpty() ? t : t.substring(0, t.length() - 1));
                } else {
                    field.appendText(k);
                }
            });
            keypad.add(b, i % 3, i / 3);
        }
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                submit.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        Button cancel = Ui.id(Ui.button(i18n.t("dialog.cancel"), "secondary", this::close), "pin-cancel");
        VBox card = reasonBox == null
                ? new VBox(14, title, reason, field, keypad, message, new HBox(cancel))
                : new VBox(
                        14,
                        title,
                        reason,
                        Ui.label(reasonPrompt, "muted"),
                        reasonBox,
                        field,
                        keypad,
                        message,
                        new HBox(cancel));
        if (reasonBox != null) {
            reasonBox.setOnAction(e -> field.requestFocus());
        }
        // as wide as the unlock card: JavaFX 21 draws some wrapped right-to-left lines whole and then
        // repeats their last word on the next line, so the reasons should fit on one line where they can
        overlay = Ui.overlay(card, 460, i18n);
        host.getChildren().add(overlay);
        watchIdle(overlay);
        focusField = reasonBox != null ? reasonBox : field;
        messageLabel = message;
        focusField.requestFocus();
    }

    private void check(PasswordField field, Label message, Role needed, Consumer<Role> onAccepted) {
        String entered = field.getText();
        field.clear();
        StackPane asked = overlay; // the answer counts only while this very gate is open
        tasks.run(
                () -> pin.check(entered, needed),
                result -> {
                    if (overlay != asked) {
                        return; // cancelled, or replaced by another gate, while the PIN was being checked
                    }
                    if (result instanceof StaffPin.Check.Accepted a) {
                        acceptedRole = a.role();
                        close();
                        onAccepted.accept(a.role());
                    } else if (result instanceof StaffPin.Check.Refused r) {
                        Ui.showMessage(
                                message, new Message(Tone.ERROR, i18n.t("pin.wrong", r.triesLeftBeforeLockout())));
                        refusals.refused(needed, false);
                    } else if (result instanceof StaffPin.Check.NotSet) {
                        Ui.showMessage(
                                message,
                                new Message(
                                        Tone.ERROR, i18n.t(needed == Role.ADMIN ? "pin.notSet.admin" : "pin.notSet")));
                    } else if (result instanceof StaffPin.Check.Locked l) {
                        refusals.refused(needed, true);
                        countDown(message, l.remaining());
                    }
                },
                e -> Ui.showMessage(message, new Message(Tone.ERROR, i18n.t("error.unexpected"))));
    }

    /** "Try again in N seconds", counting down each second while the gate is open, then cleared. */
    private void countDown(Label message, java.time.Duration remaining) {
        if (countdown != null) {
            countdown.stop();
        }
        long until = System.nanoTime() + remaining.toNanos();
        Runnable show = () -> {
            long left = Math.max(0, (until - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
            Ui.showMessage(message, left == 0 ? Message.NONE : new Message(Tone.ERROR, i18n.t("pin.locked", left)));
        };
        show.run();
        countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> show.run()));
        countdown.setCycleCount((int) Math.min(Integer.MAX_VALUE, remaining.toSeconds() + 1));
        countdown.play();
    }

    public void close() {
        if (countdown != null) {
            countdown.stop();
            countdown = null;
        }
        if (idleClose != null) {
            idleClose.stop();
        }
        if (overlay != null) {
            host.getChildren().remove(overlay);
            overlay = null;
            focusField = null;
            messageLabel = null;
            confirmFocus = null;
            Node back = focusBefore;
            focusBefore = null;
            if (back != null && back.getScene() == host.getScene()) {
                back.requestFocus();
            }
        }
    }
}
