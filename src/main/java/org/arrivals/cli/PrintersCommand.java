package org.arrivals.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arrivals.print.SpoolerPrinter;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "printers", mixinStandardHelpOptions = true,
        description = "The printer queues this computer knows, with their state.")
final class PrintersCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print [{\"name\",\"ready\",\"problem\"}].")
    boolean json;

    @Override
    public Integer call() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String name : SpoolerPrinter.queues()) {
            String problem = Station.printer(name).problem();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("ready", problem == null);
            m.put("problem", problem);
            docs.add(m);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(docs));
        } else if (docs.isEmpty()) {
            out.println("No printer queues are set up on this computer.");
        } else {
            docs.forEach(d -> out.println(d.get("name") + ": " + (d.get("problem") == null ? "ready" : d.get("problem"))));
        }
        return 0;
    }
}
