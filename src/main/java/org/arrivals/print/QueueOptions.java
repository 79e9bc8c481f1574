package org.arrivals.print;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CUPS queue's page size and resolution, set to a badge stock's for the user Arrivals runs as.
 *
 * <p>{@code lpoptions -p QUEUE -o PageSize=w288h216} writes the user's own defaults for the queue
 * ({@code ~/.cups/lpoptions}; no administrator rights needed), and {@code lpr}, through which
 * javax.print spools, applies them to each job. The driver's sizes are named in points
 * ({@code w288h216} is 4 x 3 in); a size the driver does not list goes as {@code Custom.WxH} where
 * the driver takes custom sizes.
 */
final class QueueOptions {
    private static final Logger LOG = LoggerFactory.getLogger(QueueOptions.class);
    private static final Pattern POINTS = Pattern.compile("w(\\d+(?:\\.\\d+)?)h(\\d+(?:\\.\\d+)?)");
    /** How far a driver's size may be from the template's and still be the same label: half a millimetre. */
    private static final double TOLERANCE_POINTS = 1.5;

    private final String queue;
    private volatile LabelStock applied;

    QueueOptions(String queue) {
        this.queue = queue;
    }

    /** Makes the queue's defaults match the stock, once per stock change; quiet when CUPS cannot. */
    void useStock(LabelStock stock) {
        if (stock.equals(applied)) {
            return;
        }
        String listing = SpoolerPrinter.run(List.of("lpoptions", "-p", queue, "-l"));
        if (listing == null) {
            return;
        }
        List<String> set = settings(listing, stock);
        if (!set.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("lpoptions", "-p", queue));
            for (String option : set) {
                cmd.add("-o");
                cmd.add(option);
            }
            if (SpoolerPrinter.run(cmd) == null) {
                LOG.warn("Could not set {} on printer {}", set, queue);
                return;
            }
            LOG.info("Printer {} set to {} for {} x {} mm labels", queue, set, stock.widthMm(), stock.heightMm());
        }
        applied = stock;
    }

    /** The options to change so the queue prints this stock: none when it already does. */
    static List<String> settings(String listing, LabelStock stock) {
        List<String> out = new ArrayList<>();
        Option size = Option.find(listing, "PageSize");
        if (size != null) {
            String wanted = pageSize(size, stock);
            if (wanted != null && !wanted.equals(size.current)) {
                out.add("PageSize=" + wanted);
            }
        }
        Option resolution = Option.find(listing, "Resolution");
        String dpi = stock.dpi() + "dpi";
        if (resolution != null && resolution.choices.contains(dpi) && !dpi.equals(resolution.current)) {
            out.add("Resolution=" + dpi);
        }
        return out;
    }

    private static String pageSize(Option size, LabelStock stock) {
        for (String choice : size.choices) {
            Matcher m = POINTS.matcher(choice);
            if (m.matches()
                    && Math.abs(Double.parseDouble(m.group(1)) - stock.widthPoints()) <= TOLERANCE_POINTS
                    && Math.abs(Double.parseDouble(m.group(2)) - stock.heightPoints()) <= TOLERANCE_POINTS) {
                return choice;
            }
        }
        if (size.choices.stream().anyMatch(c -> c.startsWith("Custom."))) {
            return "Custom." + Math.round(stock.widthPoints()) + "x" + Math.round(stock.heightPoints());
        }
        return null;
    }

    /** One line of {@code lpoptions -l}: {@code PageSize/Media Size: A4 *w288h432 Custom.WIDTHxHEIGHT}. */
    private record Option(List<String> choices, String current) {
        static Option find(String listing, String keyword) {
            for (String line : listing.split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0 || !line.substring(0, colon).split("/", 2)[0].equals(keyword)) {
                    continue;
                }
                List<String> choices = new ArrayList<>();
                String current = null;
                for (String c : line.substring(colon + 1).trim().split("\\s+")) {
                    if (c.startsWith("*")) {
                        c = c.substring(1);
                        current = c;
                    }
                    choices.add(c);
                }
                return new Option(choices, current);
            }
            return null;
        }
    }
}
