package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token source of a client configured with {@code issuer}: each fetch first takes the endpoints its
 * {@link IssuerDiscovery} keeps (reading the metadata document on the first fetch, on the token cache's thread,
 * never at the agent's start or on an application request), then fetches from the source built for them. A
 * failure that suggests an endpoint moved makes the next fetch read the document again; when it names other
 * endpoints, a new source is built for them.
 *
 * <p>A document that cannot be read fails the fetch like any token request that failed: the cache retries with
 * its backoff and the client's fail-mode decides what waiting requests do.
 */
public final class DiscoveringTokenSource implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveringTokenSource.class);

    /** Builds the token source for a client whose endpoints are known. */
    public interface Sources {
        TokenSource forClient(ClientConfig client);
    }

    private final IssuerDiscovery discovery;
    private final ClientConfig client;
    private final Sources sources;
    // Guarded by this.
    private DiscoveredEndpoints endpoints;
    private TokenSource source;

    public DiscoveringTokenSource(ClientConfig client, Sources sources) {
        this(new IssuerDiscovery(client), client, sources);
    }

    DiscoveringTokenSource(IssuerDiscovery discovery, ClientConfig client, Sources sources) {
        this.discovery = discovery;
        this.client = client;
        this.sources = sources;
    }

    @Override
    public synchronized AccessToken fetch() throws TokenFetchException {
        DiscoveredEndpoints now = discovery.endpoints();
        if (!now.equals(endpoints)) {
            if (endpoints != null) {
                LOG.info("client '{}': the metadata document {} now names {}", client.name(), now.document(),
                        now.describe());
            }
            source = sources.forClient(now.applyTo(client));
            endpoints = now;
        }
        try {
            return source.fetch();
        } catch (TokenFetchException e) {
            if (IssuerDiscovery.suggestsMoved(e)) {
                discovery.forget();
            }
            throw e;
        }
    }
}
