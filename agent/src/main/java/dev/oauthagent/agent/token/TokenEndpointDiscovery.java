package dev.oauthagent.agent.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Map;

/**
 * When token-url answered 404 or 405, looks for the server's discovery document (RFC 8414, OpenID Connect
 * Discovery) at the token-url's origin and adds its {@code token_endpoint} to the message, so the user sees
 * the URL to configure. Only a hint: the agent never switches to the discovered URL by itself.
 *
 * <p>The look-up is network I/O, so it is done at most once per client (the answer does not change while the
 * configuration does not), on the thread that fetched the token, never on an application request. Each GET is
 * an {@link AuthServerExchange} like the token request: same TLS, timeouts, size limit, no redirects. The first
 * network failure ends the look-up, so a slow server costs one timeout, not one per candidate URL.
 */
final class TokenEndpointDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointDiscovery.class);
    private static final Map<String, String> ACCEPT_JSON = Collections.singletonMap("Accept", "application/json");

    private final URI tokenUrl;
    private final AuthServerExchange exchange;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private boolean lookedUp;
    private String hint;

    TokenEndpointDiscovery(URI tokenUrl, AuthServerExchange exchange, ClientMessages messages,
            ServerTextSanitizer sanitizer) {
        this.tokenUrl = tokenUrl;
        this.exchange = exchange;
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
        for (URI document : DiscoveryDocumentUrls.candidates(tokenUrl)) {
            TokenHttpResponse response;
            try {
                response = exchange.send("GET", document, ACCEPT_JSON, null);
            } catch (TokenFetchException e) {
                LOG.debug(messages.log("no discovery document at " + document + ": " + e.getMessage()));
                return null;
            }
            String endpoint = response.status() == 200 ? tokenEndpoint(response.body()) : null;
            if (endpoint != null) {
                return describe(document, endpoint);
            }
            LOG.debug(messages.log("no discovery document at " + document + " (HTTP " + response.status() + ")"));
        }
        return null;
    }

    private String describe(URI document, String endpoint) {
        String shown = sanitizer.sanitize(endpoint);
        if (sameUrl(endpoint)) {
            return "The server's discovery document " + document + " names this very URL as its token_endpoint;"
                    + " check that the server takes token requests from this client there.";
        }
        return "The server's discovery document " + document + " names token_endpoint " + shown + "; set "
                + messages.key("token-url") + " to it.";
    }

    private boolean sameUrl(String endpoint) {
        try {
            return new URI(endpoint).normalize().equals(tokenUrl.normalize());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The token_endpoint of a metadata document: an absolute http(s) URL, else null. */
    private static String tokenEndpoint(byte[] body) {
        try (JsonParser p = JsonObjectReader.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("token_endpoint".equals(name) && value == JsonToken.VALUE_STRING) {
                    return isHttpUrl(p.getText()) ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // not JSON: not a metadata document
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
