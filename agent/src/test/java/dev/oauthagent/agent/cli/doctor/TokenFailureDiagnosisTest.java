package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TlsFixture;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.code.AuthorizationRefusedException;
import dev.oauthagent.agent.token.code.AuthorizationRefusedException.Reason;

import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each failure {@code check} meets maps to one finding with a stable code, the key to change and the fix. The
 * refusals and TLS failures are real ones, from a token request to a scripted server on the loopback; the server's
 * metadata, the authorization request and the client recognition come from {@link StubProbes}. No finding may
 * hold the client secret.
 */
class TokenFailureDiagnosisTest {
    private static final String METADATA_POST_ONLY = "{\"issuer\":\"https://as.example\","
            + "\"token_endpoint\":\"https://as.example/oauth2/token\","
            + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"private_key_jwt\"],"
            + "\"grant_types_supported\":[\"authorization_code\",\"refresh_token\"],"
            + "\"scopes_supported\":[\"read\",\"write\"]}";

    @TempDir
    static Path tlsDir;
    private static TlsFixture tls;

    private final List<FaultyTokenServer> servers = new ArrayList<>();
    private final StubProbes probes = new StubProbes();

    @BeforeAll
    static void makeCertificates() throws Exception {
        tls = TlsFixture.create(tlsDir);
    }

    @AfterEach
    void stopServers() throws Exception {
        for (FaultyTokenServer server : servers) {
            server.close();
        }
    }

