package dev.oauthagent.agent.token.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The {@code state} of one authorization request (RFC 6749 §10.12): 256 random bits that the redirect back
 * must carry, so that a callback forged by another page or process is not taken for the server's answer.
 * Compared in constant time, so the loopback listener's timing tells nothing about it.
 */
final class CallbackState {
    private static final int BYTES = 32;

    private final String value;

    private CallbackState(String value) {
        this.value = value;
    }

    static CallbackState generate(SecureRandom random) {
        return new CallbackState(RandomTokens.base64Url(random, BYTES));
    }

    String value() {
        return value;
    }

    /** @param received the state the callback carried, or null */
    boolean matches(String received) {
        return received != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CallbackState{...}";
    }
}
