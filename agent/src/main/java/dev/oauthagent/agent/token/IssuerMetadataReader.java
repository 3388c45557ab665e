package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.DiscoveryFailure.Reason;
import dev.oauthagent.agent.token.TokenFetchException.Kind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a client's issuer's metadata document ({@link DiscoveryDocuments} says where) and checks it before the
 * agent trusts a URL in it: the document's {@code issuer} equals the configured one exactly (RFC 8414 §3.3,
 * OpenID Connect Discovery §4.3: else a document from elsewhere could send the credentials to any server), it
 * names a {@code token_endpoint}, and every endpoint taken is an absolute https URL (http only with allow-http)
 * without user info or fragment. An endpoint on another origin than the issuer is taken: the issuer's own
 * document names it.
 *
 * <p>Each GET is an {@link AuthServerExchange}: the client's timeouts, 1 MiB limit, no redirects, no credentials,
 * the agent's own TLS. A network failure ends the read at once (one timeout, not one per document).
 */
final class IssuerMetadataReader {
    private static final Logger LOG = LoggerFactory.getLogger(IssuerMetadataReader.class);
    private static final Map<String, String> ACCEPT_JSON = Collections.singletonMap("Accept", "application/json");

    private final ClientConfig client;
    private final String issuer;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final AuthServerExchange exchange;

    IssuerMetadataReader(ClientConfig client) {
        this.client = client;
        this.issuer = client.issuer().toString();
        this.messages = new ClientMessages(client, client.issuer(), "issuer", "issuer");
        this.sanitizer = ServerTextSanitizer.forClient(client);
        this.exchange = new AuthServerExchange(client, messages, sanitizer);
    }

    /** Network I/O, bounded by the client's timeouts: never on an application request. */
    DiscoveredEndpoints read() throws TokenFetchException {
        List<String> misses = new ArrayList<>();
        for (URI document : DiscoveryDocuments.of(client.issuer())) {
            TokenHttpResponse response = exchange.send("GET", document, ACCEPT_JSON, null);
            ServerMetadata metadata = response.status() == 200 && !response.looksLikeHtml()
                    ? ServerMetadataLookup.parse(document, response.body()) : null;
            if (metadata != null) {
                return checked(metadata);
            }
            misses.add(document + " " + miss(response));
        }
        throw new DiscoveryFailure(messages.exception("found no metadata document for " + messages.key("issuer")
                + "=" + issuer + ": " + String.join(", ", misses) + ". Check that the issuer is written exactly as"
                + " the server names itself, or set " + messages.key("token-url") + " instead of "
                + messages.key("issuer") + "."), Kind.TRANSIENT, Reason.NOT_FOUND);
    }

    private static String miss(TokenHttpResponse response) {
        if (response.isRedirect()) {
            return "redirected (HTTP " + response.status() + "; not followed)";
        }
        if (response.status() != 200) {
            return "answered HTTP " + response.status();
        }
        return response.looksLikeHtml() ? "answered an HTML page" : "answered no JSON object";
    }

