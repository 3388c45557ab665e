package dev.oauthagent.agent.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The form parameters a {@code token-params.<name>} may not set, because the grant, the client authentication
 * or another key already sends them: a second value would make the request ambiguous (RFC 6749 §3.1 forbids
 * repeated parameters) or silently change the grant. Each maps to what to use instead.
 */
final class TokenParamNames {
    private static final Map<String, String> RESERVED = new HashMap<>();

    static {
        RESERVED.put("grant_type", "the key grant-type");
        RESERVED.put("client_id", "the key client-id");
        RESERVED.put("client_secret", "the keys client-secret and client-auth");
        RESERVED.put("client_assertion", "the key client-auth");
        RESERVED.put("client_assertion_type", "the key client-auth");
        RESERVED.put("scope", "the key scopes");
        RESERVED.put("audience", "the key audience");
        RESERVED.put("resource", "the key resource");
        RESERVED.put("redirect_uri", "the key redirect-uri");
        RESERVED.put("refresh_token", "the refresh token the agent holds (it is sent by the grant itself)");
        RESERVED.put("code", "the authorization code of the login (it is sent by the grant itself)");
        RESERVED.put("code_verifier", "the login's PKCE verifier (it is sent by the grant itself)");
        RESERVED.put("device_code", "the device code of the login (it is sent by the grant itself)");
    }

    private TokenParamNames() {
    }

    /** What sets this parameter already, or null when a token-params key may set it. */
    static String reservedFor(String parameterName) {
        return RESERVED.get(parameterName);
    }

    /** RFC 6749 Appendix A.1: a parameter name is printable ASCII without the form's own separators. */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '=' || c == '&' || c == '+' || c == '%') {
                return false;
            }
        }
        return true;
    }
}
