package org.arrivals.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.arrivals.badge.BadgePreview;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.print.PrintService;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "badge",
        mixinStandardHelpOptions = true,
        description = {
            "Draw one attendee's badge to a PDF (as it prints) or a PNG (the preview, at the printer's "
                    + "resolution). Nothing is recorded and nothing is printed."
        })
final class BadgeCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.pdf or FILE.png.")
    Path out;

    @Option(
            names = "--template",
            paramLabel = "T",
            defaultValue = "thermal-4x3",
            description = "Template name: thermal-4x3 (default), fanfold-4x6, brother-62x100, or a .json in "
                    + "kiosk-config/badges.")
    String template;

    @Override
    int run(Station station) throws Exception {
        TemplateLoader.named(template, root.resolvedConfig()); // a broken template is named, with its file and field
        var drawn = station.printing().badgeFile(CLI, code, template);
        if (drawn.result() == PrintService.BadgeFile.Result.NOT_FOUND) {
            throw new IllegalArgumentException("No attendee has the code " + code + ".");
        }
        byte[] pdf = drawn.pdf();
        boolean png = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        OwnerOnly.write(out, png ? BadgePreview.png(pdf, drawn.template().dpi()) : pdf);
        out().println("Wrote the badge of " + code + " to " + out + ".");
        return 0;
    }
}
