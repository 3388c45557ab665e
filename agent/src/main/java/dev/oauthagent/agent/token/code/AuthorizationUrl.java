package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.token.FormUrlEncoding;

import java.net.URI;
import java.util.List;

/**
 * The authorization request (RFC 6749 §4.1.1 with RFC 7636 §4.3): the configured authorization-url with
 * {@code response_type=code}, {@code client_id}, {@code redirect_uri}, {@code scope}, {@code state},
 * {@code code_challenge} and {@code code_challenge_method=S256} added to its query, form-encoded (Appendix B).
 * A query the configured URL already has (a tenant, a prompt) is kept in front of them.
 */
final class AuthorizationUrl {
    private AuthorizationUrl() {
    }

    /**
     * @param base        the configured authorization endpoint, without a fragment (checked by the caller)
     * @param redirectUri exactly the string the token request will carry
     * @param scopes      requested scopes, possibly empty (then no scope parameter: the server's default)
     */
    static URI build(URI base, String clientId, String redirectUri, List<String> scopes, String state,
            String challenge) {
        StringBuilder url = new StringBuilder(base.toString());
        String query = base.getRawQuery();
        if (query == null) {
            url.append('?');
        } else if (!query.isEmpty() && !query.endsWith("&")) {
            url.append('&');
        }
        append(url, "response_type", "code").append('&');
        append(url, "client_id", clientId).append('&');
        append(url, "redirect_uri", redirectUri).append('&');
        if (!scopes.isEmpty()) {
            append(url, "scope", String.join(" ", scopes)).append('&');
        }
        append(url, "state", state).append('&');
        append(url, "code_challenge", challenge).append('&');
        append(url, "code_challenge_method", Pkce.METHOD);
        return URI.create(url.toString());
    }

    private static StringBuilder append(StringBuilder url, String name, String value) {
        return url.append(name).append('=').append(FormUrlEncoding.encode(value));
    }
}
