package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.ClientJwks;
import dev.oauthagent.e2e.support.CloseAll;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.Jwt;
import dev.oauthagent.e2e.support.ResourceServer;
import dev.oauthagent.e2e.support.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tls_client_auth and self_signed_tls_client_auth under the agent against the real Spring Authorization Server over
 * https with client certificates asked for: a real JVM gets tokens with the certificate of private-key and
 * client-certificate (issued by a test CA the server trusts), or of a keystore (self-signed, in the client's JWK set
 * as x5c); the resource server accepts them, and each token is bound to that certificate (cnf.x5t#S256). The
 * application's own https request, which carries the token, presents no client certificate.
 */
class MutualTlsClientAuthIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PASSWORD = "mtls-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    private static ClientJwks jwks;
    private static AuthServer auth;
    private static ResourceServer api;
    private static ResourceServer bindingApi;
    private static HttpsServer appServer;
    private static X509Certificate clientCertificate;
    private static Path selfSignedStore;
    private static X509Certificate selfSignedCertificate;
    private static Path keyPem;
    private static Path chainPem;
    private static String keyPemBody;
    /** Per request to {@link #appServer}: whether it presented a client certificate, and its Authorization header. */
    private static final List<Boolean> presented = new CopyOnWriteArrayList<>();
    private static final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        X509Certificate ca = clientCertificateIssuedByATestCa();
        selfSignedStore = dir.resolve("self-signed.p12");
        // keytool's default curve follows the JDK (P-384 from JDK 20); the client's JWK is a P-256 one.
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=self-signed-mtls-client",
                "-validity", "2", "-keystore", selfSignedStore.toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD);
        selfSignedCertificate = (X509Certificate) load(selfSignedStore).getCertificate("client");
        jwks = ClientJwks.serve("self-1", selfSignedCertificate);
        Path clientTrust = trustStore(ca, selfSignedCertificate);
        auth = AuthServer.builder().tls(TestTls.get()).clientJwkSetUrl(jwks.url())
                .mutualTls("CN=mtls-client", clientTrust, PASSWORD).start();
        api = ResourceServer.start(auth);
        bindingApi = ResourceServer.startCheckingCertificateBinding(auth, TestTls.get(), clientTrust, PASSWORD);
        appServer = recordingHttpsServer();
    }

    @AfterAll
    static void stop() {
        if (appServer != null) {
            appServer.stop(0);
        }
        CloseAll.of(api, bindingApi, auth, jwks);
    }

    @Test
    void tlsClientAuthWithAPemKeyAndChainGetsCertificateBoundTokensAndTheApplicationsHttpsPresentsNone()
            throws Exception {
        assertBoundTokens(AuthServer.MTLS_CLIENT_ID, clientCertificate, "client-auth=tls_client_auth",
                "private-key=" + keyPem, "client-certificate=" + chainPem);
    }

    @Test
    void selfSignedTlsClientAuthWithAKeystoreGetsCertificateBoundTokensAndTheApplicationsHttpsPresentsNone()
            throws Exception {
        assertBoundTokens(AuthServer.SELF_SIGNED_MTLS_CLIENT_ID, selfSignedCertificate,
                "client-auth=self_signed_tls_client_auth", "private-key=" + selfSignedStore,
                "private-key-password=${env:KEY_PASSWORD}");
    }

    /**
     * A resource server that checks the binding accepts the token only on a connection presenting the certificate:
     * the agent never presents it on the application's connections, so an application that wants such an API
     * presents it itself (here through javax.net.ssl.keyStore, the same keystore as private-key).
     */
    @Test
    void aResourceServerCheckingTheBindingAcceptsTheTokenOnlyWhereTheApplicationPresentsTheCertificateItself()
            throws Exception {
        Path config = config(AuthServer.SELF_SIGNED_MTLS_CLIENT_ID, "client-auth=self_signed_tls_client_auth",
                "private-key=" + selfSignedStore, "private-key-password=${env:KEY_PASSWORD}");
        long accepted = bindingApi.accepted();
        long rejected = bindingApi.rejected();
        List<String> trustOnly = TestTls.get().trustStoreJvmArgs();
        List<String> withOwnCertificate = new ArrayList<>(trustOnly);
        withOwnCertificate.addAll(List.of("-Djavax.net.ssl.keyStore=" + selfSignedStore,
                "-Djavax.net.ssl.keyStorePassword=" + PASSWORD, "-Djavax.net.ssl.keyStoreType=PKCS12"));

        try (JavaProcess app = bindingApp(config, trustOnly)) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isEqualTo(1);
            assertThat(app.stdout()).contains("DONE ok=0 failed=1");
        }
        assertThat(bindingApi.rejected()).isEqualTo(rejected + 1);
        try (JavaProcess app = bindingApp(config, withOwnCertificate)) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=1 failed=0");
            assertThat(app.stdout() + app.stderr()).doesNotContain("eyJ").doesNotContain(PASSWORD);
        }
        assertThat(bindingApi.accepted()).isEqualTo(accepted + 1);
    }

    private static JavaProcess bindingApp(Path config, List<String> jvmArgs) {
        return JavaProcess.builder("urlconnection-app")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .env("TRUST_PASSWORD", TestTls.get().password())
                .env("KEY_PASSWORD", PASSWORD)
                .args("--url=" + bindingApi.helloUrl())
                .start();
    }

    /**
     * The application calls the resource server (http) and its own https server once each: the first accepts the
     * token, the second records it and whether a client certificate came.
     */
    private static void assertBoundTokens(String clientId, X509Certificate certificate, String... lines)
            throws Exception {
        presented.clear();
        authorizations.clear();
        long accepted = api.accepted();
        long granted = auth.tokenRequests(clientId, "client_credentials", 200);
        String appUrl = "https://127.0.0.1:" + appServer.getAddress().getPort() + "/api/orders";
        try (JavaProcess app = JavaProcess.builder("urlconnection-app")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config(clientId, lines))
                .jvmArgs(TestTls.get().trustStoreJvmArgs().toArray(new String[0]))
                .env("TRUST_PASSWORD", TestTls.get().password())
                .env("KEY_PASSWORD", PASSWORD)
                .args("--url=" + api.helloUrl(), "--url=" + appUrl)
                .start()) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=2 failed=0");
            assertThat(app.stdout() + app.stderr()).doesNotContain("eyJ").doesNotContain(PASSWORD)
                    .doesNotContain(keyPemBody.substring(0, 40));
        }
        assertThat(api.accepted()).isEqualTo(accepted + 1);
        assertThat(auth.tokenRequests(clientId, "client_credentials", 200)).isGreaterThan(granted);
        assertThat(presented).containsExactly(false);
        assertThat(authorizations).hasSize(1);
        assertThat(authorizations.get(0)).startsWith("Bearer ");
        Jwt token = Jwt.decode(authorizations.get(0).substring("Bearer ".length()));
        assertThat(token.stringClaim("sub")).isEqualTo(clientId);
        assertThat(token.claims().get("cnf")).isEqualTo(Map.of("x5t#S256", thumbprint(certificate)));
    }

    private static Path config(String clientId, String... lines) throws IOException {
        String p = "oauth.agent.clients.api.";
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(p).append(line).append('\n');
        }
        text.append(p + "token-url=" + auth.tokenUrl() + "\n"
                + p + "client-id=" + clientId + "\n"
                + p + "truststore=" + TestTls.get().trustStore() + "\n"
                + p + "truststore-password=${env:TRUST_PASSWORD}\n"
                + p + "truststore-type=PKCS12\n"
                + p + "hosts=127.0.0.1:" + api.url().getPort() + ", 127.0.0.1:" + appServer.getAddress().getPort()
                + ", 127.0.0.1:" + bindingApi.url().getPort() + "\n"
                + p + "paths=/api\n"
                + p + "allow-http=true\n");
        return Files.writeString(dir.resolve(clientId + ".properties"), text);
    }

    /** RFC 8705 §3.1, computed here from the certificate, not by the server's code. */
    private static String thumbprint(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /**
     * The application's own https server: asks for a client certificate (want) and takes any, recording whether one
     * came; the certificate of {@link TestTls}, which the application trusts through javax.net.ssl.trustStore.
     */
    private static HttpsServer recordingHttpsServer() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestTls.get().keyStore())) {
            store.load(in, TestTls.get().password().toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestTls.get().password().toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), new TrustManager[] {new AnyClientCertificate()}, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setWantClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                try {
                    presented.add(((HttpsExchange) exchange).getSSLSession().getPeerCertificates().length > 0);
                } catch (SSLPeerUnverifiedException e) {
                    presented.add(false);
                }
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }

    /**
     * A CA and a client key whose certificate (CN=mtls-client) the CA issued, made by keytool: the key as a PKCS#8
     * PEM, the chain [client, CA] as a PEM file; Spring takes a chain of one as self-signed. Returns the CA's
     * certificate.
     */
    private static X509Certificate clientCertificateIssuedByATestCa() throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path client = dir.resolve("client.p12");
        Path request = dir.resolve("client.csr");
        Path issued = dir.resolve("client.cer");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=oauth-agent e2e CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-dname", "CN=mtls-client", "-validity", "2",
                "-keystore", client.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "client", "-keystore", client.toString(), "-storepass", PASSWORD, "-file",
                request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-infile",
                request.toString(), "-outfile", issued.toString(), "-validity", "2");
        X509Certificate caCertificate = (X509Certificate) load(ca).getCertificate("ca");
        try (InputStream in = Files.newInputStream(issued)) {
            clientCertificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey key = (PrivateKey) load(client).getKey("client", PASSWORD.toCharArray());
        keyPemBody = Base64.getMimeEncoder().encodeToString(key.getEncoded());
        keyPem = Files.writeString(dir.resolve("client-key.pem"), "-----BEGIN PRIVATE KEY-----\n" + keyPemBody
                + "\n-----END PRIVATE KEY-----\n");
        chainPem = Files.writeString(dir.resolve("client-chain.pem"), pem(clientCertificate) + pem(caCertificate));
        return caCertificate;
    }

    /** The auth server's trust for client certificates: Tomcat checks each presented chain against it. */
    private static Path trustStore(X509Certificate... trusted) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            trust.setCertificateEntry("trusted-" + i, trusted[i]);
        }
        Path trustFile = dir.resolve("client-trust.p12");
        try (OutputStream out = Files.newOutputStream(trustFile)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return trustFile;
    }

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        keytool.getOutputStream().close();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    /** The application's server takes any client certificate: whether one came is what the test looks at. */
    private static final class AnyClientCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a server's trust only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
