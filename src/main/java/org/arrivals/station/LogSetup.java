package org.arrivals.station;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the station's configuration once the data folder is known: the organizer's
 * {@code kiosk-config/logback.xml} if there is one, with {@code ARRIVALS_HOME} set so its rolling
 * file lands in the data folder. Until then the built-in {@code logback.xml} logs only warnings to
 * standard error, which keeps the CLI's standard output clean JSON.
 */
public final class LogSetup {
    private LogSetup() {}

    /** Back to the built-in configuration (warnings on standard error); for tests that configured a station. */
    public static void restoreDefault() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("the built-in logback.xml is broken", e);
            }
        }
    }

    public static void configure(Path home, Path configDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Path file = configDir == null ? null : configDir.resolve("logback.xml");
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        context.reset();
        context.putProperty("ARRIVALS_HOME", home.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(file.toFile());
        } catch (JoranException e) {
            System.err.println("Logging configuration " + file + " is not valid (" + e.getMessage()
                    + "); logging warnings to the console only.");
        }
    }
}
