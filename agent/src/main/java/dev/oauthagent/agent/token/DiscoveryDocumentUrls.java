package dev.oauthagent.agent.token;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an authorization server may publish its metadata, guessed from a token-url that turned out not to be
 * its token endpoint. Such a URL is often the issuer itself, a discovery document, or a wrong path under the
 * issuer, so every path prefix is a possible issuer, the longest first. For each: the RFC 8414 document
 * ({@code /.well-known/oauth-authorization-server} inserted before the issuer's path) and the OpenID Connect
 * one ({@code /.well-known/openid-configuration} appended to it). All at the token-url's origin: a hint is
 * never fetched from anywhere else.
 */
final class DiscoveryDocumentUrls {
    /** For the path's prefixes; the origin's root documents come on top. */
    static final int MAX_CANDIDATES = 8;
    private static final String WELL_KNOWN = "/.well-known/";
    private static final String OAUTH = "/.well-known/oauth-authorization-server";
    private static final String OPENID = "/.well-known/openid-configuration";

    private DiscoveryDocumentUrls() {
    }

    /**
     * Most specific first, without repeats: at most {@link #MAX_CANDIDATES} for the path's prefixes, then the
     * two documents at the origin's root, the most common issuer, which are always tried.
     */
    static List<URI> candidates(URI tokenUrl) {
        String origin = tokenUrl.getScheme() + "://" + tokenUrl.getRawAuthority();
        String path = tokenUrl.getRawPath() == null ? "" : stripTrailingSlashes(tokenUrl.getRawPath());
        Set<String> urls = new LinkedHashSet<>();
        int wellKnown = path.indexOf(WELL_KNOWN);
        if (wellKnown >= 0) {
            urls.add(origin + path); // token-url is a discovery document: it names its token endpoint itself
            path = path.substring(0, wellKnown);
        }
        for (String issuerPath : issuerPaths(path)) {
            if (urls.size() >= MAX_CANDIDATES) {
                break;
            }
            urls.add(origin + OAUTH + issuerPath);
            urls.add(origin + issuerPath + OPENID);
        }
        urls.add(origin + OAUTH);
        urls.add(origin + OPENID);
        List<URI> candidates = new ArrayList<>();
        for (String url : urls) {
            candidates.add(URI.create(url));
        }
        return candidates;
    }

    /** "/a/b" gives "/a/b", "/a": the root is the caller's. */
    private static List<String> issuerPaths(String path) {
        List<String> paths = new ArrayList<>();
        String p = path;
        while (!p.isEmpty()) {
            paths.add(p);
            p = stripTrailingSlashes(p.substring(0, p.lastIndexOf('/')));
        }
        return paths;
    }

    private static String stripTrailingSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
