package org.arrivals.ui.common;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.StationSetup;

/**
 * The first screen of a kiosk started without its station key: staff type the key, the station
 * opens (off the FX thread: the key's derivation takes a moment), and the kiosk starts on it.
 * Nothing of the event is read before the key is right. A station key file on a USB stick plugged in
 * ({@link StationSetup#findKeyFile}) is offered too, as the set-up wizard offers it.
 */
public final class UnlockView {
    private final StackPane root;
    private final Label message;

    /**
     * @param unlock opens the station with a key (throws with a sentence when it cannot)
     * @param unlocked gets the open station, on the FX thread
     */
    public UnlockView(I18n i18n, Tasks tasks, Function<StationKey, Station> unlock, Consumer<Station> unlocked) {
        this(i18n, tasks, unlock, unlocked, StationSetup.usbRoots());
    }

    /** As above; {@code usbRoots}: where USB sticks are mounted ({@link StationSetup#usbRoots()}). */
    public UnlockView(
            I18n i18n,
            Tasks tasks,
            Function<StationKey, Station> unlock,
            Consumer<Station> unlocked,
            List<Path> usbRoots) {
        PasswordField field = Ui.id(new PasswordField(), "unlock-field");
        field.getStyleClass().add("pin-field");
        field.setAccessibleText(i18n.t("unlock.title"));
        message = Ui.id(Ui.label("", "message"), "unlock-message");
        Runnable go = () -> {
            char[] typed = field.getText().toCharArray();
            field.clear();
            if (typed.length == 0) {
                return;
            }
            // counted as the key is: in UTF-8 bytes (an Arabic passphrase of 5 letters is 10 bytes)
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
            int length = bytes.remaining();
            Arrays.fill(bytes.array(), (byte) 0);
            if (length < StationKey.MIN_LENGTH) {
                // no station key is this short (a new one needs as many): say so without a slow try
                Arrays.fill(typed, '\0');
                Ui.showMessage(message, new Message(Tone.ERROR, i18n.t("unlock.short", StationKey.MIN_LENGTH)));
                return;
            }
            field.setDisable(true);
            tasks.run(
                    () -> {
                        try {
                            return unlock.apply(StationKey.passphrase(typed));
                        } finally {
                            Arrays.fill(typed, '\0');
                        }
                    },
                    station -> {
                        field.setDisable(false);
                        unlocked.accept(station);
                    },
                    e -> {
                        field.setDisable(false);
                        say(reason(i18n, e));
                        field.requestFocus();
                    });
        };
        field.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER) {
                go.run();
            }
        });
        Button ok = Ui.id(Ui.button(i18n.t("unlock.ok"), "primary", go), "unlock-ok");
        // the key file on a USB stick, when one is plugged in: shown once it is found (off the FX thread)
        Label foundAt = Ui.id(Ui.label("", "muted"), "unlock-usb-path");
        foundAt.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT); // a path reads left to right
        Button useFile = Ui.id(Ui.button(i18n.t("setup.key.use"), "secondary", () -> {}), "unlock-usb");
        VBox usb = new VBox(6, Ui.label(i18n.t("setup.key.found"), "muted"), foundAt, useFile);
        usb.setVisible(false);
        usb.setManaged(false);
        VBox card = new VBox(
                14,
                Ui.label(i18n.t("unlock.title"), "pin-title"),
                Ui.label(i18n.t("unlock.why"), "muted"),
                field,
                message,
                ok,
                usb);
        card.setAlignment(Pos.CENTER_LEFT);
        root = Ui.overlay(card, 460, i18n);
        tasks.query(
                () -> StationSetup.findKeyFile(usbRoots),
                found -> found.ifPresent(file -> {
                    foundAt.setText(file.toString());
                    useFile.setOnAction(a -> {
                        useFile.setDisable(true);
                        field.setDisable(true);
                        tasks.run(() -> unlock.apply(StationKey.file(file)), station -> unlocked.accept(station), e -> {
                            useFile.setDisable(false);
                            field.setDisable(false);
                            say(
                                    StationKey.problemKey(e) == null && e instanceof IllegalArgumentException
                                            ? i18n.t("unlock.keyFile")
                                            : reason(i18n, e));
                        });
                    });
                    usb.setVisible(true);
                    usb.setManaged(true);
                }),
                e -> {});
    }

    /** Why a station did not open, in the station's language (the details, in English, go to the log). */
    public static String reason(I18n i18n, Throwable e) {
        String key = StationKey.problemKey(e);
        if (key == null) {
            org.slf4j.LoggerFactory.getLogger(UnlockView.class).warn("The station did not open: {}", e.getMessage());
        }
        return i18n.t(key == null ? "error.unexpected" : key);
    }

    /** Shows why the station is locked (a key given on the command line that did not open it). */
    public void say(String why) {
        Ui.showMessage(message, new Message(Tone.ERROR, why));
    }

    public StackPane root() {
        return root;
    }
}
