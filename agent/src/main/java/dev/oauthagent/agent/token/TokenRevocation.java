package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.auth.ClientAuthentication;

import java.net.URI;
import java.util.Locale;

/**
 * Revokes a refresh token at the authorization server (RFC 7009), for {@code logout}. The revocation endpoint
 * comes from the server's metadata document, and is used only when that document names this client's
 * token-url as its {@code token_endpoint} (so it describes this very server, not a neighbour at the same
 * origin) and the endpoint is at the token-url's scheme, host and port (the client's credentials go nowhere
 * else). The request is one {@link AuthServerExchange}: bounded, never redirected, the agent's own TLS.
 *
 * <p>Revocation is a courtesy to the server: whatever it answers, the caller still deletes its own copy.
 */
public final class TokenRevocation {
    /** How a revocation ended. */
    public enum Outcome {
        /** The server took it (RFC 7009 §2.2: also when the token was already invalid). */
        REVOKED,
        /** The server offers no revocation (for this token type): the token stays valid until it expires. */
        NOT_OFFERED,
        /** The request failed: the token may still be valid at the server. */
        FAILED
    }

    /** The outcome and a sentence for the user; never holds the token. */
    public static final class Result {
        private final Outcome outcome;
        private final String message;

        Result(Outcome outcome, String message) {
            this.outcome = outcome;
            this.message = message;
        }

        public Outcome outcome() {
            return outcome;
        }

        public String message() {
            return message;
        }

        @Override
        public String toString() {
            return "Result{" + outcome + ": " + message + "}";
        }
    }

    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final AuthServerExchange exchange;

    public TokenRevocation(ClientConfig client) {
        this.client = client;
        this.messages = new ClientMessages(client);
        this.sanitizer = ServerTextSanitizer.forClient(client);
        this.exchange = new AuthServerExchange(client, messages, sanitizer);
    }

    /** Network I/O, bounded by the client's timeouts. */
    public Result revokeRefreshToken(String refreshToken) {
        if (client.issuer() != null) {
            return revokeAtIssuer(refreshToken);
        }
        ServerMetadata metadata;
        try {
            metadata = new ServerMetadataLookup(client.tokenUrl(), exchange, messages).find();
        } catch (TokenFetchException e) {
            return notAsked(e);
        }
        if (metadata == null) {
            return notOffered("found no metadata document at " + origin(client.tokenUrl())
                    + ", so no revocation endpoint is known");
        }
        // A mutual-TLS client's token-url may be the certificate-asking alias (RFC 8705 §5), its revocation there too.
        String aliases = ServerMetadataLookup.MTLS_ALIASES + ".";
        boolean viaAlias = client.clientAuth().presentsCertificate()
                && metadata.names(aliases + "token_endpoint", client.tokenUrl());
        if (!viaAlias && !metadata.names("token_endpoint", client.tokenUrl())) {
            return notOffered("its metadata document " + metadata.document() + " names another token_endpoint than "
                    + messages.key("token-url") + ", so its revocation endpoint is not taken to be this server's");
        }
        String endpoint = viaAlias && metadata.endpoint(aliases + "revocation_endpoint") != null
                ? metadata.endpoint(aliases + "revocation_endpoint") : metadata.endpoint("revocation_endpoint");
        if (endpoint == null) {
            return notOffered("its metadata document " + metadata.document() + " names no revocation_endpoint");
        }
        URI url = URI.create(endpoint);
        if (!origin(url).equals(origin(client.tokenUrl()))) {
            return notOffered("its revocation_endpoint " + sanitizer.sanitize(origin(url)) + " is on another origin"
                    + " than " + messages.key("token-url") + ", and the client's credentials are not sent there");
        }
        return send(url, refreshToken);
    }

    /**
     * For a client configured with issuer: the revocation endpoint its metadata document names, wherever it is
     * (the document, checked to be the issuer's own, is the server's statement; {@link IssuerMetadataReader}).
     */
    private Result revokeAtIssuer(String refreshToken) {
        DiscoveredEndpoints endpoints;
        try {
            endpoints = new IssuerDiscovery(client).endpoints();
        } catch (TokenFetchException e) {
            return notAsked(e);
        }
        if (endpoints.revocationEndpoint() == null) {
            return notOffered("its metadata document " + endpoints.document() + " names no revocation_endpoint");
        }
        return send(endpoints.revocationEndpoint(), refreshToken);
    }

    /** When the server could not be asked which revocation endpoint it has. */
    public static Result notAsked(TokenFetchException e) {
        return new Result(Outcome.FAILED, e.getMessage() + " The refresh token was not revoked; it may still be"
                + " valid at the server.");
    }

    /** For a refresh token issued by another token endpoint than the client's: it is not sent anywhere. */
    public static Result notSent(ClientConfig client, String issuingEndpoint) {
        ClientMessages messages = new ClientMessages(client);
        return new Result(Outcome.FAILED, messages.log("the refresh token was not revoked: it was issued by "
                + ServerTextSanitizer.forClient(client).sanitize(issuingEndpoint) + ", not by "
                + messages.key("token-url") + ", and a refresh token goes back only to the server that issued it. It"
                + " may still be valid there; revoke it at that server if it must stop working now."));
    }

    private Result send(URI url, String refreshToken) {
        TokenRequest.Builder request = TokenRequest.builder(url)
                .formParameter("token", refreshToken)
                .formParameter("token_type_hint", "refresh_token");
        ClientAuthentication.forClient(client).applyTo(request);
        TokenRequest built = request.build();
        TokenHttpResponse response;
        try {
            response = exchange.send("POST", url, built.headers(), built.formBody());
        } catch (TokenFetchException e) {
            return new Result(Outcome.FAILED, e.getMessage());
        }
        int status = response.status();
        if (status == 200) {
            return new Result(Outcome.REVOKED, messages.log("the refresh token is revoked at " + url));
        }
        String error = errorCode(response);
        if ("unsupported_token_type".equals(error)) {
            return notOffered("it does not revoke refresh tokens (unsupported_token_type)");
        }
        return new Result(Outcome.FAILED, messages.log("revocation at " + url + " failed: HTTP " + status
                + (error == null ? "" : ", error " + sanitizer.sanitize(error)) + (status == 503
                ? "; the server asks to try again later" : "") + ". The refresh token may still be valid at the"
                + " server; revoke it there if it must stop working now."));
    }

    private Result notOffered(String why) {
        return new Result(Outcome.NOT_OFFERED, messages.log("the refresh token was not revoked at the server: "
                + "the server at " + origin(client.tokenUrl()) + " offers no revocation oauth-agent can use: " + why
                + ". It stays valid until it expires; revoke it at the server if it must stop working now."));
    }

    private static String errorCode(TokenHttpResponse response) {
        try {
            return new TokenResponseParser().parse(response.body()).error();
        } catch (MalformedTokenResponseException e) {
            return null;
        }
    }

    /** Scheme, host and port as the connection sees them: an explicit default port is the same origin. */
    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("http") ? 80 : 443;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
