package dev.oauthagent.agent.token;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an issuer's metadata document is, in the order the agent asks: the RFC 8414 §3.1 document
 * ({@code /.well-known/oauth-authorization-server} inserted between the issuer's origin and its path, a
 * terminating slash removed first), then the OpenID Connect Discovery §4 one ({@code /.well-known/openid-configuration}
 * appended to the issuer). For an issuer without a path both are at the origin's root.
 */
final class DiscoveryDocuments {
    private static final String OAUTH = "/.well-known/oauth-authorization-server";
    private static final String OPENID = "/.well-known/openid-configuration";

    private DiscoveryDocuments() {
    }

    static List<URI> of(URI issuer) {
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<URI> documents = new ArrayList<>(2);
        documents.add(URI.create(origin + OAUTH + path));
        documents.add(URI.create(origin + path + OPENID));
        return documents;
    }
}