    private DiscoveredEndpoints checked(ServerMetadata metadata) throws TokenFetchException {
        String named = metadata.text("issuer");
        if (named == null) {
            throw invalid(metadata, Reason.ISSUER_MISMATCH,
                    "names no issuer, so it cannot be checked to be this server's (RFC 8414 §3.3)");
        }
        if (!named.equals(issuer)) {
            throw invalid(metadata, Reason.ISSUER_MISMATCH, "names issuer " + sanitizer.sanitize(named) + ", but "
                    + messages.key("issuer") + " is " + issuer + "; they must be equal exactly (RFC 8414 §3.3). If "
                    + sanitizer.sanitize(named) + " is the server you mean, set " + messages.key("issuer")
                    + " to it");
        }
        if (metadata.text("token_endpoint") == null) {
            throw invalid(metadata, Reason.UNUSABLE, "names no token_endpoint; set " + messages.key("token-url")
                    + " instead of " + messages.key("issuer"));
        }
        URI tokenEndpoint = endpoint(metadata, "token_endpoint");
        if (tokenEndpoint == null) {
            throw invalid(metadata, Reason.UNUSABLE, "names a token_endpoint oauth-agent cannot use: " + unusable(
                    metadata.text("token_endpoint")));
        }
        tokenEndpoint = mutualTlsAlias(metadata, "token_endpoint", tokenEndpoint);
        DiscoveredEndpoints endpoints = new DiscoveredEndpoints(metadata.document(), tokenEndpoint,
                mutualTlsAlias(metadata, "device_authorization_endpoint",
                        optional(metadata, "device_authorization_endpoint")),
                optional(metadata, "authorization_endpoint"),
                mutualTlsAlias(metadata, "revocation_endpoint", optional(metadata, "revocation_endpoint")),
                metadata.list("grant_types_supported"),
                metadata.list("token_endpoint_auth_methods_supported"));
        requireGrantEndpoint(metadata, GrantType.DEVICE_CODE, client.deviceAuthorizationUrl(),
                endpoints.deviceAuthorizationEndpoint(), "device_authorization_endpoint", "device-authorization-url");
        requireGrantEndpoint(metadata, GrantType.AUTHORIZATION_CODE, client.authorizationUrl(),
                endpoints.authorizationEndpoint(), "authorization_endpoint", "authorization-url");
        LOG.debug(messages.log("metadata document " + metadata.document() + " gives " + endpoints.describe()
                + "; grant_types_supported " + listed(endpoints.grantTypesSupported())
                + ", token_endpoint_auth_methods_supported " + listed(endpoints.authMethodsSupported())));
        return endpoints;
    }

    /** The endpoint the client's grant needs, when configuration does not name it, must come from the document. */
    private void requireGrantEndpoint(ServerMetadata metadata, GrantType grant, URI configured, URI discovered,
            String field, String key) throws TokenFetchException {
        if (client.grantType() == grant && configured == null && discovered == null) {
            throw invalid(metadata, Reason.UNUSABLE, "names no usable " + field + ", which grant-type "
                    + grant.configName() + " needs; set " + messages.key(key) + " to the server's endpoint");
        }
    }

    private static String listed(List<String> list) {
        return list == null ? "not listed" : list.toString();
    }

    /**
     * For the mutual-TLS methods the endpoint of {@code mtls_endpoint_aliases} when the document names one (RFC 8705
     * §5): a server may ask for client certificates on another host or port only, and every endpoint the client
     * authenticates at (token, device authorization, revocation) is then there.
     */
    private URI mutualTlsAlias(ServerMetadata metadata, String field, URI plain) {
        if (!client.clientAuth().presentsCertificate()) {
            return plain;
        }
        URI alias = optional(metadata, ServerMetadataLookup.MTLS_ALIASES + "." + field);
        return alias == null ? plain : alias;
    }

    /** An endpoint the client may not need: one it cannot use is left out, and said so. */
    private URI optional(ServerMetadata metadata, String field) {
        String text = metadata.text(field);
        URI endpoint = text == null ? null : endpoint(metadata, field);
        if (text != null && endpoint == null) {
            LOG.warn(messages.log("the metadata document " + metadata.document() + " names as " + field
                    + " a URL oauth-agent cannot use (" + unusable(text) + "); it is not used"));
        }
        return endpoint;
    }

    /** The field as a URL the client may send credentials to, or null. */
    private URI endpoint(ServerMetadata metadata, String field) {
        if (metadata.endpoint(field) == null) {
            return null;
        }
        try {
            URI url = new URI(metadata.text(field));
            boolean https = "https".equalsIgnoreCase(url.getScheme());
            return (https || client.allowHttp()) && url.getRawUserInfo() == null && url.getRawFragment() == null
                    ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Why a URL is not taken; the URL itself is not repeated, as it may carry anything. */
    private String unusable(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return "it uses plain http, which would send the client secret and tokens unencrypted; the server must"
                    + " name an https endpoint, or for a test server set " + messages.key("allow-http") + "=true";
        }
        return "it is not an absolute https URL without user info or fragment";
    }

    private DiscoveryFailure invalid(ServerMetadata metadata, Reason reason, String why) {
        return new DiscoveryFailure(messages.exception("the metadata document " + metadata.document() + " "
                + why + "."), Kind.TERMINAL, reason);
    }
}
