package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.AuthServerGet;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.grant.AuthorizationCodeGrant;
import dev.oauthagent.agent.token.user.InteractiveLogin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;

/**
 * The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636 S256) for a native program (RFC 8252): the
 * person logs in in a browser, the server redirects the browser to a listener on the loopback, and the code it
 * brings is redeemed at the token endpoint with the verifier only this flow knows.
 *
 * <p>One run: start the listener (its port replaces a port 0 in the redirect URI), build the authorization
 * request, check it once against the server ({@link AuthorizationPreflight}), print its URL and try to open a
 * browser, wait a bounded time for the redirect with the right state, close the listener, redeem the code. The
 * listener is closed on every way out: success, refusal, timeout, interruption.
 *
 * <p>Public clients ({@code client-auth=none}) and confidential ones differ only in the token request's
 * client authentication, which the {@link TokenEndpointClient} adds.
 */
public final class AuthorizationCodeFlow implements InteractiveLogin {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCodeFlow.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** Redeems a code; the token endpoint client in production. */
    interface CodeRedeemer {
        AccessToken redeem(AuthorizationCodeGrant grant) throws TokenFetchException;
    }

    private final ClientConfig client;
    private final URI authorizationUrl;
    private final String redirectUri;
    private final CodeRedeemer redeemer;
    private final BrowserLauncher browser;
    private final PrintStream out;
    private final Duration timeout;
    private final SecureRandom random;
    private final CodeFlowMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final AuthorizationPreflight preflight;

    private AuthorizationCodeFlow(Builder b) {
        this.client = b.client;
        this.authorizationUrl = b.authorizationUrl;
        this.redirectUri = b.redirectUri;
        this.redeemer = b.redeemer;
        this.browser = b.browser;
        this.out = b.out;
        this.timeout = b.timeout;
        this.random = b.random;
        this.messages = new CodeFlowMessages(client);
        this.sanitizer = ServerTextSanitizer.forClient(client);
        this.preflight = new AuthorizationPreflight(new AuthServerGet(client), sanitizer, messages);
    }

    /**
     * @param client           the client: its name, client-id, scopes, timeouts, TLS and allow-http
     * @param authorizationUrl the authorization endpoint (authorization-url)
     * @param redirectUri      the loopback redirect URI as configured (redirect-uri), port 0 for any free port
     * @param tokens           the client's token endpoint client; it adds the client authentication
     */
    public static Builder builder(ClientConfig client, URI authorizationUrl, String redirectUri,
            final TokenEndpointClient tokens) {
        return new Builder(client, authorizationUrl, redirectUri, new CodeRedeemer() {
            @Override
            public AccessToken redeem(AuthorizationCodeGrant grant) throws TokenFetchException {
                return tokens.fetch(grant);
            }
        });
    }

    static Builder builder(ClientConfig client, URI authorizationUrl, String redirectUri, CodeRedeemer redeemer) {
        return new Builder(client, authorizationUrl, redirectUri, redeemer);
    }

    @Override
    public AccessToken login() throws TokenFetchException, InterruptedException {
        LoopbackRedirectUri redirect = LoopbackRedirectUri.parse(redirectUri, messages);
        checkAuthorizationUrl();
        Pkce pkce = Pkce.generate(random);
        CallbackState state = CallbackState.generate(random);
        try (LoopbackCallbackServer callback = startListening(redirect, state)) {
            String sentRedirectUri = redirect.withPort(callback.port());
            URI request = AuthorizationUrl.build(authorizationUrl, client.clientId(), sentRedirectUri,
                    client.scopes(), state.value(), pkce.challenge());
            preflight.check(request, sentRedirectUri, client.clientId());
            sendPersonTo(request);
            String code = codeFrom(callback.await(timeout), callback, sentRedirectUri);
            AccessToken token;
            try {
                token = redeemer.redeem(new AuthorizationCodeGrant(code, sentRedirectUri, pkce.verifier()));
            } catch (TokenFetchException e) {
                String error = e.errorCode() == null ? "" : " (" + sanitizer.sanitize(e.errorCode()) + ")";
                callback.finish(CallbackPage.failed(client.name(), "the authorization server did not exchange the"
                        + " code for tokens" + error + "; the terminal where the login runs says why"));
                throw e;
            }
            callback.finish(CallbackPage.loggedIn(client.name()));
            return token;
        }
    }

    private LoopbackCallbackServer startListening(LoopbackRedirectUri redirect, CallbackState state)
            throws TokenFetchException {
        try {
            return LoopbackCallbackServer.start(redirect, state, sanitizer, messages, out);
        } catch (NoClassDefFoundError e) {
            throw messages.terminal("this Java runtime has no HTTP server (module jdk.httpserver), which the"
                    + " authorization code flow needs to receive the browser's redirect; run the login with a full"
                    + " JDK or JRE, or use grant-type=device_code.", null);
        }
    }

