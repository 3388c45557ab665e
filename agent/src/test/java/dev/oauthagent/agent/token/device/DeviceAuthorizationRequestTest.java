package dev.oauthagent.agent.token.device;

import static dev.oauthagent.agent.token.device.DeviceFlowFixture.assertNoCredentialIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenFetchException;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The device authorization request (RFC 8628 §3.1-3.2): answers that are not a usable response end the flow
 * before anything is printed, with a message that names device-authorization-url or the setting to change.
 */
class DeviceAuthorizationRequestTest {
    private static final String KEY = "oauth.agent.clients.billing.device-authorization-url";

    private final DeviceFlowFixture fixture = new DeviceFlowFixture();
    private final DeviceServer server;

    DeviceAuthorizationRequestTest() throws Exception {
        server = new DeviceServer(fixture.time);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private TokenFetchException refused(Reply reply) {
        server.device(reply);
        return refused(TestClients.billing(server.tokenUrl()).build());
    }

    private TokenFetchException refused(ClientConfig client) {
        TokenFetchException e = assertThrows(TokenFetchException.class,
                () -> fixture.flow(client, server.deviceUrl(), false).login());
        assertThat(e.getMessage()).startsWith("oauth-agent: client 'billing': ");
        assertNoCredentialIn(e.getMessage());
        assertThat(fixture.printed()).as("no instructions for a failed request").isEmpty();
        assertThat(server.requests(FaultyTokenServer.PATH)).as("no poll").isEmpty();
        return e;
    }

    private static String withField(String field) {
        return DeviceServer.deviceResponse(", " + field);
    }

    @Test
    void aPostAuthenticatedClientSendsItsIdOnce() throws Exception {
        server.polls(DeviceServer.token());
        ClientConfig client = TestClients.billing(server.tokenUrl()).clientAuth(ClientAuthMethod.CLIENT_SECRET_POST)
                .build();

        fixture.flow(client, server.deviceUrl(), false).login();

        RecordedRequest device = server.requests(DeviceServer.DEVICE_PATH).get(0);
        assertThat(device.form("client_id")).containsExactly("billing-service");
        assertThat(device.form("client_secret")).containsExactly(TestClients.SECRET);
        assertThat(device.form("scope")).isEmpty();
    }

    @Test
    void notFoundSaysItIsNotADeviceAuthorizationEndpoint() {
        TokenFetchException e = refused(Reply.of(404, "text/html", "<html>Not Found</html>"));

        assertThat(e.getMessage()).contains("device authorization endpoint http://127.0.0.1:")
                .contains("answered HTTP 404 with an HTML page (no such path): this is not a device authorization"
                        + " endpoint. Set " + KEY + " to the device_authorization_endpoint");
        assertThat(e.isTerminal()).isTrue();
    }

    @Test
    void aRedirectToALoginPageSaysTheServerDoesNotOfferTheDeviceFlowThere() {
        TokenFetchException e = refused(new Reply(302, Map.of("Location", "http://127.0.0.1/login"),
                new byte[0], false));

        assertThat(e.getMessage()).contains("redirected (HTTP 302)")
                .contains("the server does not offer the device flow at this URL. Set " + KEY);
        assertThat(e.isTerminal()).isTrue();
    }

    @Test
    void anHtmlPageWith200NamesTheKey() {
        TokenFetchException e = refused(Reply.of(200, "text/html", "<!doctype html><form>login</form>"));

        assertThat(e.getMessage()).contains("returned an HTML page instead of a JSON device authorization response")
                .contains(KEY);
    }

    @Test
    void garbageIsAMalformedResponseNamingTheKey() {
        TokenFetchException e = refused(Reply.json(200, "device_code=" + DeviceServer.DEVICE_CODE));

        assertThat(e.getMessage()).contains("returned a malformed device authorization response (HTTP 200): the body"
                + " is not valid JSON").endsWith("Check " + KEY + ".");
        assertThat(e.isTerminal()).isFalse();
    }

    @Test
    void eachMissingRequiredFieldIsNamed() {
        String full = DeviceServer.deviceResponse("");
        assertThat(refused(Reply.json(200, full.replace("\"device_code\":", "\"x1\":"))).getMessage())
                .contains("the field 'device_code' is missing");
        assertThat(refused(Reply.json(200, full.replace("\"user_code\":", "\"x2\":"))).getMessage())
                .contains("the field 'user_code' is missing");
        assertThat(refused(Reply.json(200, full.replace("\"verification_uri\":", "\"x3\":"))).getMessage())
                .contains("the field 'verification_uri' is missing");
        assertThat(refused(Reply.json(200, full.replace("\"expires_in\":", "\"x4\":"))).getMessage())
                .contains("the field 'expires_in' is missing");
    }

    @Test
    void wrongTypesAndValuesAreRefusedWithTheRule() {
        assertThat(refused(Reply.json(200, DeviceServer.deviceResponse("").replace("600", "\"600\""))).getMessage())
                .contains("the field 'expires_in' is a JSON string; RFC 8628 §3.2 requires a JSON number of seconds");
        assertThat(refused(Reply.json(200, DeviceServer.deviceResponse("").replace("600", "0"))).getMessage())
                .contains("the field 'expires_in' is not a positive number of seconds");
        assertThat(refused(Reply.json(200, withField("\"interval\":[5]"))).getMessage())
                .contains("the field 'interval' is a JSON array");
        assertThat(refused(Reply.json(200, DeviceServer.deviceResponse("")
                .replace("https://as.example/activate\"", "javascript:alert(1)\""))).getMessage())
                .contains("the field 'verification_uri' is not an http(s) URL");
    }

    @Test
    void aUserCodeWithTerminalControlCharactersIsRefusedNotPrinted() {
        TokenFetchException e = refused(Reply.json(200, DeviceServer.deviceResponse("")
                .replace(DeviceServer.USER_CODE + "\",", "\\u001b[2J" + DeviceServer.USER_CODE + "\",")));

        assertThat(e.getMessage()).contains("the field 'user_code' holds characters that are not printable ASCII");
        assertThat(e.getMessage()).doesNotContain("\u001b");
    }

    @Test
    void invalidClientSaysWhichCredentialsToCheck() {
        TokenFetchException e = refused(Reply.json(401, "{\"error\":\"invalid_client\"}"));

        assertThat(e.getMessage()).contains("answered invalid_client (401): Check client-id and client-secret; the"
                + " secret comes from env var BILLING_SECRET.");
        assertThat(e.isTerminal()).isTrue();
        assertThat(e.errorCode()).isEqualTo("invalid_client");
    }

    @Test
    void unauthorizedClientSaysTheDeviceGrantIsNotAllowedForThisClient() {
        TokenFetchException e = refused(Reply.json(400, "{\"error\":\"unauthorized_client\","
                + "\"error_description\":\"device grant off\"}"));

        assertThat(e.getMessage()).contains("answered unauthorized_client (400): Client id 'billing-service' may not"
                + " use the device flow; allow the device code grant (urn:ietf:params:oauth:grant-type:device_code)"
                + " for this client on the authorization server. Server said: \"device grant off\".");
        assertThat(e.isTerminal()).isTrue();
    }

    @Test
    void anOAuthErrorInA200IsStillARefusal() {
        TokenFetchException e = refused(Reply.json(200, "{\"error\":\"unauthorized_client\"}"));

        assertThat(e.getMessage()).contains("answered unauthorized_client (200): Client id 'billing-service' may not"
                + " use the device flow");
        assertThat(e.errorCode()).isEqualTo("unauthorized_client");
    }

    @Test
    void invalidScopeNamesTheRequestedScopesAndTheKey() {
        server.device(Reply.json(400, "{\"error\":\"invalid_scope\"}"));

        TokenFetchException e = refused(TestClients.billing(server.tokenUrl()).scopes(List.of("admin")).build());

        assertThat(e.getMessage()).contains("The server refused the requested scopes [admin]; check"
                + " oauth.agent.clients.billing.scopes");
    }

    @Test
    void aServerErrorIsTransient() {
        TokenFetchException e = refused(Reply.of(503, "text/plain", "busy"));

        assertThat(e.getMessage()).contains("answered HTTP 503: The authorization server is failing or overloaded");
        assertThat(e.isTerminal()).isFalse();
    }

    @Test
    void anUnreachableEndpointNamesTheDeviceKeyNotTokenUrl() throws Exception {
        URI closed = FaultyTokenServer.closedPort();
        ClientConfig client = TestClients.billing(server.tokenUrl()).build();

        TokenFetchException e = assertThrows(TokenFetchException.class,
                () -> fixture.flow(client, closed, false).login());

        assertThat(e.getMessage()).contains("cannot reach device authorization endpoint 127.0.0.1:")
                .contains("check " + KEY + " and network.");
    }

    @Test
    void plainHttpWithoutAllowHttpIsRefusedBeforeSending() {
        ClientConfig client = TestClients.billing(server.tokenUrl()).allowHttp(false).build();

        TokenFetchException e = refused(client);

        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': " + KEY + " uses plain http, which would"
                + " send the device code and client credentials unencrypted; use https, or set"
                + " oauth.agent.clients.billing.allow-http=true for a test server.");
        assertThat(server.requests(DeviceServer.DEVICE_PATH)).isEmpty();
    }
}
