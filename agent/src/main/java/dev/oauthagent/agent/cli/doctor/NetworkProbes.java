package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ServerMetadata;
import dev.oauthagent.agent.token.ServerMetadataLookup;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.code.AuthorizationRefusedException;
import dev.oauthagent.agent.token.code.AuthorizationRequestCheck;

/**
 * {@link FailureProbes} against the client's real servers, each under the client's own connect and read timeouts.
 * The metadata document is looked up at most once: several findings may quote it.
 */
public final class NetworkProbes implements FailureProbes {
    private final ClientConfig client;
    private boolean metadataLookedUp;
    private ServerMetadata metadata;

    /** @param client the client as the token request used it: after discovery, when that succeeded */
    public NetworkProbes(ClientConfig client) {
        this.client = client;
    }

    @Override
    public ServerMetadata metadata() {
        if (!metadataLookedUp && client.tokenUrl() != null) {
            metadataLookedUp = true;
            try {
                metadata = ServerMetadataLookup.forClient(client).find();
            } catch (TokenFetchException e) {
                metadata = null; // no document to quote: the findings say how to find the endpoint instead
            }
        }
        return metadata;
    }

    @Override
    public boolean speaksTls(String host, int port) {
        return new TlsPortProbe(client.connectTimeout().plus(client.readTimeout())).speaksTls(host, port);
    }

    @Override
    public AuthorizationRefusedException authorizationRequestRefusal() {
        try {
            AuthorizationRequestCheck.run(client);
            return null;
        } catch (AuthorizationRefusedException e) {
            return e;
        } catch (TokenFetchException e) {
            return null; // redirect-uri unusable: the login's own message says so
        }
    }

    @Override
    public Recognition recognizesClient() {
        return new ClientRecognitionProbe(client).ask();
    }

    /** Only for a grant with a fixed request (client credentials): a user grant has no token to ask without a login. */
    @Override
    public boolean acceptsClientAuth(ClientAuthMethod method) {
        if (client.tokenUrl() == null || client.grantType().holdsRefreshTokens()) {
            return false;
        }
        try {
            new TokenEndpointClient(client.withClientAuth(method)).fetch();
            return true; // the token is dropped: it only proves the method
        } catch (TokenFetchException e) {
            return false;
        }
    }
}
