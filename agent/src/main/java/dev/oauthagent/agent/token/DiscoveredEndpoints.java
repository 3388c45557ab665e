package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an issuer's metadata document told the agent: its endpoints (each already checked: absolute, https unless
 * allow-http) and the grant types and client authentication methods it lists, which the agent does not enforce
 * (a server's list may be incomplete) but {@code check} reports. Immutable; holds nothing secret.
 */
public final class DiscoveredEndpoints {
    private final URI document;
    private final URI tokenEndpoint;
    private final URI deviceAuthorizationEndpoint;
    private final URI authorizationEndpoint;
    private final URI revocationEndpoint;
    private final List<String> grantTypesSupported;
    private final List<String> authMethodsSupported;

    DiscoveredEndpoints(URI document, URI tokenEndpoint, URI deviceAuthorizationEndpoint, URI authorizationEndpoint,
            URI revocationEndpoint, List<String> grantTypesSupported, List<String> authMethodsSupported) {
        this.document = document;
        this.tokenEndpoint = tokenEndpoint;
        this.deviceAuthorizationEndpoint = deviceAuthorizationEndpoint;
        this.authorizationEndpoint = authorizationEndpoint;
        this.revocationEndpoint = revocationEndpoint;
        this.grantTypesSupported = unmodifiable(grantTypesSupported);
        this.authMethodsSupported = unmodifiable(authMethodsSupported);
    }

    private static List<String> unmodifiable(List<String> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The document's URL. */
    public URI document() { return document; }
    public URI tokenEndpoint() { return tokenEndpoint; }
    /** Null when the document names none. */
    public URI deviceAuthorizationEndpoint() { return deviceAuthorizationEndpoint; }
    /** Null when the document names none. */
    public URI authorizationEndpoint() { return authorizationEndpoint; }
    /** Null when the document names none. */
    public URI revocationEndpoint() { return revocationEndpoint; }
    /** Null when the document does not list them. */
    public List<String> grantTypesSupported() { return grantTypesSupported; }
    /** Null when the document does not list them. */
    public List<String> authMethodsSupported() { return authMethodsSupported; }

    /** The client with these endpoints; an endpoint it configures explicitly stays. */
    public ClientConfig applyTo(ClientConfig client) {
        return client.withDiscoveredEndpoints(tokenEndpoint, deviceAuthorizationEndpoint, authorizationEndpoint);
    }

    /** "token_endpoint https://...", one line per endpoint the document names, for {@code check}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("token_endpoint " + tokenEndpoint);
        addIfSet(lines, "device_authorization_endpoint", deviceAuthorizationEndpoint);
        addIfSet(lines, "authorization_endpoint", authorizationEndpoint);
        addIfSet(lines, "revocation_endpoint", revocationEndpoint);
        return lines;
    }

    private static void addIfSet(List<String> lines, String name, URI endpoint) {
        if (endpoint != null) {
            lines.add(name + " " + endpoint);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DiscoveredEndpoints)) {
            return false;
        }
        DiscoveredEndpoints other = (DiscoveredEndpoints) o;
        return tokenEndpoint.equals(other.tokenEndpoint) && same(deviceAuthorizationEndpoint,
                other.deviceAuthorizationEndpoint) && same(authorizationEndpoint, other.authorizationEndpoint)
                && same(revocationEndpoint, other.revocationEndpoint);
    }

    @Override
    public int hashCode() {
        return tokenEndpoint.hashCode();
    }

    private static boolean same(URI a, URI b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public String toString() {
        return "DiscoveredEndpoints{" + document + ": " + describe() + "}";
    }
}
