package org.arrivals.ui.setup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.StationSetup;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;
import org.arrivals.ui.common.UnlockView;

/**
 * The wizard's first step, before the station exists: its key, from a key file on a USB stick or
 * typed twice (the first key given to a new event is its key for good). The station then opens
 * with it, off the FX thread, and the wizard goes on with the open station.
 */
public final class KeyModel {
    private final Tasks tasks;
    private final I18n i18n;
    private final Function<StationKey, Station> open;
    private final Consumer<Station> opened;
    private final List<Path> roots;

    /** The key file found on a USB stick; null when none is. */
    final ObjectProperty<Path> found = new SimpleObjectProperty<>();

    final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.NONE);
    final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * @param open opens the station with a key (throws when it cannot)
     * @param opened gets the open station, on the FX thread
     * @param roots where USB drives are mounted ({@link StationSetup#usbRoots()})
     */
    public KeyModel(
            Tasks tasks, I18n i18n, Function<StationKey, Station> open, Consumer<Station> opened, List<Path> roots) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.open = open;
        this.opened = opened;
        this.roots = roots;
    }

    /** Looks for a key file on the USB sticks mounted now. */
    public void look() {
        tasks.query(
                () -> StationSetup.findKeyFile(roots),
                f -> {
                    found.set(f.orElse(null));
                    if (f.isEmpty()) {
                        message.set(new Message(Tone.INFO, i18n.t("setup.key.noFile", StationSetup.KEY_FILE)));
                    } else {
                        message.set(Message.NONE);
                    }
                },
                e -> found.set(null));
    }

    /** Opens the station with the key file found. */
    public void useFound() {
        Path f = found.get();
        if (f != null) {
            openWith(() -> StationKey.file(f));
        }
    }

    /** Opens the station with a new key typed twice; the arrays are wiped. */
    public void typed(char[] key, char[] again) {
        StationSetup.NewKey r = StationSetup.newKey(key, again);
        Arrays.fill(again, '\0');
        switch (r) {
            case TOO_SHORT -> {
                Arrays.fill(key, '\0');
                message.set(new Message(Tone.ERROR, i18n.t("unlock.short", StationKey.MIN_LENGTH)));
            }
            case MISMATCH -> {
                Arrays.fill(key, '\0');
                message.set(new Message(Tone.ERROR, i18n.t("setup.key.mismatch")));
            }
            case OK ->
                openWith(() -> {
                    try {
                        return StationKey.passphrase(key);
                    } finally {
                        Arrays.fill(key, '\0');
                    }
                });
        }
    }

    private void openWith(Callable<StationKey> key) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(new Message(Tone.INFO, i18n.t("unlock.opening")));
        tasks.run(
                () -> open.apply(key.call()),
                s -> {
                    busy.set(false);
                    message.set(Message.NONE);
                    opened.accept(s);
                },
                e -> {
                    busy.set(false);
                    // a key file that cannot be read says so; a wrong key, an event open elsewhere, in their words
                    message.set(new Message(
                            Tone.ERROR,
                            e instanceof IllegalArgumentException && StationKey.problemKey(e) == null
                                    ? i18n.t("setup.key.fileUnreadable")
                                    : UnlockView.reason(i18n, e)));
                });
    }
}
