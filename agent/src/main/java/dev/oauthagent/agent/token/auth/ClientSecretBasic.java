package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.FormUrlEncoding;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.cache.Ticker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code client_secret_basic}: HTTP Basic with the client id and secret, each first
 * application/x-www-form-urlencoded (RFC 6749 §2.3.1). The encoding step is what many clients forget: without
 * it a secret with {@code :}, {@code %} or {@code +} is read differently by spec-following servers (Spring
 * Authorization Server, Keycloak), and an id containing {@code :} cannot be split from the secret at all.
 */
public final class ClientSecretBasic implements ClientAuthentication {
    private final String clientId;
    private final CurrentSecret clientSecret;

    public ClientSecretBasic(String clientId, Secret clientSecret) {
        this(clientId, new CurrentSecret(null, clientId, clientSecret, Ticker.system(), SecretListener.NONE));
    }

    ClientSecretBasic(String clientId, CurrentSecret clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public boolean secretChangedOnReread() {
        return clientSecret.changedOnReread();
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        request.header("Authorization", "Basic " + credentials());
    }

    /** The Base64 part of the header value. Computed per request, so the plaintext is not kept twice. */
    private String credentials() {
        String pair = FormUrlEncoding.encode(clientId) + ":" + FormUrlEncoding.encode(clientSecret.get().reveal());
        // After form encoding the pair is pure ASCII, so the charset cannot change the bytes.
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ClientSecretBasic{clientId=" + clientId + ", clientSecret=" + clientSecret + "}";
    }
}
