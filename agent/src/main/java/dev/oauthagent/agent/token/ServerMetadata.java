package dev.oauthagent.agent.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One authorization server metadata document (RFC 8414 §2, OpenID Connect Discovery §3) as the agent found it:
 * where it was and its top-level string fields. The agent reads endpoints from it, never secrets.
 */
public final class ServerMetadata {
    private final URI document;
    private final Map<String, String> fields;
    private final Map<String, List<String>> lists;

    /** @param lists the top-level arrays of strings, such as {@code grant_types_supported} */
    ServerMetadata(URI document, Map<String, String> fields, Map<String, List<String>> lists) {
        this.document = document;
        this.fields = Collections.unmodifiableMap(fields);
        this.lists = Collections.unmodifiableMap(lists);
    }

    /** The field's text as the server wrote it, or null when absent or not a string. */
    public String text(String field) {
        return fields.get(field);
    }

    /** The field's strings, or null when absent or not an array. */
    public List<String> list(String field) {
        return lists.get(field);
    }

    public URI document() {
        return document;
    }

    /** The field as an absolute http(s) URL (e.g. {@code token_endpoint}), or null when absent or not one. */
    public String endpoint(String field) {
        String text = fields.get(field);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    ? text : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Whether {@code field} names {@code url} (both normalized; case of scheme and host ignored). */
    public boolean names(String field, URI url) {
        String endpoint = endpoint(field);
        try {
            return endpoint != null && sameUrl(new URI(endpoint), url);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean sameUrl(URI a, URI b) {
        return a.normalize().equals(b.normalize());
    }

    @Override
    public String toString() {
        return "ServerMetadata{" + document + "}";
    }
}
