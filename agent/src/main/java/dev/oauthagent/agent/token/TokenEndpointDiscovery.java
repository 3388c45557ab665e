package dev.oauthagent.agent.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * When token-url answered 404 or 405, looks for the server's discovery document (RFC 8414, OpenID Connect
 * Discovery) at the token-url's origin and adds its {@code token_endpoint} to the message, so the user sees
 * the URL to configure. Only a hint: the agent never switches to the discovered URL by itself.
 *
 * <p>The look-up is network I/O, so it is done at most once per client (the answer does not change while the
 * configuration does not), on the thread that fetched the token, never on an application request
 * ({@link ServerMetadataLookup} says how it looks).
 */
final class TokenEndpointDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointDiscovery.class);
    private final URI tokenUrl;
    private final ServerMetadataLookup lookup;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private boolean lookedUp;
    private String hint;

    TokenEndpointDiscovery(URI tokenUrl, AuthServerExchange exchange, ClientMessages messages,
            ServerTextSanitizer sanitizer) {
        this.tokenUrl = tokenUrl;
        this.lookup = new ServerMetadataLookup(tokenUrl, exchange, messages);
        this.messages = messages;
        this.sanitizer = sanitizer;
    }

    /** {@code failure} with the discovered token endpoint added to its message, or {@code failure} itself. */
    synchronized TokenFetchException withHint(TokenFetchException failure) {
        if (!lookedUp) {
            lookedUp = true;
            hint = lookUp();
        }
        if (hint == null) {
            return failure;
        }
        return new TokenFetchException(failure.getMessage() + " " + hint, failure.kind(), failure.errorCode(),
                failure.httpStatus(), failure.retryAfterSeconds(), failure.getCause());
    }

    private String lookUp() {
        ServerMetadata metadata;
        try {
            metadata = lookup.find();
        } catch (TokenFetchException e) {
            LOG.debug(messages.log("could not look for a discovery document: " + e.getMessage()));
            return null;
        }
        return metadata == null ? null : describe(metadata);
    }

    private String describe(ServerMetadata metadata) {
        URI document = metadata.document();
        if (metadata.names("token_endpoint", tokenUrl)) {
            return "The server's discovery document " + document + " names this very URL as its token_endpoint;"
                    + " check that the server takes token requests from this client there.";
        }
        String endpoint = metadata.endpoint("token_endpoint");
        if (endpoint == null) {
            return null;
        }
        return "The server's discovery document " + document + " names token_endpoint "
                + sanitizer.sanitize(endpoint) + "; set " + messages.key("token-url") + " to it.";
    }
}
