package dev.oauthagent.agent.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the authorization server's metadata document at the token-url's origin ({@link DiscoveryDocumentUrls}
 * says where to look): the first JSON object naming a {@code token_endpoint} URL, which every RFC 8414 document
 * for a server with a token endpoint has. Each GET is an {@link AuthServerExchange}: same TLS, timeouts, size
 * limit, no redirects, no credentials. The first network failure ends the look-up, so a slow server costs one
 * timeout, not one per candidate URL.
 */
final class ServerMetadataLookup {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetadataLookup.class);
    private static final Map<String, String> ACCEPT_JSON = Collections.singletonMap("Accept", "application/json");

    private final URI tokenUrl;
    private final AuthServerExchange exchange;
    private final ClientMessages messages;

    ServerMetadataLookup(URI tokenUrl, AuthServerExchange exchange, ClientMessages messages) {
        this.tokenUrl = tokenUrl;
        this.exchange = exchange;
        this.messages = messages;
    }

    /**
     * The document, or null when the server has none at the candidate URLs. Network I/O: never call it on an
     * application request.
     *
     * @throws TokenFetchException when the server could not be asked (connect, TLS, timeout)
     */
    ServerMetadata find() throws TokenFetchException {
        for (URI document : DiscoveryDocumentUrls.candidates(tokenUrl)) {
            TokenHttpResponse response = exchange.send("GET", document, ACCEPT_JSON, null);
            Map<String, String> fields = response.status() == 200 ? stringFields(response.body()) : null;
            ServerMetadata metadata = fields == null ? null : new ServerMetadata(document, fields);
            if (metadata != null && metadata.endpoint("token_endpoint") != null) {
                return metadata;
            }
            LOG.debug(messages.log("no discovery document at " + document + " (HTTP " + response.status() + ")"));
        }
        return null;
    }

    /** The top-level string fields of a JSON object, or null when the body is not one. */
    private static Map<String, String> stringFields(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = JsonObjectReader.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                }
                p.skipChildren();
            }
            return fields;
        } catch (IOException e) {
            return null; // not JSON: not a metadata document
        }
    }
}
