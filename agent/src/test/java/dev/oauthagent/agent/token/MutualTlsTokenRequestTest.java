package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.PrivateKeyConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.auth.key.TestClientCertificate;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tls_client_auth against a JDK TLS server that asks for client certificates: the token request presents the
 * configured certificate and sends client_id without a secret; the application's own connection in the same JVM
 * presents none, and nothing JVM-wide changed.
 */
class MutualTlsTokenRequestTest {
    private static final String PASSWORD = "store-Password-never-printed";

    @TempDir
    static Path dir;
    private static TlsFixture tls;
    private static TestClientCertificate client;
    private static TestClientCertificate renewed;
    private HttpsServer server;
    /** The first certificate each request presented, or null when it presented none. */
    private final List<X509Certificate> presented = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;

    @BeforeAll
    static void makeCertificates() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        tls = TlsFixture.create(dir);
        client = TestClientCertificate.create(dir, "client", "EC", PASSWORD);
        renewed = TestClientCertificate.create(dir, "renewed", "EC", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** @param need true: a handshake without a client certificate fails; false: it is asked for but optional */
    private URI start(boolean need) throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext("loopback",
                new TrustManager[] {new AnyClientCertificate()})) {
            @Override
            public void configure(HttpsParameters params) {
                // Through SSLParameters: HttpsParameters' own setters are applied need-then-want, so want clears need.
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                if (need) {
                    ssl.setNeedClientAuth(true);
                } else {
                    ssl.setWantClientAuth(true);
                }
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                try {
                    Certificate[] peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
                    presented.add((X509Certificate) peer[0]);
                } catch (SSLPeerUnverifiedException e) {
                    presented.add(null);
                }
                try (InputStream in = exchange.getRequestBody()) {
                    bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = (refuse ? "{\"error\":\"invalid_client\"}" : TokenEndpointClientTest.OK_BODY)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(refuse ? 401 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + FaultyTokenServer.PATH);
    }

    private static ClientConfig mutualTls(URI tokenUrl, Path key, Path chain) {
        return TestClients.billing(tokenUrl).allowHttp(false).clientSecret(null)
                .clientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).privateKey(new PrivateKeyConfig(key, null, null))
                .clientCertificate(chain).truststore(tls.truststore("loopback"))
                .truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "test")).truststoreType("PKCS12").build();
    }

    @Test
    void theTokenRequestPresentsTheConfiguredCertificateAndSendsTheClientIdWithoutSecret() throws Exception {
        URI url = start(true);

        AccessToken token = new TokenEndpointClient(mutualTls(url, client.keyPem, client.chainPem)).fetch();

        assertThat(token.value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        assertThat(presented).containsExactly(client.certificate);
        assertThat(bodies.get(0)).contains("grant_type=client_credentials").contains("client_id=billing-service")
                .doesNotContain("client_secret").doesNotContain("client_assertion");
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void aKeystoreHoldingKeyAndCertificateIsPresentedToo() throws Exception {
        URI url = start(true);
        ClientConfig fromStore = TestClients.billing(url).allowHttp(false).clientSecret(null)
                .clientAuth(ClientAuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
                .privateKey(new PrivateKeyConfig(renewed.keyStore, Secret.of(PASSWORD, "test"), null))
                .truststore(tls.truststore("loopback")).truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "test"))
                .truststoreType("PKCS12").build();

        new TokenEndpointClient(fromStore).fetch();

        assertThat(presented).containsExactly(renewed.certificate);
    }

    @Test
    void theApplicationsOwnHttpsConnectionInTheSameJvmPresentsNoCertificate() throws Exception {
        URI url = start(false);
        SSLContext jvmDefault = SSLContext.getDefault();
        SSLSocketFactory jvmDefaultFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        new TokenEndpointClient(mutualTls(url, client.keyPem, client.chainPem)).fetch();

        HttpsURLConnection app = (HttpsURLConnection) url.resolve("/api/orders").toURL().openConnection();
        app.setSSLSocketFactory(applicationTrusting().getSocketFactory());
        assertThat(app.getResponseCode()).isEqualTo(HttpURLConnection.HTTP_OK);
        app.disconnect();

        assertThat(presented).containsExactly(client.certificate, null);
        assertThat(SSLContext.getDefault()).isSameAs(jvmDefault);
        assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(jvmDefaultFactory);
        assertThat(System.getProperty("javax.net.ssl.keyStore")).isNull();
    }

    @Test
    void aRenewedCertificateMovedIntoPlaceIsPresentedFromTheNextRequest() throws Exception {
        URI url = start(true);
        Path key = Files.copy(client.keyPem, dir.resolve("live-key.pem"), StandardCopyOption.REPLACE_EXISTING);
        Path chain = Files.copy(client.chainPem, dir.resolve("live-chain.pem"), StandardCopyOption.REPLACE_EXISTING);
        TokenEndpointClient tokens = new TokenEndpointClient(mutualTls(url, key, chain));
        tokens.fetch();

        Files.move(Files.copy(renewed.keyPem, dir.resolve("next-key.pem")), key, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.move(Files.copy(renewed.chainPem, dir.resolve("next-chain.pem")), chain,
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        tokens.fetch();

        assertThat(presented).containsExactly(client.certificate, renewed.certificate);
    }

    @Test
    void aChainReplacedByAnotherClientsFailsTheTokenRequestNamingTheKeyToFixAndSendsNothing() throws Exception {
        URI url = start(true);
        Path chain = Files.copy(client.chainPem, dir.resolve("mismatch-chain.pem"), StandardCopyOption.REPLACE_EXISTING);
        TokenEndpointClient tokens = new TokenEndpointClient(mutualTls(url, client.keyPem, chain));
        tokens.fetch();
        Files.move(Files.copy(renewed.chainPem, dir.resolve("other-chain.pem")), chain,
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        TokenFetchException e = org.assertj.core.api.Assertions.catchThrowableOfType(TokenFetchException.class,
                tokens::fetch);

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(TokenFetchException.Kind.TERMINAL);
        assertThat(e.getMessage()).contains("oauth.agent.clients.billing.client-certificate file " + chain
                + " holds a certificate (subject CN=client) that does not belong to the key in private-key "
                + client.keyPem).doesNotContain(PASSWORD);
        assertThat(presented).hasSize(1);
    }

    @Test
    void anInvalidClientNamesTheCertificateItsSubjectAndTheLikelyCausesNotAPublicClient() throws Exception {
        URI url = start(true);
        refuse = true;

        TokenFetchException e = org.assertj.core.api.Assertions.catchThrowableOfType(TokenFetchException.class,
                () -> new TokenEndpointClient(mutualTls(url, client.keyPem, client.chainPem)).fetch());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("answered invalid_client (401): The server refused client id "
                + "'billing-service' authenticated with tls_client_auth by the certificate in " + client.chainPem
                + " (subject CN=client)").contains("the subject DN the server registered for this client")
                .contains("mtls_endpoint_aliases").doesNotContain("public client");
        assertThat(presented).containsExactly(client.certificate);
    }

    /** What an application builds to trust the test server: its own context, no key of its own. */
    private static SSLContext applicationTrusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.truststore("loopback"))) {
            trusted.load(in, TlsFixture.TRUST_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The test server takes any client certificate: which one was presented is what the tests look at. */
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
