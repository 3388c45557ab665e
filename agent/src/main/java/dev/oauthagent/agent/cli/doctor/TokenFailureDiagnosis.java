package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.code.AuthorizationRefusedException;

/**
 * Turns one client's failed token request into one {@link Finding} (FAIL) that names the cause in plain words and
 * the fix: which key to change, where its value came from, and what the server's own metadata says. The token
 * request's message already classified the failure ({@code ErrorResponseClassifier},
 * {@code TransportFailureClassifier}); this adds what only a look around can tell, with {@link FailureProbes}: the
 * server's metadata, whether a port speaks TLS, the authorization request of a code client.
 *
 * <p>Codes are stable; a failure no diagnosis recognises is {@value #UNRECOGNISED} with the request's own message.
 * Nothing secret goes into a finding: keys, secret origins, client ids and URLs without user info or query.
 */
public final class TokenFailureDiagnosis {
    static final String UNRECOGNISED = "token-request-failed";

    private final ClientConfig client;
    private final FailureProbes probes;
    private final RefusalFindings refusals;
    private final ConnectionFindings connections;
    private final KeyOrigins keys;

    /** @param client the client as the token request used it: after discovery, when that succeeded */
    public TokenFailureDiagnosis(ClientConfig client, KeyOrigins keys, FailureProbes probes) {
        this.client = client;
        this.keys = keys;
        this.probes = probes;
        FailedEndpoint endpoint = FailedEndpoint.of(client);
        this.refusals = new RefusalFindings(client, endpoint, keys, probes);
        this.connections = new ConnectionFindings(client, endpoint, keys, probes);
    }

    public Finding diagnose(TokenFetchException failure) {
        Finding finding = null;
        if (client.grantType() == GrantType.AUTHORIZATION_CODE) {
            finding = authorizationRequest();
        }
        if (finding == null) {
            // First: a TLS port's answer to plain http may be an HTML page, which alone would read as a wrong path.
            finding = connections.diagnose(failure);
        }
        if (finding == null) {
            finding = refusals.diagnose(failure);
        }
        // The request's own message already says what it knows and what to check.
        return finding != null ? finding : Finding.fail(UNRECOGNISED, failure.getMessage(), null);
    }

    /** A code client's failure may be a login that can never succeed: its authorization request is refused. */
    private Finding authorizationRequest() {
        AuthorizationRefusedException refusal = probes.authorizationRequestRefusal();
        if (refusal == null) {
            return null;
        }
        AuthorizationRefusedException.Reason reason = refusal.reason();
        if (reason == AuthorizationRefusedException.Reason.UNSAID) {
            // A bare 400 blames the redirect URI or the client: a known client leaves only the redirect URI.
            FailureProbes.Recognition recognition = probes.recognizesClient();
            if (recognition == FailureProbes.Recognition.RECOGNIZED) {
                reason = AuthorizationRefusedException.Reason.REDIRECT_URI;
            } else if (recognition == FailureProbes.Recognition.REFUSED) {
                return refusals.unknownCodeClient();
            }
        }
        if (reason == AuthorizationRefusedException.Reason.REDIRECT_URI) {
            return Finding.fail("redirect-uri-mismatch", "the authorization server refuses the redirect URI "
                    + client.redirectUri() + " for client-id '" + client.clientId() + "' (seen from its answer to"
                    + " the authorization request, before any login), so no login can come back",
                    "register " + client.redirectUri() + " for client '" + client.clientId() + "' on the server, or"
                    + " set " + keys.keyWithOrigin("redirect-uri") + " to a redirect URI registered for it. It must"
                    + " match exactly: scheme, host, path, case and trailing slash (on the loopback the server may"
                    + " allow any port).");
        }
        return Finding.fail("authorization-request-refused", refusal.getMessage(), null);
    }
}
