package org.arrivals.cli;

import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "print",
        mixinStandardHelpOptions = true,
        description = {
            "Print an attendee's badge through the station's print queue. A person's first badge prints "
                    + "once; use 'reprint' with a reason for another.",
            "The job is handed to the printer (or its spooler) before the command exits, or kept with the reason it "
                    + "could not be. Exit 0: handed over. 6: not printed (see 'arrivals queue')."
        })
final class PrintCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(
            names = "--printer",
            paramLabel = "P",
            description =
                    "A spooler queue's name, or zebra://HOST:PORT " + "(default: printer= in HOME/station.properties).")
    String printer;

    @Option(names = "--template", paramLabel = "T", defaultValue = "thermal-4x3")
    String template;

    @Option(names = "--json", description = "Print {\"id\",\"code\",\"printer\",\"state\",\"attempts\",\"error\"}.")
    boolean json;

    @Override
    int run(Station station) {
        var printing = station.printing();
        var to = PrinterChoice.target(printer, template, station);
        return PrintOutput.print(printing.awaitAttempt(printing.print(CLI, code, to), PrintOutput.WAIT), json, out());
    }
}
