package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of a client configured with {@code issuer}, read from its metadata document
 * ({@link IssuerMetadataReader}) once and kept. A request to a discovered endpoint that shows the endpoint may
 * have moved ({@link #suggestsMoved}: 404 or 405, or no answer at all) makes the caller {@link #forget} them: the
 * next {@link #endpoints()}, which is the next attempt's, reads the document again first. Each attempt reads it at
 * most once, and attempts are paced by the caller (the token cache's backoff), so this never loops.
 *
 * <p>Thread-safe; {@link #endpoints()} is network I/O when it reads, so it runs where token requests run (the
 * token cache's thread, a CLI command), never on an application request.
 */
public final class IssuerDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(IssuerDiscovery.class);

    private final ClientConfig client;
    private final IssuerMetadataReader reader;
    // Guarded by this.
    private DiscoveredEndpoints current;
    private boolean stale;

    /** @param client a client with {@link ClientConfig#issuer()} */
    public IssuerDiscovery(ClientConfig client) {
        if (client.issuer() == null) {
            throw new IllegalArgumentException("client '" + client.name() + "' has no issuer");
        }
        this.client = client;
        this.reader = new IssuerMetadataReader(client);
    }

    /** The endpoints, read now when none are kept or they were forgotten; a failed read keeps nothing. */
    public synchronized DiscoveredEndpoints endpoints() throws TokenFetchException {
        if (current == null || stale) {
            current = null;
            current = reader.read();
            stale = false;
        }
        return current;
    }

    /** The client with its discovered endpoints: {@link #endpoints()} applied. */
    public ClientConfig resolve() throws TokenFetchException {
        return endpoints().applyTo(client);
    }

    /** The next {@link #endpoints()} reads the document again. */
    public synchronized void forget() {
        if (current != null && !stale) {
            LOG.debug("client '{}': the metadata document is read again before the next token request",
                    client.name());
        }
        stale = true;
    }

    /**
     * Whether a failed request to a discovered endpoint suggests the document now names another: the endpoint
     * is not one (404, 405) or did not answer. A refusal (invalid_client, 5xx) says nothing about where it is.
     */
    public static boolean suggestsMoved(TokenFetchException failure) {
        return ErrorResponseClassifier.isNotATokenEndpoint(failure.httpStatus())
                || (failure.httpStatus() == -1 && failure.kind() == TokenFetchException.Kind.TRANSIENT);
    }
}
