package org.arrivals.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The hub's TLS: its key and certificate from a PKCS#12 (or JKS) keystore, e.g. made with keytool. */
public final class Tls {
    private Tls() {}

    public static SSLContext context(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(
                    keystore.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot use the keystore " + keystore + " for TLS: " + e.getMessage()
                            + ". Make one with: keytool -genkeypair -keyalg EC -alias hub -keystore hub.p12 -storetype PKCS12 "
                            + "-dname CN=HOSTNAME -ext SAN=dns:HOSTNAME",
                    e);
        }
    }
}
