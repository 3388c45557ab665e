package dev.oauthagent.agent.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.oauthagent.agent.config.ClientConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the authorization server's metadata document at the token-url's origin ({@link DiscoveryDocumentUrls}
 * says where to look): the first JSON object naming a {@code token_endpoint} URL, which every RFC 8414 document
 * for a server with a token endpoint has. Each GET is an {@link AuthServerExchange}: same TLS, timeouts, size
 * limit, no redirects, no credentials. The first network failure ends the look-up, so a slow server costs one
 * timeout, not one per candidate URL.
 */
public final class ServerMetadataLookup {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetadataLookup.class);
    /** The one nested object read: RFC 8705 §5's endpoints for mutual TLS. */
    static final String MTLS_ALIASES = "mtls_endpoint_aliases";
    private static final Map<String, String> ACCEPT_JSON = Collections.singletonMap("Accept", "application/json");

    private final URI tokenUrl;
    private final AuthServerExchange exchange;
    private final ClientMessages messages;

    ServerMetadataLookup(URI tokenUrl, AuthServerExchange exchange, ClientMessages messages) {
        this.tokenUrl = tokenUrl;
        this.exchange = exchange;
        this.messages = messages;
    }

    /** Looks at the origin of the client's token endpoint, over the client's own TLS, proxy and timeouts. */
    public static ServerMetadataLookup forClient(ClientConfig client) {
        ClientMessages messages = new ClientMessages(client);
        return new ServerMetadataLookup(client.tokenUrl(),
                new AuthServerExchange(client, messages, ServerTextSanitizer.forClient(client)), messages);
    }

    /**
     * The document, or null when the server has none at the candidate URLs. Network I/O: never call it on an
     * application request.
     *
     * @throws TokenFetchException when the server could not be asked (connect, TLS, timeout)
     */
    public ServerMetadata find() throws TokenFetchException {
        for (URI document : DiscoveryDocumentUrls.candidates(tokenUrl)) {
            TokenHttpResponse response = exchange.send("GET", document, ACCEPT_JSON, null);
            ServerMetadata metadata = response.status() == 200 ? parse(document, response.body()) : null;
            if (metadata != null && metadata.endpoint("token_endpoint") != null) {
                return metadata;
            }
            LOG.debug(messages.log("no discovery document at " + document + " (HTTP " + response.status() + ")"));
        }
        return null;
    }

    /**
     * The document's top-level strings and arrays of strings, or null when the body is not a JSON object. Other
     * values (numbers, objects, the non-string items of an array) are skipped: no endpoint or list is one.
     */
    public static ServerMetadata parse(URI document, byte[] body) {
        // Objects are skipped but for the mutual-TLS aliases, which replace the endpoints for those methods.
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        try (JsonParser p = JsonObjectReader.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                } else if (value == JsonToken.START_ARRAY) {
                    lists.put(name, strings(p));
                } else if (value == JsonToken.START_OBJECT && MTLS_ALIASES.equals(name)) {
                    aliases(p, fields);
                } else {
                    p.skipChildren();
                }
            }
            return new ServerMetadata(document, fields, lists);
        } catch (IOException e) {
            return null; // not JSON: not a metadata document
        }
    }

    /**
     * RFC 8705 §5's {@code mtls_endpoint_aliases}: its string fields, kept as {@code mtls_endpoint_aliases.<field>},
     * leaving the parser at the object's end.
     */
    private static void aliases(JsonParser p, Map<String, String> fields) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("malformed object");
            }
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                fields.put(MTLS_ALIASES + "." + name, p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    /** The strings of the array the parser is at the start of, leaving it at the array's end. */
    private static List<String> strings(JsonParser p) throws IOException {
        List<String> strings = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("unterminated array");
            }
            if (t == JsonToken.VALUE_STRING) {
                strings.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return strings;
    }
}
