package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an authorization server's metadata document (RFC 8414 §2) says it supports, as far as {@code check} compares
 * it with a client's configuration: the grant types, the client authentication methods, and whether it names the
 * endpoints of the user grants. The lists are the server's text made printable ({@link ServerTextSanitizer}); a
 * list the document leaves out is null, so the caller can apply the RFC's defaults. Immutable, nothing secret.
 */
public final class PublishedMetadata {
    private final URI document;
    private final List<String> grantTypesSupported;
    private final List<String> authMethodsSupported;
    private final boolean namesDeviceAuthorizationEndpoint;
    private final boolean namesAuthorizationEndpoint;

    private PublishedMetadata(URI document, List<String> grantTypesSupported, List<String> authMethodsSupported,
            boolean namesDeviceAuthorizationEndpoint, boolean namesAuthorizationEndpoint) {
        this.document = document;
        this.grantTypesSupported = grantTypesSupported;
        this.authMethodsSupported = authMethodsSupported;
        this.namesDeviceAuthorizationEndpoint = namesDeviceAuthorizationEndpoint;
        this.namesAuthorizationEndpoint = namesAuthorizationEndpoint;
    }

    /** For a client configured with issuer: what discovery read from its document. */
    public static PublishedMetadata of(ClientConfig client, DiscoveredEndpoints endpoints) {
        ServerTextSanitizer sanitizer = ServerTextSanitizer.forClient(client);
        return new PublishedMetadata(endpoints.document(), printable(endpoints.grantTypesSupported(), sanitizer),
                printable(endpoints.authMethodsSupported(), sanitizer),
                endpoints.deviceAuthorizationEndpoint() != null, endpoints.authorizationEndpoint() != null);
    }

    /**
     * For a client configured with token-url: the document at the token-url's origin ({@link ServerMetadataLookup})
     * when it names this very token-url as its {@code token_endpoint}, as logout's revocation takes it; null when
     * there is none, or it describes another endpoint. Network I/O, bounded by the client's timeouts.
     *
     * @throws TokenFetchException when the server could not be asked (connect, TLS, timeout)
     */
    public static PublishedMetadata find(ClientConfig client) throws TokenFetchException {
        ClientMessages messages = new ClientMessages(client);
        ServerTextSanitizer sanitizer = ServerTextSanitizer.forClient(client);
        AuthServerExchange exchange = new AuthServerExchange(client, messages, sanitizer);
        ServerMetadata metadata = new ServerMetadataLookup(client.tokenUrl(), exchange, messages).find();
        if (metadata == null || !metadata.names("token_endpoint", client.tokenUrl())) {
            return null;
        }
        return new PublishedMetadata(metadata.document(), printable(metadata.list("grant_types_supported"),
                sanitizer), printable(metadata.list("token_endpoint_auth_methods_supported"), sanitizer),
                metadata.endpoint("device_authorization_endpoint") != null,
                metadata.endpoint("authorization_endpoint") != null);
    }

    /** For tests of what reads it. */
    public static PublishedMetadata of(URI document, List<String> grantTypesSupported,
            List<String> authMethodsSupported, boolean namesDeviceAuthorizationEndpoint,
            boolean namesAuthorizationEndpoint) {
        return new PublishedMetadata(document, copy(grantTypesSupported), copy(authMethodsSupported),
                namesDeviceAuthorizationEndpoint, namesAuthorizationEndpoint);
    }

    private static List<String> printable(List<String> list, ServerTextSanitizer sanitizer) {
        if (list == null) {
            return null;
        }
        List<String> printable = new ArrayList<>(list.size());
        for (String item : list) {
            printable.add(sanitizer.sanitize(item));
        }
        return Collections.unmodifiableList(printable);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The document's URL. */
    public URI document() { return document; }
    /** {@code grant_types_supported}; null when the document leaves it out. */
    public List<String> grantTypesSupported() { return grantTypesSupported; }
    /** {@code token_endpoint_auth_methods_supported}; null when the document leaves it out. */
    public List<String> authMethodsSupported() { return authMethodsSupported; }
    public boolean namesDeviceAuthorizationEndpoint() { return namesDeviceAuthorizationEndpoint; }
    public boolean namesAuthorizationEndpoint() { return namesAuthorizationEndpoint; }

    @Override
    public String toString() {
        return "PublishedMetadata{" + document + "}";
    }
}
