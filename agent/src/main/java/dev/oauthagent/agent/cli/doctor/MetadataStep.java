package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.PublishedMetadata;
import dev.oauthagent.agent.token.TokenFetchException;

import java.net.URI;

/**
 * For a client configured with token-url: finds the server's metadata document as logout does (the one at the
 * token-url's origin that names this token-url as its {@code token_endpoint}). A server without one is common and
 * fine: what it supports is then simply not checked, which is said as an OK finding, never a failure.
 */
final class MetadataStep {
    static final String NOT_PUBLISHED = "metadata-not-published";

    private final ClientConfig client;
    private PublishedMetadata metadata;
    private Finding notFound;

    MetadataStep(ClientConfig client) {
        this.client = client;
    }

    /** Reads the document: network I/O, bounded by the client's timeouts. */
    MetadataStep run() {
        try {
            metadata = PublishedMetadata.find(client);
            if (metadata == null) {
                notFound = Finding.ok(NOT_PUBLISHED, "no metadata document (RFC 8414) at " + origin(client.tokenUrl())
                        + " names " + client.tokenUrl() + " as its token_endpoint: no metadata published, so the"
                        + " grant type and client authentication were not checked against it");
            }
        } catch (TokenFetchException e) {
            notFound = Finding.ok(NOT_PUBLISHED, "the server's metadata document could not be read, so the grant"
                    + " type and client authentication were not checked against it (" + e.getMessage() + ")");
        }
        return this;
    }

    /** Null when none was found. */
    PublishedMetadata metadata() {
        return metadata;
    }

    /** What to say when none was found; null when one was. */
    Finding notFound() {
        return notFound;
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }
}
