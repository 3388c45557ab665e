package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.grant.RefreshTokenGrant;

import java.util.Collections;

/**
 * Whether the token endpoint knows the client and its credentials, asked with a refresh token that cannot exist:
 * servers authenticate the client before they look at the grant, so a known client gets {@code invalid_grant}
 * and an unknown one {@code invalid_client} (or a bare 401). The request is an ordinary token request of the
 * client to its own token endpoint; it cannot issue a token.
 */
final class ClientRecognitionProbe {
    /** Not a refresh token any server issued: the word says what it is, should it reach a server's log. */
    private static final String NO_SUCH_REFRESH_TOKEN = "oauth-agent-check-no-such-refresh-token";

    private final ClientConfig client;

    ClientRecognitionProbe(ClientConfig client) {
        this.client = client;
    }

    FailureProbes.Recognition ask() {
        if (client.tokenUrl() == null) {
            return FailureProbes.Recognition.UNKNOWN;
        }
        try {
            new TokenEndpointClient(client).fetch(new RefreshTokenGrant(NO_SUCH_REFRESH_TOKEN,
                    Collections.<String>emptyList()));
            return FailureProbes.Recognition.UNKNOWN; // a server that took it proves nothing about the client
        } catch (TokenFetchException e) {
            // unauthorized_client: the server knew the client well enough to refuse it this grant.
            if ("invalid_grant".equals(e.errorCode()) || "unauthorized_client".equals(e.errorCode())) {
                return FailureProbes.Recognition.RECOGNIZED;
            }
            boolean refused = "invalid_client".equals(e.errorCode())
                    || (e.errorCode() == null && e.httpStatus() == 401);
            return refused ? FailureProbes.Recognition.REFUSED : FailureProbes.Recognition.UNKNOWN;
        }
    }
}
