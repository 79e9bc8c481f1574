package org.arrivals.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arrivals.i18n.Texts;
import org.arrivals.print.Printers;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "printers",
        mixinStandardHelpOptions = true,
        description = {
            "The printer queues this computer knows, with their state.",
            "--test PRINTER prints a made-up test badge there (nothing is recorded); exit 6 when it did not print."
        })
final class PrintersCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    ArrivalsCommand root;

    @Option(
            names = "--test",
            paramLabel = "PRINTER",
            description = "Print a test badge on PRINTER (a queue's name, " + "or zebra://HOST:PORT).")
    String test;

    @Option(
            names = "--template",
            paramLabel = "T",
            defaultValue = "thermal-4x3",
            description = "The badge template of the test badge (default thermal-4x3).")
    String template;

    @Option(names = "--json", description = "Print [{\"name\",\"ready\",\"problem\"}].")
    boolean json;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (test != null) {
            try (Station station = root.openStation()) {
                var o = station.printing()
                        .testBadge(StationCommand.CLI, test, template)
                        .join();
                out.println(o.handedOver() ? "A test badge went to " + test + "." : PrintOutput.message(o));
                return o.handedOver() ? 0 : PrintOutput.NOT_PRINTED;
            }
        }
        Texts words = Texts.english();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Printers.Found p : Printers.survey()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("ready", p.state().ready());
            m.put("problem", p.state().ready() ? null : words.printer(p.state(), p.name()));
            m.put("state", p.state().condition().name());
            docs.add(m);
        }
        if (json) {
            out.println(Json.write(docs));
        } else if (docs.isEmpty()) {
            out.println("No printer queues are set up on this computer.");
        } else {
            docs.forEach(
                    d -> out.println(d.get("name") + ": " + (d.get("problem") == null ? "ready" : d.get("problem"))));
        }
        return 0;
    }
}
