package org.arrivals.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.arrivals.store.AtomicFile;

/**
 * The hub's TLS key and certificate. By default the hub makes its own on first start and keeps it
 * in its data folder ({@code HOME/hub/tls.p12}, readable by its owner only); {@code --tls-keystore}
 * uses an organization's instead. Stations pin the certificate's SHA-256 ({@link #fingerprint()}),
 * which {@code arrivals hub fingerprint} prints and set-up codes carry.
 */
public final class HubTls {
    /** The generated keystore, beside the hub's H2 database. */
    public static final String FILE = "tls.p12";
    /** The generated keystore's password: the file's owner-only permissions protect it, as they do the database. */
    private static final char[] GENERATED_PASSWORD = "arrivals-hub".toCharArray();

    private static final String ALIAS = "hub";
    /** A generated certificate is valid this long (an event's hub is made anew long before). */
    static final Duration VALIDITY = Duration.ofDays(3 * 365);

    private final KeyStore keystore;
    private final char[] password;
    private final X509Certificate certificate;

    private HubTls(KeyStore keystore, char[] password, X509Certificate certificate) {
        this.keystore = keystore;
        this.password = password;
        this.certificate = certificate;
    }

    /** The hub's own key and certificate in {@code hubDir}, made (once) when there is none. */
    public static synchronized HubTls ownIn(Path hubDir) {
        Path file = hubDir.resolve(FILE);
        if (!Files.exists(file)) {
            make(file);
        }
        return load(file, GENERATED_PASSWORD);
    }

    /** True when the hub in {@code hubDir} has made its own certificate. */
    public static boolean exists(Path hubDir) {
        return Files.exists(hubDir.resolve(FILE));
    }

    /** An organization's keystore (PKCS#12, or JKS by its extension). */
    public static HubTls load(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(
                    keystore.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password);
            X509Certificate cert = null;
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Certificate c = ks.getCertificate(alias);
                    if (c instanceof X509Certificate x) {
                        cert = x;
                        break;
                    }
                }
            }
            if (cert == null) {
                throw new IllegalArgumentException("The keystore " + keystore + " holds no key with a certificate.");
            }
            return new HubTls(ks, password, cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot use the keystore " + keystore + " for TLS: " + e.getMessage()
                            + ". Make one with: keytool -genkeypair -keyalg EC -alias hub -keystore hub.p12 -storetype PKCS12 "
                            + "-dname CN=HOSTNAME -ext SAN=dns:HOSTNAME",
                    e);
        }
    }

    public SSLContext context() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keystore, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the hub's key for TLS: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate's SHA-256 (of its DER) as 32 upper-case hex pairs with colons, as openssl prints it. */
    public String fingerprint() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(fingerprintBytes());
    }

    public byte[] fingerprintBytes() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the hub's certificate", e);
        }
    }

    private static void make(Path file) {
        String host = hostName();
        Set<String> names = new LinkedHashSet<>();
        names.add(host);
        names.add("localhost");
        SelfSignedCertificate.Made made = SelfSignedCertificate.make(
                "Arrivals hub " + host,
                new ArrayList<>(names),
                addresses(),
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(VALIDITY));
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, made.keys().getPrivate(), GENERATED_PASSWORD, new Certificate[] {made.certificate()});
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, out -> {
                try {
                    ks.store(out, GENERATED_PASSWORD);
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            });
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot keep the hub's certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.matches("[A-Za-z0-9.-]{1,253}") ? h : "localhost";
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The addresses a station may reach this machine at: its interfaces' (loopback included). */
    static List<InetAddress> addresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (!a.isLinkLocalAddress()) {
                        out.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            out.add(InetAddress.getLoopbackAddress());
        }
        return out;
    }

    /**
     * The address a set-up code names by default: the first site-local IPv4 address of this
     * machine (a venue network rarely has names), else its host name.
     */
    public static String defaultHost() {
        for (InetAddress a : addresses()) {
            if (a instanceof java.net.Inet4Address && a.isSiteLocalAddress()) {
                return a.getHostAddress();
            }
        }
        return hostName();
    }
}
