package dev.oauthagent.testapps.authserver;

import static dev.oauthagent.testapps.authserver.TokenEndpoint.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutual-TLS registrations over https with client certificates asked for (server.ssl.client-auth=want, the
 * client certificates in Tomcat's trust store): tls_client_auth matched by the certificate's subject DN,
 * self_signed_tls_client_auth by the certificate in the client's JWK set (x5c), served by this test. Both get
 * access tokens bound to the certificate (cnf.x5t#S256); without a certificate the same request is refused.
 */
class MutualTlsClientsTest {
    private static final String PASSWORD = "mtls-test-store-pass";

    @TempDir
    static Path dir;
    private static InProcessServer server;
    private static JwkSetServer jwks;
    private static KeyStore mtlsClient;
    private static KeyStore selfSignedClient;
    private static KeyStore serverStore;

    @BeforeAll
    static void start() throws Exception {
        Path serverFile = keyPair("server", "EC", "CN=127.0.0.1", "san=ip:127.0.0.1");
        Path mtlsFile = caSigned("mtls", "RSA", "CN=mtls-client");
        Path selfFile = keyPair("self", "EC", "CN=self-signed-mtls-client", null);
        serverStore = load(serverFile);
        mtlsClient = load(mtlsFile);
        selfSignedClient = load(selfFile);
        KeyStore clientTrust = KeyStore.getInstance("PKCS12");
        clientTrust.load(null, null);
        // tls_client_auth: the CA that issued the client's certificate; self-signed: the certificate itself.
        clientTrust.setCertificateEntry("ca", mtlsClient.getCertificateChain("mtls")[1]);
        clientTrust.setCertificateEntry("self", selfSignedClient.getCertificate("self"));
        Path trustFile = dir.resolve("client-trust.p12");
        try (OutputStream out = Files.newOutputStream(trustFile)) {
            clientTrust.store(out, PASSWORD.toCharArray());
        }
        X509Certificate self = certificate(selfSignedClient, "self");
        // Built by hand: JWK.parse(X509Certificate) needs Bouncy Castle.
        JWK withCertificate = new ECKey.Builder(Curve.P_256, (ECPublicKey) self.getPublicKey())
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(self.getEncoded()))).build();
        jwks = JwkSetServer.serve(new JWKSet(withCertificate));
        server = InProcessServer.start("--server.ssl.key-store=" + serverFile,
                "--server.ssl.key-store-password=" + PASSWORD, "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.client-auth=want", "--server.ssl.trust-store=" + trustFile,
                "--server.ssl.trust-store-password=" + PASSWORD, "--server.ssl.trust-store-type=PKCS12",
                "--mtls-client-subject-dn=CN=mtls-client",
                jwks.option());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void theTlsClientAuthClientGetsATokenBoundToItsCertificateAndNothingWithoutIt() throws Exception {
        assertBoundToken(RegisteredClients.MTLS_CLIENT_ID, mtlsClient, "mtls");
    }

    @Test
    void theSelfSignedClientGetsATokenBoundToTheCertificateOfItsJwkSet() throws Exception {
        assertBoundToken(RegisteredClients.SELF_SIGNED_MTLS_CLIENT_ID, selfSignedClient, "self");
    }

    private static void assertBoundToken(String clientId, KeyStore client, String alias) throws Exception {
        URI token = server.endpoint("/oauth2/token");
        assertThat(token.getScheme()).isEqualTo("https");
        Map<String, String> form = fields("grant_type", "client_credentials", "client_id", clientId, "scope", "read");

        TokenEndpoint.Answer granted = TokenEndpoint.post(https(client), token, null, form);
        TokenEndpoint.Answer refused = TokenEndpoint.post(https(null), token, null, form);

        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        Map<String, Object> claims = SignedJWT.parse(granted.field("access_token")).getJWTClaimsSet().getClaims();
        assertThat(claims.get("sub")).isEqualTo(clientId);
        assertThat(claims.get("cnf")).isEqualTo(Map.of("x5t#S256", thumbprint(certificate(client, alias))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.field("error")).isEqualTo("invalid_client");
    }

    /** An HTTP client trusting the server, presenting {@code client}'s certificate (none when null). */
    private static HttpClient https(KeyStore client) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(serverStore);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        SSLContext tls = SSLContext.getInstance("TLS");
        if (client != null) {
            keys.init(client, PASSWORD.toCharArray());
        }
        tls.init(client == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(20)).build();
    }

    private static X509Certificate certificate(KeyStore store, String alias) throws Exception {
        return (X509Certificate) store.getCertificate(alias);
    }

    /** Computed here, not by {@link CertificateBinding}: the test must not check the server with its own code. */
    static String thumbprint(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /**
     * A key whose certificate a test CA issued, stored with the chain [certificate, CA]: Spring takes a chain of one
     * for self_signed_tls_client_auth, so a tls_client_auth client presents two.
     */
    private static Path caSigned(String alias, String algorithm, String dname) throws Exception {
        Path ca = keyPair("ca", "EC", "CN=oauth-agent test CA", "bc:c");
        Path file = keyPair(alias, algorithm, dname, null);
        Path request = dir.resolve(alias + ".csr");
        Path issued = dir.resolve(alias + ".cer");
        keytool("-certreq", "-alias", alias, "-keystore", file.toString(), "-storepass", PASSWORD, "-file",
                request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-infile",
                request.toString(), "-outfile", issued.toString(), "-validity", "2");
        KeyStore store = load(file);
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(issued)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        store.setKeyEntry(alias, store.getKey(alias, PASSWORD.toCharArray()), PASSWORD.toCharArray(),
                new Certificate[] {certificate, load(ca).getCertificate("ca")});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static Path keyPair(String alias, String algorithm, String dname, String extension) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", alias, "-keyalg", algorithm, "-dname", dname, "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        if (algorithm.equals("EC")) {
            // keytool's default curve follows the JDK (P-384 from JDK 20); the JWK and ES256 need P-256.
            command.addAll(List.of("-groupname", "secp256r1"));
        }
        if (extension != null) {
            command.addAll(List.of("-ext", extension));
        }
        run(command);
        return file;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws Exception {
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
