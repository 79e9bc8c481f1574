package org.arrivals.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.print.PrintService;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "badges",
        mixinStandardHelpOptions = true,
        description = {
            "Draw the badges of everyone attending into one PDF, for pre-printing. Cancelled, refunded "
                    + "and pending registrations are left out. Nothing is recorded."
        })
final class BadgesCommand extends StationCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
    Path out;

    @Option(names = "--type", paramLabel = "T", description = "Only this attendee type (for example Speaker).")
    String type;

    @Option(
            names = "--sort",
            paramLabel = "last|org",
            defaultValue = "last",
            description = "Order: by last name (default) or by organization, as the badge tables are laid out.")
    String sort;

    @Option(
            names = "--template",
            paramLabel = "T",
            defaultValue = "thermal-4x3",
            description = "Template name (see 'arrivals badge --help').")
    String template;

    @Override
    int run(Station station) throws Exception {
        PrintService.Order order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "last" -> PrintService.Order.LAST_NAME;
            case "org" -> PrintService.Order.ORGANIZATION;
            default -> throw new IllegalArgumentException("--sort takes last or org, not \"" + sort + "\".");
        };
        TemplateLoader.named(template, root.resolvedConfig()); // a broken template is named, with its file and field
        var drawn = station.printing().badgesFile(CLI, type, order, template);
        if (drawn.result() == PrintService.BadgeFile.Result.NOBODY) {
            throw new IllegalArgumentException("Nobody to print" + (type == null ? "" : " of type " + type) + ".");
        }
        OwnerOnly.write(out, drawn.pdf());
        out().println("Wrote " + drawn.count() + (drawn.count() == 1 ? " badge" : " badges") + " to " + out + ".");
        return 0;
    }
}
