package dev.oauthagent.agent.token.grant;

import dev.oauthagent.agent.token.TokenRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client credentials grant (RFC 6749 §4.4.2): {@code grant_type=client_credentials}, the requested
 * {@code scope} as one space-separated value (§3.3), the {@code audience} many servers (Auth0, Okta,
 * token exchange style) expect, and one {@code resource} parameter per RFC 8707 resource indicator.
 */
public final class ClientCredentialsGrant implements Grant {
    private final List<String> scopes;
    private final String audience;
    private final List<String> resources;

    /**
     * @param scopes    requested scopes, possibly empty (then no scope parameter: the server's default)
     * @param audience  the audience parameter, or null for none
     * @param resources RFC 8707 resource indicators, possibly empty
     */
    public ClientCredentialsGrant(List<String> scopes, String audience, List<String> resources) {
        this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
        this.audience = audience;
        this.resources = Collections.unmodifiableList(new ArrayList<>(resources));
    }

    @Override
    public void addTo(TokenRequest.Builder request) {
        request.formParameter("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            request.formParameter("scope", String.join(" ", scopes));
        }
        if (audience != null) {
            request.formParameter("audience", audience);
        }
        for (String resource : resources) {
            request.formParameter("resource", resource);
        }
    }
}