    @Test
    void invalidClientWithoutMetadataNamesClientIdTheSecretsOriginAndTheOtherAuthMethod() throws Exception {
        ClientConfig client = clientOf(json(401, "{\"error\":\"invalid_client\"}")).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.code()).isEqualTo("invalid-client");
        assertThat(finding.summary()).contains("refused client-id 'billing-service' (invalid_client, HTTP 401)")
                .contains("the secret, from env var BILLING_SECRET, was sent as client_secret_basic");
        assertThat(finding.fix()).contains("if the client is registered for client_secret_post, set"
                        + " oauth.agent.clients.billing.client-auth=client_secret_post")
                .contains("check oauth.agent.clients.billing.client-id and oauth.agent.clients.billing.client-secret"
                        + " (from env var BILLING_SECRET)");
        assertNoSecret(finding);
    }

    @Test
    void invalidClientWhenTheMetadataListsOnlyTheOtherMethodSaysToSetClientAuthToIt() throws Exception {
        ClientConfig client = clientOf(json(401, "{\"error\":\"invalid_client\"}")).build();
        probes.withMetadata(METADATA_POST_ONLY);

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("invalid-client");
        assertThat(finding.fix()).startsWith("the server's metadata " + StubProbes.DOCUMENT
                + " lists token_endpoint_auth_methods_supported [client_secret_post, private_key_jwt], without"
                + " client_secret_basic: set oauth.agent.clients.billing.client-auth to one of them"
                + " (client_secret_post)");
        assertNoSecret(finding);
    }

    @Test
    void invalidClientWhenTheMetadataListsTheMethodUsedPointsAtIdAndSecret() throws Exception {
        ClientConfig client = clientOf(json(401, "{\"error\":\"invalid_client\"}"))
                .clientAuth(ClientAuthMethod.CLIENT_SECRET_POST).build();
        probes.withMetadata(METADATA_POST_ONLY);

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.fix()).contains("client_secret_post among them, so the method is likely right")
                .contains("check oauth.agent.clients.billing.client-id");
    }

    @Test
    void credentialsTheServerTakesWithTheOtherMethodAreAClientAuthMismatch() throws Exception {
        // A client registered for client_secret_post: the secret in the form gets a token, in a Basic header not.
        ClientConfig client = clientOf(r -> r.form("client_secret").isEmpty()
                ? Reply.json(401, "{\"error\":\"invalid_client\"}") : okToken().apply(r)).build();

        Finding finding = new TokenFailureDiagnosis(client, new KeyOrigins(client, null), new NetworkProbes(client))
                .diagnose(fetchFailure(client));

        assertThat(finding.code()).isEqualTo("client-auth-mismatch");
        assertThat(finding.summary()).contains("with the secret sent as client_secret_basic; the same credentials sent"
                + " as client_secret_post get a token");
        assertThat(finding.fix()).isEqualTo("set oauth.agent.clients.billing.client-auth to client_secret_post.");
    }

    @Test
    void aRefusedPrivateKeyJwtIsNeverRetriedWithASecretAndTheFixListsWhatServersCheckInAnAssertion() throws Exception {
        ClientConfig client = clientOf(json(401, "{\"error\":\"invalid_client\"}"))
                .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT).build();

        Finding finding = diagnose(client, refused("invalid_client", 401));

        assertThat(finding.code()).isEqualTo("invalid-client");
        assertThat(finding.summary()).endsWith("with a client assertion (private_key_jwt)");
        assertThat(finding.fix()).contains("oauth.agent.clients.billing.private-key", "registered for the client",
                "oauth.agent.clients.billing.client-assertion-audience", "clock");
        assertThat(probes.otherMethodsTried()).as("a key client has no secret to send another way").isZero();
        assertNoSecret(finding);
    }

    @Test
    void aRefusedMutualTlsClientIsNotCalledAPublicClientAndTheFixNamesTheCertificate() throws Exception {
        ClientConfig client = clientOf(json(401, "{\"error\":\"invalid_client\"}")).clientSecret(null)
                .clientAuth(ClientAuthMethod.TLS_CLIENT_AUTH)
                .clientCertificate(java.nio.file.Paths.get("/etc/oauth-agent/billing-chain.pem")).build();

        Finding finding = diagnose(client, refused("invalid_client", 401));

        assertThat(finding.code()).isEqualTo("invalid-client");
        assertThat(finding.summary()).endsWith("with its client certificate (tls_client_auth)");
        assertThat(finding.fix()).contains("oauth.agent.clients.billing.client-certificate", "subject DN",
                "mtls_endpoint_aliases").doesNotContain("client-secret");
        assertThat(probes.otherMethodsTried()).as("a certificate client has no secret to send another way").isZero();
    }

    @Test
    void aBare401IsInvalidClientToo() throws Exception {
        ClientConfig client = clientOf(r -> Reply.of(401, "text/plain", "")).build();

        assertThat(diagnose(client, fetchFailure(client)).code()).isEqualTo("invalid-client");
    }

    @Test
    void aStagingClientIdRefusedByAProductionHostLooksLikeTheWrongEnvironment() {
        ClientConfig client = TestClients.billing(URI.create("https://auth.prod.example.com/oauth2/token"))
                .clientId("billing-stg").build();

        Finding finding = diagnose(client, refused("invalid_client", 401));

        assertThat(finding.code()).isEqualTo("client-environment-mismatch");
        assertThat(finding.summary()).contains("it looks like a client of environment staging ('stg' in the client id)"
                + " sent to the server of environment production ('prod' in host auth.prod.example.com)");
        assertThat(finding.fix()).contains("use the client-id and secret registered on auth.prod.example.com")
                .contains("or point oauth.agent.clients.billing.token-url to the staging server");
        assertNoSecret(finding);
    }

    @Test
    void theIssuersHostNamesTheServersEnvironmentWhenTheTokenHostNamesNone() {
        ClientConfig client = TestClients.billing(URI.create("https://login.example.com/prod-tenant/oauth2/token"))
                .issuer(URI.create("https://prod.login.example.com")).clientId("billing-dev").build();

        Finding finding = diagnose(client, refused("invalid_client", 401));

        assertThat(finding.code()).isEqualTo("client-environment-mismatch");
        assertThat(finding.summary()).contains("environment dev ('dev' in the client id) sent to the server of"
                + " environment production ('prod' in host prod.login.example.com)");
        assertThat(finding.fix()).contains("or point oauth.agent.clients.billing.issuer to the dev server");
    }

    @Test
    void environmentWordsCountOnlyWhole() {
        assertThat(EnvironmentMarkers.of("latest-product-client")).isNull();
        assertThat(EnvironmentMarkers.of("billing_QA_1").environment).isEqualTo("qa");
        assertThat(EnvironmentMarkers.of("login.stage.corp.example").environment).isEqualTo("staging");
        assertThat(EnvironmentMarkers.of("dev-to-prod")).as("two environments name none").isNull();
    }

    @Test
    void invalidClientOfTheSameEnvironmentOnBothSidesIsPlainInvalidClient() {
        ClientConfig client = TestClients.billing(URI.create("https://auth.stg.example.com/oauth2/token"))
                .clientId("billing-staging").build();

        assertThat(diagnose(client, refused("invalid_client", 401)).code()).isEqualTo("invalid-client");
    }

    @Test
    void unauthorizedClientSaysWhichGrantToRegisterForWhichClientAndQuotesTheMetadata() throws Exception {
        ClientConfig client = clientOf(json(400, "{\"error\":\"unauthorized_client\"}")).build();
        probes.withMetadata(METADATA_POST_ONLY);

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("unauthorized-client");
        assertThat(finding.summary()).contains("does not let client-id 'billing-service' use the client_credentials"
                + " grant (unauthorized_client, HTTP 400)");
        assertThat(finding.fix()).startsWith("register grant client_credentials for client 'billing-service' on the"
                        + " authorization server, or set oauth.agent.clients.billing.grant-type")
                .contains("grant_types_supported [authorization_code, refresh_token], without client_credentials");
    }

    @Test
    void invalidScopeNamesTheScopesRequestedAndThoseTheServerDoesNotList() throws Exception {
        ClientConfig client = clientOf(json(400, "{\"error\":\"invalid_scope\"}"))
                .scopes(Arrays.asList("read", "admin")).build();
        probes.withMetadata(METADATA_POST_ONLY);

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("invalid-scope");
        assertThat(finding.summary()).contains("refused the requested scopes 'read admin' (invalid_scope, HTTP 400)");
        assertThat(finding.fix()).contains("remove the others from oauth.agent.clients.billing.scopes")
                .contains("scopes_supported [read, write]; not among them: [admin]");
    }

    @Test
    void invalidScopeWithoutScopesSaysToSetThem() throws Exception {
        ClientConfig client = clientOf(json(400, "{\"error\":\"invalid_scope\"}")).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.summary()).contains("wants a scope and none was requested");
        assertThat(finding.fix()).startsWith("set oauth.agent.clients.billing.scopes to the scopes registered");
    }

    @Test
    void invalidTargetNamesAudienceAndResourceKeys() throws Exception {
        ClientConfig client = clientOf(json(400, "{\"error\":\"invalid_target\"}")).audience("https://api.example")
                .resources(Arrays.asList("https://orders.example")).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("invalid-target");
        assertThat(finding.summary()).contains("audience 'https://api.example' of oauth.agent.clients.billing.audience")
                .contains("resource [https://orders.example] of oauth.agent.clients.billing.resource");
        assertThat(finding.fix()).startsWith("set oauth.agent.clients.billing.audience or"
                + " oauth.agent.clients.billing.resource to an API the server knows");
    }

    @Test
    void aTokenUrlAnswering404IsNotFoundAndTheFixIsTheMetadatasTokenEndpoint() throws Exception {
        ClientConfig client = clientOf(r -> Reply.of(404, "application/json", "{\"error\":\"Not Found\"}")).build();
        probes.withMetadata(METADATA_POST_ONLY);

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("token-url-not-found");
        assertThat(finding.summary()).contains("answered HTTP 404 (no such path): there is no token endpoint at this URL");
        assertThat(finding.fix()).isEqualTo("set oauth.agent.clients.billing.token-url to https://as.example/oauth2/token,"
                + " the token_endpoint of the server's metadata " + StubProbes.DOCUMENT + "; or replace token-url with"
                + " oauth.agent.clients.billing.issuer=https://as.example to discover it.");
    }

    @Test
    void aTokenUrlAnsweringAnHtmlPageIsNamedSoAndWithoutMetadataTheFixSaysWhereToLook() throws Exception {
        ClientConfig client = clientOf(r -> Reply.of(200, "text/html", "<html><form>Sign in</form></html>")).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("token-url-html");
        assertThat(finding.summary()).contains("answered HTTP 200 with an HTML page (a login page");
        assertThat(finding.fix()).contains("the token_endpoint of the server's discovery document");
        assertThat(probes.tlsProbes).as("an answer with a status 200 is no TLS port's").isZero();
    }

    @Test
    void anUnknownHostNamesTheHostAndTheKey() {
        ClientConfig client = TestClients.billing(URI.create("https://auth.exmaple.com/oauth2/token")).build();
        TokenFetchException failure = TokenFetchException.transientFailure("oauth-agent: client 'billing': cannot"
                + " reach token endpoint auth.exmaple.com:443 (unknown host)", new UnknownHostException("auth.exmaple.com"));

        Finding finding = diagnose(client, failure);

        assertThat(finding.code()).isEqualTo("unknown-host");
        assertThat(finding.summary()).contains("the host name auth.exmaple.com of token endpoint"
                + " https://auth.exmaple.com/oauth2/token does not resolve");
        assertThat(finding.fix()).startsWith("check the spelling of auth.exmaple.com in"
                + " oauth.agent.clients.billing.token-url;");
    }

    @Test
    void aSelfSignedCertificateWithoutTruststoreIsUntrustedAndTheFixNamesTheTruststoreKeys() throws Exception {
        FaultyTokenServer server = serve(FaultyTokenServer.https(tls.serverContext("loopback"), okToken()));
        ClientConfig client = TestClients.billing(server.tokenUrl()).allowHttp(false).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("tls-untrusted");
        assertThat(finding.summary()).contains("no CA in the JDK's default trust store vouches for it");
        assertThat(finding.fix()).contains("set oauth.agent.clients.billing.truststore to a store")
                .contains("oauth.agent.clients.billing.truststore-password");
    }

    @Test
    void aCertificateTheConfiguredTruststoreDoesNotHoldSaysToAddItsCaThere() throws Exception {
        FaultyTokenServer server = serve(FaultyTokenServer.https(tls.serverContext("loopback"), okToken()));
        ClientConfig client = TestClients.billing(server.tokenUrl()).allowHttp(false)
                .truststore(tls.truststore("othername")).truststoreType("PKCS12")
                .truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "env var TRUST_PASS")).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("tls-untrusted");
        assertThat(finding.summary()).contains("no CA in oauth.agent.clients.billing.truststore ("
                + tls.truststore("othername") + ") vouches for it");
        assertThat(finding.fix()).isEqualTo("add the CA that issued the server's certificate to"
                + " oauth.agent.clients.billing.truststore.");
    }

    @Test
    void aTrustedCertificateForAnotherHostIsAHostnameMismatch() throws Exception {
        FaultyTokenServer server = serve(FaultyTokenServer.https(tls.serverContext("othername"), okToken()));
        ClientConfig client = TestClients.billing(server.tokenUrl()).allowHttp(false)
                .truststore(tls.truststore("othername")).truststoreType("PKCS12")
                .truststorePassword(Secret.of(TlsFixture.TRUST_PASSWORD, "env var TRUST_PASS")).build();

        Finding finding = diagnose(client, fetchFailure(client));

        assertThat(finding.code()).isEqualTo("tls-wrong-host");
        assertThat(finding.summary()).contains("is trusted but not issued for 127.0.0.1 (hostname mismatch)");
        assertThat(finding.toString()).doesNotContain(TlsFixture.TRUST_PASSWORD);
    }

    @Test
    void httpsToAPlainHttpPortSaysTheServerAnswersPlainHttp() throws Exception {
        FaultyTokenServer server = serve(plainHttpAnsweringAtOnce());
        URI https = URI.create("https://127.0.0.1:" + server.tokenUrl().getPort() + FaultyTokenServer.PATH);
        ClientConfig client = TestClients.billing(https).allowHttp(false).build();
        TokenFetchException failure = fetchFailure(client);

        Finding finding = diagnose(client, failure);

        assertThat(finding.code()).as(failure.getMessage()).isEqualTo("https-to-plain-http-port");
        assertThat(finding.fix()).contains("write http:// in oauth.agent.clients.billing.token-url and set"
                + " oauth.agent.clients.billing.allow-http=true");
    }

    @Test
    void httpToATlsPortIsFoundByATlsHandshakeWithThatPort() throws Exception {
        FaultyTokenServer server = serve(FaultyTokenServer.https(tls.serverContext("loopback"), okToken()));
        URI http = URI.create("http://127.0.0.1:" + server.tokenUrl().getPort() + FaultyTokenServer.PATH);
        ClientConfig client = TestClients.billing(http).build();
        TokenFetchException failure = fetchFailure(client);

        Finding finding = new TokenFailureDiagnosis(client, new KeyOrigins(client, null), new NetworkProbes(client))
                .diagnose(failure);

        assertThat(finding.code()).as(failure.getMessage()).isEqualTo("http-to-tls-port");
        assertThat(finding.fix()).isEqualTo("write https:// in oauth.agent.clients.billing.token-url.");
        assertNoSecret(finding);
    }

    @Test
    void aPlainHttpPortDoesNotSpeakTls() throws Exception {
        FaultyTokenServer server = serve(plainHttpAnsweringAtOnce());

        assertThat(new TlsPortProbe(Duration.ofSeconds(5)).speaksTls("127.0.0.1", server.tokenUrl().getPort()))
                .isFalse();
    }

    @Test
    void aRedirectUriTheAuthorizationServerNamesIsAMismatchWithTheKeyToFix() {
        ClientConfig client = codeClient();
        probes.refusal = new AuthorizationRefusedException("refused: redirect_uri", Reason.REDIRECT_URI);

        Finding finding = diagnose(client, loginNeeded());

        assertThat(finding.code()).isEqualTo("redirect-uri-mismatch");
        assertThat(finding.summary()).contains("refuses the redirect URI http://127.0.0.1:0/Callback for client-id"
                + " 'desktop'");
        assertThat(finding.fix()).startsWith("register http://127.0.0.1:0/Callback for client 'desktop' on the server,"
                + " or set oauth.agent.clients.billing.redirect-uri to a redirect URI registered for it");
    }

    @Test
    void aBareRefusalOfTheAuthorizationRequestOfAKnownClientIsTheRedirectUri() {
        probes.refusal = new AuthorizationRefusedException("refused without saying why", Reason.UNSAID);
        probes.recognition = FailureProbes.Recognition.RECOGNIZED;

        assertThat(diagnose(codeClient(), loginNeeded()).code()).isEqualTo("redirect-uri-mismatch");
    }

    @Test
    void aBareRefusalOfTheAuthorizationRequestOfAnUnknownClientIsInvalidClient() {
        probes.refusal = new AuthorizationRefusedException("refused without saying why", Reason.UNSAID);
        probes.recognition = FailureProbes.Recognition.REFUSED;

        Finding finding = diagnose(codeClient(), loginNeeded());

        assertThat(finding.code()).isEqualTo("invalid-client");
        assertThat(finding.summary()).contains("does not know client-id 'desktop'");
    }

    @Test
    void aBareRefusalThatCannotBeToldApartKeepsTheRequestsOwnMessage() {
        probes.refusal = new AuthorizationRefusedException("oauth-agent: client 'billing': likely causes ...",
                Reason.UNSAID);

        Finding finding = diagnose(codeClient(), loginNeeded());

        assertThat(finding.code()).isEqualTo("authorization-request-refused");
        assertThat(finding.summary()).isEqualTo("oauth-agent: client 'billing': likely causes ...");
    }

    @Test
    void aCodeClientWhoseAuthorizationRequestIsAcceptedKeepsItsOwnFailure() {
        Finding finding = diagnose(codeClient(), loginNeeded());

        assertThat(finding.code()).isEqualTo(TokenFailureDiagnosis.UNRECOGNISED);
        assertThat(finding.summary()).isEqualTo(loginNeeded().getMessage());
    }

    @Test
    void aFailureNoDiagnosisKnowsKeepsTheRequestsOwnMessage() throws Exception {
        ClientConfig client = clientOf(json(503, "{\"error\":\"temporarily_unavailable\"}")).build();
        TokenFetchException failure = fetchFailure(client);

        Finding finding = diagnose(client, failure);

        assertThat(finding.code()).isEqualTo("token-request-failed");
        assertThat(finding.summary()).isEqualTo(failure.getMessage());
        assertThat(finding.fix()).isNull();
    }

    @Test
    void anIssuerClientWhoseDiscoveryFailedIsDiagnosedOnTheIssuersUrl() {
        ClientConfig client = ClientConfig.builder("billing").issuer(URI.create("https://login.exmaple.com"))
                .clientId("billing-service").clientSecret(Secret.of(TestClients.SECRET, TestClients.SECRET_ORIGIN))
                .build();
        TokenFetchException failure = TokenFetchException.transientFailure("oauth-agent: client 'billing': cannot"
                + " reach issuer login.exmaple.com:443 (unknown host)", new UnknownHostException("login.exmaple.com"));

        Finding finding = diagnose(client, failure);

        assertThat(finding.code()).isEqualTo("unknown-host");
        assertThat(finding.fix()).startsWith("check the spelling of login.exmaple.com in"
                + " oauth.agent.clients.billing.issuer;");
    }

    private Finding diagnose(ClientConfig client, TokenFetchException failure) {
        return new TokenFailureDiagnosis(client, new KeyOrigins(client, null), probes).diagnose(failure);
    }

    private FaultyTokenServer serve(FaultyTokenServer server) {
        servers.add(server);
        return server;
    }

    private ClientConfig.Builder clientOf(Function<FaultyTokenServer.RecordedRequest, Reply> responder)
            throws Exception {
        return TestClients.billing(serve(FaultyTokenServer.http(responder)).tokenUrl());
    }

    /** As Tomcat or nginx answer a ClientHello on a plain port: an HTTP 400 at once (the JDK's server waits). */
    private static FaultyTokenServer plainHttpAnsweringAtOnce() throws Exception {
        return FaultyTokenServer.slowDrip("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                "", Duration.ofSeconds(1));
    }

    private static Function<FaultyTokenServer.RecordedRequest, Reply> json(int status, String body) {
        return r -> Reply.json(status, body);
    }

    private static Function<FaultyTokenServer.RecordedRequest, Reply> okToken() {
        return r -> Reply.json(200, "{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":60}");
    }

    private static TokenFetchException fetchFailure(ClientConfig client) {
        return catchThrowableOfType(TokenFetchException.class, () -> new TokenEndpointClient(client).fetch());
    }

    private static TokenFetchException refused(String code, int status) {
        return new TokenFetchException("oauth-agent: client 'billing': refused", Kind.TERMINAL, code, status, -1, null);
    }

    private static ClientConfig codeClient() {
        return TestClients.billing(URI.create("https://as.example/oauth2/token")).clientId("desktop")
                .grantType(GrantType.AUTHORIZATION_CODE).authorizationUrl(URI.create("https://as.example/authorize"))
                .redirectUri("http://127.0.0.1:0/Callback").build();
    }

    private static TokenFetchException loginNeeded() {
        return new TokenFetchException("oauth-agent: client 'billing': no refresh token is stored; log in first",
                Kind.LOGIN_NEEDED, null, -1, -1, null);
    }

    private static void assertNoSecret(Finding finding) {
        assertThat(finding.toString()).doesNotContain(TestClients.SECRET);
    }
}
