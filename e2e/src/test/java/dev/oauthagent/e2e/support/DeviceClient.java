package dev.oauthagent.e2e.support;

import dev.oauthagent.agent.token.store.TokenRecord;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/**
 * The test acting as the auth server's public {@link AuthServer#DEVICE_CLIENT_ID} itself, without the agent: a
 * device login approved by {@link BrowserlessUser} and redeemed at once (no 5 s polling interval), a refresh, an
 * introspection. Used to seed a token store quickly and to ask the server whether a refresh token is still good.
 * What it returns masks its tokens in {@code toString()}; no token ever goes into a message.
 */
public final class DeviceClient {
    public static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String SCOPES = "read write";

    private final AuthServer server;

    public DeviceClient(AuthServer server) {
        this.server = server;
    }

    /** The tokens of one answer; {@link #toString()} names which are there, never their values. */
    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
        @Override
        public String toString() {
            return "Tokens[access " + (accessToken == null ? "none" : "****") + ", refresh "
                    + (refreshToken == null ? "none" : "****") + ", expires_in " + expiresIn + "]";
        }
    }

    /** What a token request got: the tokens, or the OAuth error code (and the status either way). */
    public record Answer(int status, String error, Tokens tokens) {
        @Override
        public String toString() {
            return "status " + status + (error == null ? "" : ", error " + error) + ", " + tokens;
        }
    }

    /** A whole device login: the user signs in and approves, and the device code is redeemed at once. */
    public Tokens login() {
        HttpResponse<String> response = FormPost.to(server.deviceAuthorizationUrl())
                .field("client_id", AuthServer.DEVICE_CLIENT_ID).field("scope", SCOPES).send();
        if (response.statusCode() != 200) {
            throw new AssertionError("device authorization answered " + response.statusCode());
        }
        Map<String, Object> device = Json.parseObject(response.body());
        BrowserlessUser.Outcome outcome = BrowserlessUser.of(server)
                .approveDevice((String) device.get("verification_uri"), (String) device.get("user_code"));
        if (outcome.stage() != BrowserlessUser.Stage.DEVICE_APPROVED) {
            throw new AssertionError("the user could not approve the device: " + outcome);
        }
        Answer answer = tokenRequest("grant_type", DEVICE_GRANT, "device_code", (String) device.get("device_code"));
        if (answer.tokens().refreshToken() == null) {
            throw new AssertionError("the approved device login gave no refresh token: " + answer);
        }
        return answer.tokens();
    }

    /** A whole {@link #login()} whose refresh token is written to {@code store}, as the login command does. */
    public TokenRecord loginInto(TestTokenStore store) {
        return loginInto(store, null);
    }

    /**
     * As {@link #loginInto(TestTokenStore)}, with the access token stored too, as expiring at
     * {@code accessTokenExpiresAt} (when not null).
     */
    public TokenRecord loginInto(TestTokenStore store, Instant accessTokenExpiresAt) {
        Tokens tokens = login();
        TokenRecord record = TokenRecord.of(server.tokenUrl().toString(), tokens.refreshToken());
        if (accessTokenExpiresAt != null) {
            record = record.withAccessToken(tokens.accessToken(), accessTokenExpiresAt);
        }
        store.write(record);
        return record;
    }

    /** Redeems {@code refreshToken} (which rotates it when it is good). */
    public Answer refresh(String refreshToken) {
        return tokenRequest("grant_type", "refresh_token", "refresh_token", refreshToken);
    }

    /**
     * Whether the server still takes {@code refreshToken} (RFC 7662 introspection, which spends nothing): false
     * once it was redeemed (rotation), revoked or expired.
     */
    public boolean isActive(String refreshToken) {
        HttpResponse<String> response = FormPost.to(server.issuer().resolve("/oauth2/introspect"))
                .field("client_id", AuthServer.DEVICE_CLIENT_ID).field("token", refreshToken)
                .field("token_type_hint", "refresh_token").send();
        if (response.statusCode() != 200) {
            throw new AssertionError("introspection answered " + response.statusCode());
        }
        return Boolean.TRUE.equals(Json.parseObject(response.body()).get("active"));
    }

    private Answer tokenRequest(String... namesAndValues) {
        FormPost request = FormPost.to(server.tokenUrl()).field("client_id", AuthServer.DEVICE_CLIENT_ID);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.field(namesAndValues[i], namesAndValues[i + 1]);
        }
        HttpResponse<String> response = request.send();
        Map<String, Object> json = response.body().isBlank() ? Map.of() : Json.parseObject(response.body());
        Object expiresIn = json.get("expires_in");
        Tokens tokens = new Tokens((String) json.get("access_token"), (String) json.get("refresh_token"),
                expiresIn == null ? -1 : ((Number) expiresIn).longValue());
        return new Answer(response.statusCode(), (String) json.get("error"), tokens);
    }
}
