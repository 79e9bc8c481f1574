package org.arrivals.cli;

import java.util.List;
import org.arrivals.station.ConfigCheck;
import picocli.CommandLine.Command;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check the station's settings (HOME/station.properties), the badge templates and the logging "
                    + "configuration in the kiosk-config folder; each problem names its file, its setting and the fix.",
            "Exit 0 when nothing is wrong (warnings allowed), 1 when something must be fixed."
        })
final class CheckCommand extends HomeCommand {
    @Override
    public Integer call() {
        List<ConfigCheck.Finding> findings = ConfigCheck.run(root.resolvedHome(), root.resolvedConfig());
        findings.forEach(f -> out().println(f));
        return findings.stream().anyMatch(f -> f.severity() == ConfigCheck.Severity.ERROR) ? 1 : 0;
    }
}
