package org.arrivals.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.TemplateLoader;
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
        Comparator<Attendee> byName = Comparator.comparing(
                        (Attendee a) -> a.lastName().isEmpty() ? a.firstName() : a.lastName(),
                        String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Attendee::firstName);
        Comparator<Attendee> order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "last" -> byName;
            case "org" ->
                Comparator.comparing(
                                (Attendee a) -> a.organization() == null ? "" : a.organization(),
                                String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(byName);
            default -> throw new IllegalArgumentException("--sort takes last or org, not \"" + sort + "\".");
        };
        List<Attendee> who = station.attendees().all().stream()
                .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                .filter(a -> type == null || a.type().equalsIgnoreCase(type))
                .sorted(order)
                .toList();
        if (who.isEmpty()) {
            throw new IllegalArgumentException("Nobody to print" + (type == null ? "" : " of type " + type) + ".");
        }
        BadgeTemplate t = TemplateLoader.named(template, root.resolvedConfig());
        Files.write(out, station.badges().renderAll(t, who, ""));
        out().println("Wrote " + who.size() + (who.size() == 1 ? " badge" : " badges") + " to " + out + ".");
        return 0;
    }
}
