package org.arrivals.cli;

import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "reprint",
        mixinStandardHelpOptions = true,
        description = "Print another badge for someone (lost, damaged, name corrected). The reason is recorded and "
                + "reprints are counted.")
final class ReprintCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "R",
            description = "Why: lost, damaged, name corrected...")
    String reason;

    @Option(names = "--printer", paramLabel = "P")
    String printer;

    @Option(names = "--template", paramLabel = "T", defaultValue = "thermal-4x3")
    String template;

    @Option(names = "--json")
    boolean json;

    @Override
    int run(Station station) {
        var printing = station.printing();
        var to = PrinterChoice.target(printer, template, station);
        return PrintOutput.print(
                printing.awaitAttempt(printing.reprint(CLI, code, reason, to), PrintOutput.WAIT), json, out());
    }
}
