package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import javax.crypto.spec.SecretKeySpec;

/** client_secret_jwt's key: the client secret's UTF-8 bytes as an HMAC-SHA256 key, read again as the secret is. */
final class SecretAssertionKey implements AssertionKey {
    private final CurrentSecret secret;

    SecretAssertionKey(CurrentSecret secret) {
        this.secret = secret;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.HS256;
    }

    @Override
    public Key current() {
        return new SecretKeySpec(secret.get().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public boolean changedOnReread() {
        return secret.changedOnReread();
    }

    @Override
    public String toString() {
        return "HS256 over client-secret " + secret;
    }
}
