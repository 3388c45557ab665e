package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import java.io.IOException;
import java.net.URI;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reading an issuer's metadata document: where it is looked for (RFC 8414 §3.1, then OpenID Connect Discovery),
 * the exact issuer check (RFC 8414 §3.3), the endpoints taken or refused, and what a missing or unusable
 * document says.
 */
class IssuerDiscoveryTest {
    static final String RFC8414 = "/.well-known/oauth-authorization-server";
    static final String OPENID = "/.well-known/openid-configuration";

    private IssuerServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private String base() {
        return server.base();
    }


    /** A document for {@code issuer} naming the token endpoint on this server, and a device endpoint. */
    static String document(String issuer, String base) {
        return "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + base + "/oauth2/token\","
                + "\"device_authorization_endpoint\":\"" + base + "/oauth2/device\","
                + "\"grant_types_supported\":[\"client_credentials\",\"refresh_token\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],\"jwks_uri\":\"" + base
                + "/jwks\",\"scopes_supported\":[\"a\",{\"odd\":1},\"b\"]}";
    }

    private void serve(Function<RecordedRequest, Reply> responder) throws IOException {
        server = IssuerServer.start(responder);
    }

    private ClientConfig client(String issuerPath) {
        return TestClients.billing(null).issuer(URI.create(base() + issuerPath)).build();
    }

    private static TokenFetchException readFails(ClientConfig client) {
        TokenFetchException e = catchThrowableOfType(TokenFetchException.class,
                () -> new IssuerDiscovery(client).endpoints());
        assertThat(e).as("discovery should have failed").isNotNull();
        System.out.println(e.getMessage());
        assertThat(e.getMessage()).doesNotContain(TestClients.SECRET);
        return e;
    }

    @Test
    void aMutualTlsClientTakesTheTokenEndpointOfMtlsEndpointAliasesAndASecretClientTheUsualOne() throws Exception {
        serve(r -> r.path().equals(RFC8414) ? Reply.json(200, "{\"issuer\":\"" + base() + "\",\"token_endpoint\":\""
                + base() + "/oauth2/token\",\"mtls_endpoint_aliases\":{\"token_endpoint\":\"" + base()
                + "/mtls/token\",\"odd\":{\"x\":[1]},\"revocation_endpoint\":\"" + base() + "/mtls/revoke\"}}")
                : Reply.json(404, "{}"));
        ClientConfig mutualTls = TestClients.billing(null).issuer(URI.create(base())).clientSecret(null)
                .clientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).build();

