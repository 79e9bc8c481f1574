package org.arrivals.sync;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust in one hub: the SHA-256 of its certificate (DER), pinned when the station joined. A hub
 * showing any other certificate is refused during the TLS handshake, whoever signed it: no
 * certificate authority is involved, so a venue network cannot slip one in. The host name is not
 * checked (the pin names the hub exactly, whatever address it is reached at).
 */
public final class PinnedCertificate {
    private final byte[] sha256;

    private PinnedCertificate(byte[] sha256) {
        this.sha256 = sha256;
    }

    /**
     * A fingerprint as {@code openssl x509 -fingerprint -sha256} prints it (32 hex pairs, colons
     * optional, any case).
     *
     * @throws IllegalArgumentException when it is not 32 hex pairs
     */
    public static PinnedCertificate of(String fingerprint) {
        String hex =
                fingerprint == null ? "" : fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "A certificate fingerprint is 32 hex pairs separated by colons (arrivals hub fingerprint prints it).");
        }
        return new PinnedCertificate(HexFormat.of().parseHex(hex));
    }

    public static PinnedCertificate of(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("A certificate fingerprint is 32 bytes.");
        }
        return new PinnedCertificate(sha256.clone());
    }

    /** The DER SHA-256 of {@code cert} as 32 upper-case hex pairs with colons, as openssl prints it. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return format(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash a certificate", e);
        }
    }

    public static String format(byte[] sha256) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }

    public String fingerprint() {
        return format(sha256);
    }

    public byte[] bytes() {
        return sha256.clone();
    }

    /** A certificate that is not the pinned one. */
    public static final class Mismatch extends CertificateException {
        private static final long serialVersionUID = 1L;

        Mismatch(String shown) {
            super("the hub showed the certificate " + shown + ", not the one this station pinned");
        }
    }

    /** A TLS context that trusts the pinned certificate and nothing else. */
    public SSLContext context() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Trust()}, new SecureRandom());
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the hub showed no certificate");
        }
        byte[] shown;
        try {
            shown = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
        if (!MessageDigest.isEqual(shown, sha256)) {
            throw new Mismatch(format(shown));
        }
    }

    /**
     * An extended trust manager: the JDK then leaves the host name check to it (a plain one would
     * be wrapped in the JDK's own host name check), and it checks the pin alone.
     */
    private final class Trust extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a station trusts no client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a station trusts no client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a station trusts no client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
