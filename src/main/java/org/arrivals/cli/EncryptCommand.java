package org.arrivals.cli;

import org.arrivals.station.EventFolder;
import picocli.CommandLine.Command;

@Command(
        name = "encrypt",
        mixinStandardHelpOptions = true,
        description = {
            "Encrypt, once, an event database made before Arrivals encrypted its data, under the station "
                    + "key (--key-file, $ARRIVALS_KEY, or asked). Close every Arrivals window of the event first.",
            "A database made by this version is encrypted from the start; this changes nothing there."
        })
final class EncryptCommand extends HomeCommand {
    @Override
    public Integer call() {
        boolean done = new EventFolder(root.resolvedHome(), root.resolvedEvent()).encrypt(root.stationKey(null));
        out().println(
                        done
                                ? "The event '" + root.resolvedEvent() + "' is now encrypted."
                                : "Nothing to encrypt: the event '" + root.resolvedEvent()
                                        + "' has no unencrypted database.");
        return 0;
    }
}