    private void sendPersonTo(URI request) {
        out.println(messages.exception("to log in, open this address in a browser on this machine (waiting up to "
                + describe(timeout) + "):"));
        out.println(request.toASCIIString());
        out.flush();
        try {
            browser.open(request);
        } catch (RuntimeException e) {
            LOG.debug(messages.exception("no browser opened: " + e.getClass().getSimpleName()));
        }
    }

    private String codeFrom(AuthorizationResponse response, LoopbackCallbackServer callback, String sentRedirectUri)
            throws TokenFetchException {
        if (response == null) {
            int refused = callback.refusedStates();
            throw messages.terminal("no login came back within " + describe(timeout) + ": the browser was not"
                    + " redirected to " + sentRedirectUri + ". Finish the login in the browser within that time. The"
                    + " browser must run on this machine, since the server sends it back to the loopback address"
                    + " (from another machine, set a fixed port in " + messages.key("redirect-uri")
                    + " and forward it with ssh -L)."
                    + (refused == 0 ? "" : " " + refused + (refused == 1 ? " answer" : " answers")
                            + " with a wrong state were refused: use the address printed last."), null);
        }
        if (!response.isCode()) {
            throw new TokenFetchException(messages.exception("the authorization server sent back "
                    + response.describeError() + " instead of a code. " + hintFor(response.error())),
                    TokenFetchException.Kind.TERMINAL, response.error(), -1, -1, null);
        }
        return response.code();
    }

    private String hintFor(String error) {
        if ("access_denied".equals(error)) {
            return "The login was refused or cancelled in the browser; run it again and allow the access.";
        }
        if ("invalid_scope".equals(error)) {
            return "The server does not grant the requested scopes; check " + messages.key("scopes") + ".";
        }
        if ("unauthorized_client".equals(error) || "unsupported_response_type".equals(error)) {
            return "The server does not let client-id '" + client.clientId() + "' use the authorization code grant;"
                    + " check " + messages.key("client-id") + " and the client's registration.";
        }
        return "Run the login again; if it keeps failing, the server's log says why.";
    }

    private void checkAuthorizationUrl() throws TokenFetchException {
        if (authorizationUrl == null) {
            throw messages.terminal(messages.key("authorization-url") + " is not set; the authorization code flow"
                    + " needs the server's authorization endpoint.", null);
        }
        String scheme = authorizationUrl.getScheme() == null ? "" : authorizationUrl.getScheme().toLowerCase(Locale.ROOT);
        String key = messages.key("authorization-url");
        if (authorizationUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw messages.terminal(key + " must be an https URL.", null);
        }
        if (scheme.equals("http") && !client.allowHttp()) {
            throw messages.terminal(key + " uses plain http, which lets anyone on the way read and change the login;"
                    + " use https, or set " + messages.key("allow-http") + "=true for a test server.", null);
        }
        if (authorizationUrl.getRawFragment() != null) {
            throw messages.terminal(key + " must not have a fragment (#...) (RFC 6749 §3.1).", null);
        }
    }

    static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0) {
            return (millis / 60_000) + " min";
        }
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    @Override
    public String toString() {
        return "AuthorizationCodeFlow{client=" + client.name() + ", redirectUri=" + redirectUri + "}";
    }

    public static final class Builder {
        private final ClientConfig client;
        private final URI authorizationUrl;
        private final String redirectUri;
        private final CodeRedeemer redeemer;
        private BrowserLauncher browser = new SystemBrowser();
        private PrintStream out = System.err;
        private Duration timeout = DEFAULT_TIMEOUT;
        private SecureRandom random = new SecureRandom();

        private Builder(ClientConfig client, URI authorizationUrl, String redirectUri, CodeRedeemer redeemer) {
            this.client = client;
            this.authorizationUrl = authorizationUrl;
            this.redirectUri = redirectUri;
            this.redeemer = redeemer;
        }

        /** Default: the desktop's browser ({@link SystemBrowser}). */
        public Builder browser(BrowserLauncher v) { this.browser = v; return this; }

        /** Where the URL and the person's instructions go. Default: System.err. */
        public Builder out(PrintStream v) { this.out = v; return this; }

        /** How long to wait for the browser's redirect. Default: 5 minutes. */
        public Builder timeout(Duration v) { this.timeout = v; return this; }

        Builder random(SecureRandom v) { this.random = v; return this; }

        public AuthorizationCodeFlow build() {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the login timeout must be positive: " + timeout);
            }
            return new AuthorizationCodeFlow(this);
        }
    }
}
