package org.arrivals.hub;

import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** The hub's TLS from an organization's keystore ({@link HubTls#load}). */
public final class Tls {
    private Tls() {}

    public static SSLContext context(Path keystore, char[] password) {
        return HubTls.load(keystore, password).context();
    }
}