        DiscoveredEndpoints aliased = new IssuerDiscovery(mutualTls).endpoints();
        assertThat(aliased.tokenEndpoint()).isEqualTo(URI.create(base() + "/mtls/token"));
        assertThat(aliased.revocationEndpoint()).as("every endpoint it authenticates at")
                .isEqualTo(URI.create(base() + "/mtls/revoke"));
        DiscoveredEndpoints plain = new IssuerDiscovery(client("")).endpoints();
        assertThat(plain.tokenEndpoint()).isEqualTo(URI.create(base() + "/oauth2/token"));
        assertThat(plain.revocationEndpoint()).isNull();
    }

    @Test
    void theRfc8414DocumentOfAnIssuerWithAPathIsReadAtTheOriginWithThePathAfterTheWellKnownName() throws Exception {
        serve(r -> r.path().equals(RFC8414 + "/tenant/a") ? Reply.json(200, document(base() + "/tenant/a", base()))
                : Reply.json(404, "{}"));

        DiscoveredEndpoints endpoints = new IssuerDiscovery(client("/tenant/a")).endpoints();

        assertThat(endpoints.document()).isEqualTo(URI.create(base() + RFC8414 + "/tenant/a"));
        assertThat(endpoints.tokenEndpoint()).isEqualTo(URI.create(base() + "/oauth2/token"));
        assertThat(endpoints.deviceAuthorizationEndpoint()).isEqualTo(URI.create(base() + "/oauth2/device"));
        assertThat(endpoints.authorizationEndpoint()).isNull();
        assertThat(endpoints.grantTypesSupported()).containsExactly("client_credentials", "refresh_token");
        assertThat(endpoints.authMethodsSupported()).containsExactly("client_secret_basic");
        assertThat(server.paths("GET")).containsExactly(RFC8414 + "/tenant/a");
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void theOpenIdDocumentAppendedToTheIssuerIsReadWhenThereIsNoRfc8414One() throws Exception {
        serve(r -> r.path().equals("/tenant/a" + OPENID) ? Reply.json(200, document(base() + "/tenant/a", base()))
                : Reply.json(404, "{}"));

        DiscoveredEndpoints endpoints = new IssuerDiscovery(client("/tenant/a")).endpoints();

        assertThat(endpoints.document()).isEqualTo(URI.create(base() + "/tenant/a" + OPENID));
        assertThat(server.paths("GET")).containsExactly(RFC8414 + "/tenant/a", "/tenant/a" + OPENID);
    }

    @Test
    void anIssuerWithoutPathHasBothDocumentsAtTheRootAndItsResolvedClientHasTheTokenEndpoint() throws Exception {
        serve(r -> r.path().equals(OPENID) ? Reply.json(200, document(base(), base())) : Reply.json(404, "{}"));

        ClientConfig resolved = new IssuerDiscovery(client("")).resolve();

        assertThat(server.paths("GET")).containsExactly(RFC8414, OPENID);
        assertThat(resolved.tokenUrl()).isEqualTo(URI.create(base() + "/oauth2/token"));
        assertThat(resolved.deviceAuthorizationUrl()).isEqualTo(URI.create(base() + "/oauth2/device"));
    }

    @Test
    void anIssuerThatDiffersEvenByATrailingSlashIsTerminalAndTheMessageNamesBothValues() throws Exception {
        serve(r -> Reply.json(200, document(base() + "/", base())));

        TokenFetchException e = readFails(client(""));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': the metadata document " + base() + RFC8414
                + " names issuer " + base() + "/, but oauth.agent.clients.billing.issuer is " + base() + "; they must"
                + " be equal exactly (RFC 8414 §3.3). If " + base() + "/ is the server you mean, set"
                + " oauth.agent.clients.billing.issuer to it.");
        assertThat(server.paths("GET")).hasSize(1); // a mismatch is an answer: the other document is not tried
    }

    @Test
    void aDocumentWithoutIssuerOrWithoutTokenEndpointIsRefused() throws Exception {
        serve(r -> r.path().equals(RFC8414 + "/no-issuer") ? Reply.json(200, "{\"token_endpoint\":\"" + base()
                + "/t\"}") : Reply.json(200, "{\"issuer\":\"" + base() + "/no-token\"}"));

        assertThat(readFails(client("/no-issuer")).getMessage()).endsWith("names no issuer, so it cannot be checked"
                + " to be this server's (RFC 8414 §3.3).");
        TokenFetchException noToken = readFails(client("/no-token"));
        assertThat(noToken.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(noToken.getMessage()).endsWith("names no token_endpoint; set oauth.agent.clients.billing.token-url"
                + " instead of oauth.agent.clients.billing.issuer.");
    }

    @Test
    void htmlPagesAndMissingDocumentsAreTransientAndEachUrlSaysWhatItAnswered() throws Exception {
        serve(r -> r.path().startsWith(RFC8414) ? Reply.of(200, "text/html", "<html>login</html>")
                : Reply.json(404, "{}"));

        TokenFetchException e = readFails(client("/x"));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': found no metadata document for "
                + "oauth.agent.clients.billing.issuer=" + base() + "/x: " + base() + RFC8414 + "/x answered an HTML "
                + "page, " + base() + "/x" + OPENID + " answered HTTP 404. Check that the issuer is written exactly as"
                + " the server names itself, or set oauth.agent.clients.billing.token-url instead of "
                + "oauth.agent.clients.billing.issuer.");
    }

    @Test
    void aPlainHttpTokenEndpointIsRefusedWithoutAllowHttpAndAnotherOriginIsTaken() throws Exception {
        serve(r -> Reply.json(200, "{\"issuer\":\"" + base() + "\",\"token_endpoint\":\"https://elsewhere.example"
                + "/token\",\"authorization_endpoint\":\"http://elsewhere.example/authorize\"}"));

        DiscoveredEndpoints endpoints = new IssuerDiscovery(client("")).endpoints();
        assertThat(endpoints.tokenEndpoint()).isEqualTo(URI.create("https://elsewhere.example/token"));
        assertThat(endpoints.authorizationEndpoint()).isEqualTo(URI.create("http://elsewhere.example/authorize"));

        ClientConfig strict = TestClients.billing(null).issuer(URI.create(base())).allowHttp(false).build();
        DiscoveredEndpoints strictEndpoints = new IssuerDiscovery(strict).endpoints();
        assertThat(strictEndpoints.authorizationEndpoint()).as("an unusable optional endpoint is left out").isNull();

        server.close();
        serve(r -> Reply.json(200, "{\"issuer\":\"" + base() + "\",\"token_endpoint\":\"http://127.0.0.1/token\"}"));
        ClientConfig strictHere = TestClients.billing(null).issuer(URI.create(base())).allowHttp(false).build();
        TokenFetchException e = readFails(strictHere);
        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).endsWith("names a token_endpoint oauth-agent cannot use: it uses plain http, which"
                + " would send the client secret and tokens unencrypted; the server must name an https endpoint, or for"
                + " a test server set oauth.agent.clients.billing.allow-http=true.");
    }

    @Test
    void aUserGrantWhoseFlowEndpointIsNeitherConfiguredNorInTheDocumentIsRefusedNamingTheKey() throws Exception {
        serve(r -> Reply.json(200, "{\"issuer\":\"" + base() + "\",\"token_endpoint\":\"" + base() + "/t\"}"));
        ClientConfig code = TestClients.billing(null).issuer(URI.create(base()))
                .grantType(dev.oauthagent.agent.config.GrantType.AUTHORIZATION_CODE).build();

        TokenFetchException e = readFails(code);

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).endsWith("names no usable authorization_endpoint, which grant-type "
                + "authorization_code needs; set oauth.agent.clients.billing.authorization-url to the server's "
                + "endpoint.");
        ClientConfig configured = TestClients.billing(null).issuer(URI.create(base()))
                .grantType(dev.oauthagent.agent.config.GrantType.AUTHORIZATION_CODE)
                .authorizationUrl(URI.create(base() + "/authorize")).build();
        assertThat(new IssuerDiscovery(configured).resolve().authorizationUrl())
                .isEqualTo(URI.create(base() + "/authorize"));
    }

    @Test
    void anUnreachableIssuerIsTransientAndNamesTheIssuerKey() throws Exception {
        URI closed = FaultyTokenServer.closedPort();
        ClientConfig client = TestClients.billing(null).issuer(URI.create("http://127.0.0.1:" + closed.getPort()))
                .build();

        TokenFetchException e = readFails(client);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("cannot reach issuer 127.0.0.1:" + closed.getPort())
                .contains("check oauth.agent.clients.billing.issuer");
    }

    @Test
    void theDocumentIsReadOnceAndAgainOnlyAfterForgetAndAFailedReadKeepsNothing() throws Exception {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        serve(r -> reads.incrementAndGet() == 1 ? Reply.json(404, "{}")
                : Reply.json(200, document(base(), base())));
        IssuerDiscovery discovery = new IssuerDiscovery(client(""));

        // The first read: 404 at the RFC 8414 document, then the OpenID one answers.
        DiscoveredEndpoints first = discovery.endpoints();
        assertThat(discovery.endpoints()).isSameAs(first);
        assertThat(server.paths("GET")).hasSize(2);

        discovery.forget();
        assertThat(discovery.endpoints()).isEqualTo(first).isNotSameAs(first);
        assertThat(server.paths("GET")).hasSize(3);
    }
}
