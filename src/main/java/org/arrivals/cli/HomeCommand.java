package org.arrivals.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A subcommand of {@code arrivals} itself: it reads the global options (home, event, key, config)
 * from {@link #root} and prints through picocli, so tests capture what an operator would see.
 */
abstract class HomeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ArrivalsCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
