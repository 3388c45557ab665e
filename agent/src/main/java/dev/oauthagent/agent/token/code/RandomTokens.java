package dev.oauthagent.agent.token.code;

import java.security.SecureRandom;
import java.util.Base64;

/** Random values for the code flow, in base64url without padding so they go into a URL unchanged. */
final class RandomTokens {
    private RandomTokens() {
    }

    static String base64Url(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
