package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.AuthenticatingProxy.Seen;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token requests through an HTTP proxy that requires Basic credentials: the client's proxy key, the JVM's proxy
 * properties as the agent found them, http.nonProxyHosts, and credentials that go to the proxy only.
 */
class TokenEndpointClientProxyTest {
    private static final String PROXY_USER = "agent-proxy-user";
    private static final String PROXY_PASSWORD = "pr0xy-Pass:word+odd";

    @TempDir
    static Path dir;
    private static TlsFixture tls;

    private FaultyTokenServer server;
    private AuthenticatingProxy proxy;

    @BeforeAll
    static void makeCertificates() throws Exception {
        tls = TlsFixture.create(dir);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private FaultyTokenServer httpsServer() throws Exception {
        server = FaultyTokenServer.https(tls.serverContext("loopback"), r -> Reply.json(200, TokenEndpointClientTest.OK_BODY));
        proxy = AuthenticatingProxy.requiring(PROXY_USER, PROXY_PASSWORD);
        return server;
    }

    private static ClientConfig.Builder overTls(URI tokenUrl) {
        return TestClients.billing(tokenUrl).allowHttp(false).truststore(tls.truststore("loopback"))
                .truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "env var TRUST_PASS")).truststoreType("PKCS12");
    }

    private static Secret user() {
        return Secret.of(PROXY_USER, "env var PROXY_USER");
    }

    private static Secret password(String value) {
        return Secret.of(value, "env var PROXY_PASSWORD");
    }

    /** The JVM as started with these properties; the loopback is not exempt unless they say so. */
    private static JvmProxySettings jvm(String... keysAndValues) {
        Properties p = new Properties();
        p.setProperty("http.nonProxyHosts", "");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return JvmProxySettings.of(p);
    }

    private static AccessToken fetch(ClientConfig config, JvmProxySettings jvm) throws TokenFetchException {
        return new TokenEndpointClient(config, Clock.systemUTC(), jvm).fetch();
    }

    private static TokenFetchException fails(ClientConfig config, JvmProxySettings jvm) {
        Duration bound = config.connectTimeout().plus(config.readTimeout()).plusSeconds(5);
        TokenFetchException e = assertTimeoutPreemptively(bound,
                () -> catchThrowableOfType(TokenFetchException.class, () -> fetch(config, jvm)));
        assertThat(e).as("fetch should have failed").isNotNull();
        System.out.println(e.kind() + ": " + e.getMessage());
        assertNoProxySecretIn(e.getMessage());
        return e;
    }

    private static void assertNoProxySecretIn(String text) {
        String basic = Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes());
        assertThat(text).doesNotContain(PROXY_PASSWORD).doesNotContain(basic).doesNotContain(TestClients.SECRET);
    }

    @Test
    void tokenIsFetchedOverTlsThroughTheConfiguredProxyWithItsCredentialsOnTheConnectOnly() throws Exception {
        httpsServer();
        ClientConfig config = overTls(server.tokenUrl()).proxy(proxy.url())
                .proxyCredentials(user(), password(PROXY_PASSWORD)).build();

        AccessToken token = fetch(config, jvm());

        assertThat(token.value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        assertThat(proxy.seen()).containsExactly(
                new Seen("CONNECT 127.0.0.1:" + server.tokenUrl().getPort() + " HTTP/1.1", true, true));
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).header("proxy-authorization")).as("sent through the tunnel").isNull();
        assertNoProxySecretIn(config.toString());
    }

    @Test
    void wrongProxyCredentialsFailWithAMessageNamingTheProxyKeysAndNothingReachesTheServer() throws Exception {
        httpsServer();
        ClientConfig config = overTls(server.tokenUrl()).proxy(proxy.url())
                .proxyCredentials(user(), password("not-the-" + PROXY_PASSWORD)).build();

        TokenFetchException e = fails(config, jvm());

        assertThat(e.getMessage()).contains("proxy 127.0.0.1:" + proxy.port() + " (from oauth.agent.clients.billing.proxy)")
                .contains("HTTP 407").contains("oauth.agent.clients.billing.proxy-user")
                .contains("oauth.agent.clients.billing.proxy-password").contains("env var PROXY_PASSWORD")
                .doesNotContain("not-the-");
        assertThat(proxy.seen()).singleElement().extracting(Seen::credentialsRight).isEqualTo(false);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aProxyPasswordRotatedInItsFileIsSentByTheRequestAfterTheProxyRefusedTheOldOne() throws Exception {
        httpsServer();
        Path file = dir.resolve("proxy-password");
        Files.writeString(file, "old-" + PROXY_PASSWORD);
        ClientConfig config = overTls(server.tokenUrl()).proxy(proxy.url())
                .proxyCredentials(user(), Secret.fromFile("old-" + PROXY_PASSWORD, file)).build();
        TokenEndpointClient client = new TokenEndpointClient(config, Clock.systemUTC(), jvm());

        TokenFetchException refused = catchThrowableOfType(TokenFetchException.class, client::fetch);
        assertThat(refused.getMessage()).contains("HTTP 407", "file " + file);
        Files.writeString(file, PROXY_PASSWORD); // the platform rotates the password, seconds later

        assertThat(client.fetch().value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        assertThat(proxy.seen()).extracting(Seen::credentialsRight).containsExactly(false, true);
        assertNoProxySecretIn(refused.getMessage());
    }

    @Test
    void aProxyAskingForCredentialsWhenNoneAreConfiguredSaysWhichKeysToSet() throws Exception {
        httpsServer();
        ClientConfig config = overTls(server.tokenUrl()).proxy(proxy.url()).build();

        TokenFetchException e = fails(config, jvm());

        assertThat(e.getMessage()).contains("asks for credentials (HTTP 407)")
                .contains("set oauth.agent.clients.billing.proxy-user and oauth.agent.clients.billing.proxy-password");
        assertThat(proxy.seen()).singleElement().extracting(Seen::hadCredentials).isEqualTo(false);
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectlyAndTheProxySeesNothing() throws Exception {
        httpsServer();
        ClientConfig config = overTls(server.tokenUrl()).proxy(proxy.url())
                .proxyCredentials(user(), password(PROXY_PASSWORD)).build();

        fetch(config, jvm("http.nonProxyHosts", "localhost|127.0.0.*"));
        fetch(config, JvmProxySettings.of(new Properties())); // unset: the JDK's default list, loopback included

        assertThat(server.requests()).hasSize(2);
        assertThat(proxy.seen()).isEmpty();
    }

    @Test
    void theJvmsHttpsProxyPropertiesAsAtStartAreUsedWithTheClientsProxyCredentials() throws Exception {
        httpsServer();
        ClientConfig config = overTls(server.tokenUrl()).proxyCredentials(user(), password(PROXY_PASSWORD)).build();

        fetch(config, jvm("https.proxyHost", "127.0.0.1", "https.proxyPort", String.valueOf(proxy.port())));

        assertThat(proxy.seen()).extracting(Seen::requestLine)
                .containsExactly("CONNECT 127.0.0.1:" + server.tokenUrl().getPort() + " HTTP/1.1");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theHttpProxyPropertiesDoNotApplyToAnHttpsTokenEndpoint() throws Exception {
        httpsServer();
        ClientConfig config = overTls(server.tokenUrl()).build();

        fetch(config, jvm("http.proxyHost", "127.0.0.1", "http.proxyPort", String.valueOf(proxy.port())));

        assertThat(proxy.seen()).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aPlainHttpTokenEndpointGoesThroughTheProxyInAbsoluteFormWithTheCredentials() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, TokenEndpointClientTest.OK_BODY));
        proxy = AuthenticatingProxy.requiring(PROXY_USER, PROXY_PASSWORD);
        ClientConfig config = TestClients.billing(server.tokenUrl()).proxyCredentials(user(), password(PROXY_PASSWORD))
                .build();

        fetch(config, jvm("http.proxyHost", "127.0.0.1", "http.proxyPort", String.valueOf(proxy.port())));

        assertThat(proxy.seen()).containsExactly(new Seen("POST " + server.tokenUrl() + " HTTP/1.1", true, true));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aPlainHttpRequestRefusedByTheProxyNamesTheProxyKeys() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(200, TokenEndpointClientTest.OK_BODY));
        proxy = AuthenticatingProxy.requiring(PROXY_USER, PROXY_PASSWORD);
        ClientConfig config = TestClients.billing(server.tokenUrl()).proxy(proxy.url())
                .proxyCredentials(user(), password("wrong-" + PROXY_PASSWORD)).build();

        TokenFetchException e = fails(config, jvm());

        assertThat(e.getMessage()).contains("refused the proxy credentials (HTTP 407)")
                .contains("oauth.agent.clients.billing.proxy-password");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void somethingThatIsNotAnHttpProxyAtTheProxyAddressIsNamedAsSuch() throws Exception {
        httpsServer();
        try (FaultyTokenServer notAProxy = FaultyTokenServer.slowDrip("SSH-2.0-OpenSSH_9.6\r\n\r\n", "",
                Duration.ofSeconds(1))) {
            ClientConfig config = overTls(server.tokenUrl()).proxy(URI.create("http://127.0.0.1:"
                    + notAProxy.tokenUrl().getPort())).build();

            TokenFetchException e = fails(config, jvm());

            assertThat(e.getMessage()).contains("did not answer the CONNECT to 127.0.0.1:" + server.tokenUrl().getPort())
                    .contains("(from oauth.agent.clients.billing.proxy)").contains("check that it is an HTTP proxy");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableProxyIsNamedWithWhereItWasConfigured() throws Exception {
        httpsServer();
        URI closed = FaultyTokenServer.closedPort();
        ClientConfig config = overTls(server.tokenUrl()).build();

        TokenFetchException e = fails(config, jvm("https.proxyHost", "127.0.0.1", "https.proxyPort",
                String.valueOf(closed.getPort())));

        assertThat(e.getMessage()).contains("cannot reach the proxy 127.0.0.1:" + closed.getPort()
                + " (from system property https.proxyHost) (connection refused)");
        assertThat(server.requests()).isEmpty();
    }
}
