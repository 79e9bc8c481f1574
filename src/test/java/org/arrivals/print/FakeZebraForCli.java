package org.arrivals.print;

import java.io.IOException;

/** The loopback Zebra, opened up for tests in other packages. */
public final class FakeZebraForCli implements AutoCloseable {
    private final FakeZebra zebra;

    public FakeZebraForCli() throws IOException {
        zebra = new FakeZebra();
    }

    public int port() {
        return zebra.port();
    }

    public void paperOut(boolean value) {
        zebra.paperOut = value;
    }

    public int jobCount() {
        return zebra.jobs.size();
    }

    @Override
    public void close() throws IOException {
        zebra.close();
    }
}
