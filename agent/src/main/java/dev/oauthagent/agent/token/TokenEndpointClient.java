package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.auth.ClientAuthentication;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.grant.Grant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches access tokens for one client from its token endpoint (RFC 6749 §4.4). Each request is one
 * {@link AuthServerExchange}: bounded in time and size, never redirected, over the agent's own TLS. A 404 or
 * 405 means token-url is not a token endpoint; {@link TokenEndpointDiscovery} adds the one to configure.
 *
 * <p>Thread-safe; the cache calls {@link #fetch()} from its own thread, one fetch at a time per client.
 */
public final class TokenEndpointClient implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);

    private final ClientConfig client;
    /** Null for a user grant, whose requests each name their grant ({@link #fetch(Grant)}). */
    private final Grant grant;
    private final ClientAuthentication authentication;
    private final TokenResponseValidator validator;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final AuthServerExchange exchange;
    private final TokenEndpointDiscovery discovery;

    public TokenEndpointClient(ClientConfig client) {
        this(client, SecretListener.NONE);
    }

    /** @param secrets learns each new value of a client secret read again from its file, before it is sent */
    public TokenEndpointClient(ClientConfig client, SecretListener secrets) {
        this(client, Clock.systemUTC(), ClientAuthentication.forClient(client, Ticker.system(), secrets),
                JvmProxySettings.atStart(), ResponseDateListener.NONE, secrets);
    }

    /**
     * @param client a client with its token endpoint: for one configured with issuer, as discovered
     *               ({@link IssuerDiscovery#resolve()})
     * @param clock  the wall clock, for Retry-After dates
     */
    TokenEndpointClient(ClientConfig client, Clock clock) {
        this(client, clock, ClientAuthentication.forClient(client));
    }

    TokenEndpointClient(ClientConfig client, Clock clock, ClientAuthentication authentication) {
        this(client, clock, authentication, JvmProxySettings.atStart(), ResponseDateListener.NONE,
                SecretListener.NONE);
    }

    /** @param jvmProxy the JVM's proxy set-up, as if the agent had started with it */
    TokenEndpointClient(ClientConfig client, Clock clock, JvmProxySettings jvmProxy) {
        this(client, clock, ClientAuthentication.forClient(client), jvmProxy, ResponseDateListener.NONE,
                SecretListener.NONE);
    }

    /** For {@code check}: as the agent fetches, and {@code dates} hears each answer's Date header. */
    public TokenEndpointClient(ClientConfig client, ResponseDateListener dates) {
        this(client, Clock.systemUTC(), ClientAuthentication.forClient(client), JvmProxySettings.atStart(), dates,
                SecretListener.NONE);
    }

    private TokenEndpointClient(ClientConfig client, Clock clock, ClientAuthentication authentication,
            JvmProxySettings jvmProxy, ResponseDateListener dates, SecretListener secrets) {
        if (client.tokenUrl() == null) {
            throw new IllegalArgumentException("client '" + client.name() + "': its issuer's endpoints are not"
                    + " discovered yet");
        }
        this.client = client;
        this.grant = client.grantType().holdsRefreshTokens() ? null : Grant.forClient(client);
        this.authentication = authentication;
        this.validator = new TokenResponseValidator(client, clock);
        this.messages = new ClientMessages(client);
        this.sanitizer = ServerTextSanitizer.forClient(client);
        this.exchange = new AuthServerExchange(client, messages, sanitizer, jvmProxy, dates, secrets);
        // With issuer, the token endpoint came from the server's own document: it has no other to hint at.
        this.discovery = client.issuer() != null ? null
                : new TokenEndpointDiscovery(client.tokenUrl(), exchange, messages, sanitizer);
    }

    /**
     * How this client authenticates: shared with the device authorization request, so that a rotated secret is read
     * once and the scrubber hears of it before either request sends it.
     */
    public ClientAuthentication authentication() {
        return authentication;
    }

    /** A token with the configured grant: client credentials only (see {@link Grant#forClient}). */
    @Override
    public AccessToken fetch() throws TokenFetchException {
        if (grant == null) {
            throw new IllegalStateException("client '" + client.name() + "': grant-type "
                    + client.grantType().configName() + " has no fixed grant; use fetch(Grant)");
        }
        return fetch(grant);
    }

    /**
     * One token request with another grant than the configured one, under the same client authentication,
     * validation and error reporting: the user grants' steps (a device code polled, an authorization code or a
     * refresh token redeemed) each send one.
     */
    public AccessToken fetch(Grant grant) throws TokenFetchException {
        try {
            return fetchOnce(grant);
        } catch (TokenFetchException e) {
            if (!refusedClient(e) || !authentication.secretChangedOnReread()) {
                throw e;
            }
            // Once, never in a loop: a second refusal is the usual terminal failure, with the new secret's origin.
            String file = client.clientAuth() == ClientAuthMethod.PRIVATE_KEY_JWT ? "private-key's" : "client-secret's";
            LOG.info(messages.log("the server refused the client (" + describeRefusal(e) + ") and " + file + " "
                    + "file changed since it was read; requesting again once with the new value"));
            return fetchOnce(grant);
        }
    }

    /** A refusal a rotated secret explains: {@code invalid_client}, or a bare 401 from a server that names no code. */
    private static boolean refusedClient(TokenFetchException e) {
        return "invalid_client".equals(e.errorCode()) || (e.errorCode() == null && e.httpStatus() == 401);
    }

    private static String describeRefusal(TokenFetchException e) {
        return e.errorCode() == null ? "HTTP " + e.httpStatus() : e.errorCode();
    }

    private AccessToken fetchOnce(Grant grant) throws TokenFetchException {
        checkScheme();
        String unusable = authentication.unusableNow();
        if (unusable != null) {
            throw new TokenFetchException(messages.exception(unusable), Kind.TRANSIENT, null, -1, -1, null);
        }
        TokenRequest request = buildRequest(grant);
        LOG.debug(messages.log("requesting a token from " + messages.endpoint()));
        AccessToken token;
        try {
            token = validator.validate(send(request));
        } catch (TokenFetchException e) {
            throw discovery != null && ErrorResponseClassifier.isNotATokenEndpoint(e.httpStatus())
                    ? discovery.withHint(e) : e;
        }
        LOG.debug(messages.log("got token " + token.fingerprint() + ", lifetime " + token.lifetimeSeconds() + " s"));
        return token;
    }

    private TokenRequest buildRequest(Grant grant) {
        TokenRequest.Builder request = TokenRequest.builder(client.tokenUrl());
        grant.addTo(request);
        authentication.applyTo(request);
        for (Map.Entry<String, Secret> param : client.tokenParams().entrySet()) {
            request.maskedFormParameter(param.getKey(), param.getValue().reveal());
        }
        return request.build();
    }

    private TokenHttpResponse send(TokenRequest request) throws TokenFetchException {
        TokenHttpResponse response = exchange.send("POST", request.url(), request.headers(), request.formBody());
        if (response.isRedirect()) {
            throw redirected(response.status(), response.location());
        }
        return response;
    }

    private TokenFetchException redirected(int status, String location) {
        return new TokenFetchException(messages.exception(messages.endpoint() + " redirected (HTTP " + status
                + ") to " + describeLocation(location) + "; configure the final token URL in "
                + messages.key("token-url") + ". oauth-agent does not follow redirects: they would resend the client"
                + " credentials."), Kind.TERMINAL, null, status, -1, null);
    }

    private String describeLocation(String location) {
        if (location == null) {
            return "no Location";
        }
        try {
            URI target = client.tokenUrl().resolve(location.trim());
            String host = target.getHost();
            return host == null ? "an unreadable Location" : sanitizer.sanitize(host)
                    + (target.getPort() == -1 ? "" : ":" + target.getPort());
        } catch (IllegalArgumentException e) {
            return "an unreadable Location";
        }
    }

    private void checkScheme() throws TokenFetchException {
        String scheme = client.tokenUrl().getScheme() == null ? "" : client.tokenUrl().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && client.allowHttp())) {
            return;
        }
        String why = scheme.equals("http")
                ? "uses plain http, which would send the client secret and tokens unencrypted; use https, or set "
                        + messages.key("allow-http") + "=true for a test server"
                : "must be an https URL";
        throw new TokenFetchException(messages.exception(messages.urlKey() + " " + why + "."),
                Kind.TERMINAL, null, -1, -1, null);
    }
}
