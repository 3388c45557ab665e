package dev.oauthagent.agent.token.grant;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenRequest;

/** An OAuth 2.0 grant: the form parameters it puts in a token request. One class per grant type. */
public interface Grant {

    /** Adds this grant's parameters ({@code grant_type} and the rest) to the request. */
    void addTo(TokenRequest.Builder request);

    /**
     * The grant a client redeems on every request: client credentials only. A user grant has no such grant: each of
     * its requests carries what the user's login yielded (a refresh token, a device code, an authorization code).
     */
    static Grant forClient(ClientConfig client) {
        switch (client.grantType()) {
            case CLIENT_CREDENTIALS:
                return new ClientCredentialsGrant(client.scopes(), client.audience(), client.resources());
            default:
                throw new IllegalArgumentException("client '" + client.name() + "': grant-type "
                        + client.grantType().configName() + " has no fixed grant; each request takes the grant of its"
                        + " step");
        }
    }
}
