package dev.oauthagent.agent.cli.doctor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Hand-built compact JWTs for decoding tests: a real header and payload, a made-up signature. */
final class UnsignedJwt {
    static final String SIGNATURE = "c2lnbmF0dXJlLW5vdC1jaGVja2Vk";

    private UnsignedJwt() {
    }

    static String withClaims(String claimsJson) {
        return part("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}") + "." + part(claimsJson) + "." + SIGNATURE;
    }

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
