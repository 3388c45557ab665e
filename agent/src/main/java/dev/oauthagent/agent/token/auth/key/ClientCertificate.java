package dev.oauthagent.agent.token.auth.key;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The key and certificate chain the mutual-TLS methods (RFC 8705 tls_client_auth, self_signed_tls_client_auth)
 * present: the key from {@code private-key} as {@link PrivateKeyFile} loads it, the chain from
 * {@code client-certificate} (PEM) or, for a keystore, from the key's own entry. Loading checks what would make
 * every handshake fail or be refused: a key that is not the certificate's, and a certificate outside its validity.
 * Messages name files and dates, never the key or the password.
 */
public final class ClientCertificate {
    private static final String CERTIFICATE = "client-certificate";
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private ClientCertificate(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
    }

    public PrivateKey key() { return key; }

    /** The client's certificate first, then its issuers as the file lists them. */
    public List<X509Certificate> chain() { return chain; }

    /**
     * @param certificateFile the PEM chain; null when {@code keyFile} is a keystore whose entry holds it
     * @param now             the time the certificate must be valid at
     * @throws KeyLoadException its message completes "client '&lt;name&gt;': "
     */
    public static ClientCertificate load(Path keyFile, char[] password, String alias, Path certificateFile,
            Instant now) throws KeyLoadException {
        KeyEntry entry = PrivateKeyFile.loadEntry(keyFile, password, alias);
        List<X509Certificate> chain;
        String source;
        if (certificateFile != null) {
            if (!entry.chain().isEmpty()) {
                throw new KeyLoadException(CERTIFICATE, "is set, but private-key " + keyFile + " is a keystore "
                        + "whose entry holds the certificate; remove client-certificate, or point private-key at a "
                        + "PEM key");
            }
            chain = pemChain(certificateFile);
            source = certificateFile.toString();
        } else if (entry.chain().isEmpty()) {
            throw new KeyLoadException(CERTIFICATE, "is required: private-key " + keyFile
                    + (alias == null ? "" : " (alias " + alias + ")") + " holds a key without a certificate; set "
                    + "client-certificate to the client's certificate chain (PEM, the client's own first), or point "
                    + "private-key at a keystore holding the key with its certificate");
        } else {
            chain = entry.chain();
            source = keyFile + (alias == null ? "" : " (alias " + alias + ")");
        }
        X509Certificate own = chain.get(0);
        String blamed = certificateFile != null ? CERTIFICATE : "private-key";
        String subject = "file " + source + " holds a certificate (subject " + own.getSubjectX500Principal() + ")";
        if (!belongTogether(entry.key(), own.getPublicKey())) {
            throw new KeyLoadException(blamed, subject + " that does not belong to the key in private-key " + keyFile
                    + ": its public key is another one; point both keys at the same client's files");
        }
        Instant from = own.getNotBefore().toInstant();
        Instant until = own.getNotAfter().toInstant();
        if (now.isAfter(until)) {
            throw new KeyLoadException(blamed, subject + " that expired at " + until + " (valid from " + from
                    + " to " + until + "); renew the certificate and register the new one with the server");
        }
        if (now.isBefore(from)) {
            throw new KeyLoadException(blamed, subject + " that is not valid yet: valid from " + from + " to "
                    + until + "; check this machine's clock, or wait until it is valid");
        }
        return new ClientCertificate(entry.key(), chain);
    }

    private static List<X509Certificate> pemChain(Path file) throws KeyLoadException {
        byte[] content = PrivateKeyFile.read(file, "client-certificate", "the certificate chain's PEM file");
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new KeyLoadException(CERTIFICATE, "file " + file + " holds no certificate (no BEGIN CERTIFICATE "
                    + "line); point it at the client's certificate chain in PEM, the client's own first");
        }
        Collection<? extends Certificate> read;
        try {
            read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException(CERTIFICATE, "file " + file + " holds a certificate the JDK cannot parse ("
                    + e.getClass().getSimpleName() + "); export it again as PEM");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : read) {
            chain.add((X509Certificate) c);
        }
        if (chain.isEmpty()) {
            throw new KeyLoadException(CERTIFICATE, "file " + file + " holds no certificate the JDK can read; "
                    + "export it again as PEM");
        }
        return chain;
    }

    /** RSA keys share their modulus; any other pair proves itself by a signature over random bytes. */
    static boolean belongTogether(PrivateKey key, PublicKey certified) {
        if (key instanceof RSAKey && certified instanceof RSAKey) {
            return ((RSAKey) key).getModulus().equals(((RSAKey) certified).getModulus());
        }
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(challenge);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(certified);
            verify.update(challenge);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ClientCertificate{" + chain.get(0).getSubjectX500Principal() + "}";
    }
}
