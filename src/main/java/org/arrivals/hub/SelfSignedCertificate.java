package org.arrivals.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The hub's own certificate, made on its first start: an EC P-256 key pair and a self-signed
 * X.509 v3 certificate naming the hub's host names and addresses. Stations do not trust it
 * because of who signed it (no one did) but because its SHA-256 is pinned in their set-up codes.
 *
 * <p>The JDK makes the key and the signature and parses the result back (so a malformed
 * certificate fails here, not at a station); only the certificate's DER framing is written here:
 * the JDK has no public API that builds one, and a library for that (BouncyCastle, 10 MB) or the
 * JDK's internal {@code sun.security.x509} classes (which need {@code --add-exports} in every
 * launcher) cost more than these few fields.
 */
final class SelfSignedCertificate {
    private static final byte[] ECDSA_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
    private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
    private static final byte[] SUBJECT_ALT_NAME = oid(2, 5, 29, 17);

    record Made(KeyPair keys, X509Certificate certificate) {}

    private SelfSignedCertificate() {}

    static Made make(
            String commonName, List<String> dnsNames, List<InetAddress> addresses, Instant from, Instant until) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = g.generateKeyPair();
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            serial[0] &= 0x7f;
            serial[0] |= 0x01; // positive and without a leading zero byte
            byte[] algorithm = seq(ECDSA_SHA256);
            byte[] name = seq(set(seq(COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
            ByteArrayOutputStream sans = new ByteArrayOutputStream();
            for (String dns : dnsNames) {
                sans.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
            }
            for (InetAddress a : addresses) {
                sans.writeBytes(tlv(0x87, a.getAddress()));
            }
            byte[] extensions = tlv(0xa3, seq(seq(SUBJECT_ALT_NAME, tlv(0x04, tlv(0x30, sans.toByteArray())))));
            byte[] tbs = seq(
                    tlv(0xa0, tlv(0x02, new byte[] {2})), // version 3
                    tlv(0x02, new BigInteger(serial).toByteArray()),
                    algorithm,
                    name,
                    seq(time(from), time(until)),
                    name,
                    keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, as the JDK encodes it
                    extensions);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(keys.getPrivate());
            s.update(tbs);
            byte[] signature = s.sign();
            byte[] bits = new byte[signature.length + 1]; // no unused bits
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
            X509Certificate cert = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            cert.verify(keys.getPublic());
            return new Made(keys, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the hub's certificate: " + e.getMessage(), e);
        }
    }

    /** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
    private static byte[] time(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (z.getYear() < 2050) {
            return tlv(
                    0x17,
                    DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(z).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(
                0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(z).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER value: its tag, its length (short or long form), its content. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** An OBJECT IDENTIFIER from its arcs. */
    static byte[] oid(long... arcs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((int) (arcs[0] * 40 + arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long v = arcs[i];
            int groups = 1;
            for (long t = v >>> 7; t > 0; t >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((v >>> (7 * g)) & 0x7f);
                body.write(g == 0 ? b : b | 0x80);
            }
        }
        return tlv(0x06, body.toByteArray());
    }
}
