package dev.oauthagent.agent.token.auth.key;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A client's key with a self-signed certificate, made by keytool, in both forms the mutual-TLS methods take: a
 * PKCS#12 keystore (alias {@link #ALIAS}) and a PKCS#8 PEM key beside a PEM certificate chain.
 */
public final class TestClientCertificate {
    public static final String ALIAS = "client";

    public final Path keyStore;
    public final String password;
    public final Path keyPem;
    public final Path chainPem;
    public final X509Certificate certificate;
    public final PrivateKey key;

    private TestClientCertificate(Path keyStore, String password, Path keyPem, Path chainPem,
            X509Certificate certificate, PrivateKey key) {
        this.keyStore = keyStore;
        this.password = password;
        this.keyPem = keyPem;
        this.chainPem = chainPem;
        this.certificate = certificate;
        this.key = key;
    }

    /** Subject CN={@code name}, valid for a day from now. */
    public static TestClientCertificate create(Path dir, String name, String keyAlgorithm, String password)
            throws Exception {
        return create(dir, name, keyAlgorithm, password, "+0d", 1);
    }

    /** @param startDate keytool's form: "-10d" starts ten days ago */
    public static TestClientCertificate create(Path dir, String name, String keyAlgorithm, String password,
            String startDate, int days) throws Exception {
        Path store = TestKeys.keyPairEntry(dir.resolve(name + ".p12"), "PKCS12", password, keyAlgorithm, ALIAS,
                startDate, days);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            loaded.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) loaded.getKey(ALIAS, password.toCharArray());
        X509Certificate certificate = (X509Certificate) loaded.getCertificate(ALIAS);
        return new TestClientCertificate(store, password, TestKeys.pem(dir.resolve(name + "-key.pem"), key),
                TestKeys.certificatePem(dir.resolve(name + "-chain.pem"), certificate), certificate, key);
    }
}
