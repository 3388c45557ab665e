package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.auth.ClientAuthentication;
import dev.oauthagent.agent.token.grant.Grant;
import dev.oauthagent.bootstrap.AgentCall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches access tokens for one client from its token endpoint (RFC 6749 §4.4) with HttpURLConnection,
 * which every JVM has, from Java 8 on.
 *
 * <p>What each request is held to: a connect timeout and a per-read timeout from the configuration, and a
 * total deadline of both added together ({@link TotalDeadline}); a 1 MiB response limit; no redirects (a
 * redirect would resend the client credentials to wherever it points); no caches; TLS verified against the
 * JVM's trust store or the client's own truststore. The thread is marked with {@link AgentCall} for
 * the duration, so the agent's HTTP instrumentation can leave this request alone.
 *
 * <p>Thread-safe; the cache calls {@link #fetch()} from its own thread, one fetch at a time per client.
 */
public final class TokenEndpointClient implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);

    private final ClientConfig client;
    private final Grant grant;
    private final ClientAuthentication authentication;
    private final TokenResponseValidator validator;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final TransportFailureClassifier transportFailures;
    private final ScheduledExecutorService deadlineTimer;
    private volatile SSLSocketFactory truststoreFactory;

    public TokenEndpointClient(ClientConfig client) {
        this(client, Clock.systemUTC());
    }

    /** @param clock the wall clock, for Retry-After dates */
    TokenEndpointClient(ClientConfig client, Clock clock) {
        this.client = client;
        this.grant = Grant.forClient(client);
        this.authentication = ClientAuthentication.forClient(client);
        this.validator = new TokenResponseValidator(client, clock);
        this.messages = new ClientMessages(client);
        this.sanitizer = ServerTextSanitizer.forClient(client);
        this.transportFailures = new TransportFailureClassifier(client, messages, sanitizer);
        this.deadlineTimer = TotalDeadline.newTimer(client.name());
    }

    @Override
    public AccessToken fetch() throws TokenFetchException {
        checkScheme();
        TokenRequest request = buildRequest();
        boolean wasActive = AgentCall.enter();
        try {
            LOG.debug(messages.log("requesting a token from " + messages.endpoint()));
            AccessToken token = validator.validate(send(request));
            LOG.debug(messages.log("got token " + token.fingerprint() + ", lifetime " + token.lifetimeSeconds() + " s"));
            return token;
        } finally {
            AgentCall.exit(wasActive);
        }
    }

    private TokenRequest buildRequest() {
        TokenRequest.Builder request = TokenRequest.builder(client.tokenUrl());
        grant.addTo(request);
        authentication.applyTo(request);
        return request.build();
    }

    private TokenHttpResponse send(TokenRequest request) throws TokenFetchException {
        final HttpURLConnection connection = open(request.url());
        final AbortableSslSocketFactory tls = connection instanceof HttpsURLConnection
                ? new AbortableSslSocketFactory(client.truststore() != null ? truststoreFactory()
                        : ((HttpsURLConnection) connection).getSSLSocketFactory())
                : null;
        Duration total = client.connectTimeout().plus(client.readTimeout());
        boolean connecting = true;
        try (TotalDeadline deadline = new TotalDeadline(total, deadlineTimer, new Runnable() {
            @Override
            public void run() {
                connection.disconnect();
                if (tls != null) {
                    tls.abort();
                }
            }
        })) {
            try {
                configure(connection, request, tls);
                connection.connect();
                connecting = false;
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request.formBody());
                }
                int status = connection.getResponseCode();
                deadline.check();
                if (status < 100) {
                    throw new IOException("the answer is not an HTTP response");
                }
                if (status >= 300 && status < 400) {
                    throw redirected(status, connection.getHeaderField("Location"));
                }
                return new TokenHttpResponse(status, connection.getContentType(),
                        connection.getHeaderField("Retry-After"), readBody(connection, status, deadline));
            } catch (IOException e) {
                throw transportFailures.classify(e, connecting, deadline);
            } finally {
                if (!deadline.aborted()) {
                    connection.disconnect(); // else the abort did, and doing it again can wait (TotalDeadline#aborted)
                }
            }
        }
    }

    private HttpURLConnection open(URI url) throws TokenFetchException {
        try {
            return (HttpURLConnection) url.toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenFetchException(messages.exception("cannot open a connection to " + messages.endpoint()
                    + " (" + e.getClass().getSimpleName() + "); check " + messages.key("token-url") + "."),
                    Kind.TERMINAL, null, -1, -1, e);
        }
    }

    /** @param tls the socket factory for an https connection, or null for http */
    private void configure(HttpURLConnection connection, TokenRequest request, SSLSocketFactory tls)
            throws IOException {
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(millis(client.connectTimeout()));
        connection.setReadTimeout(millis(client.readTimeout()));
        // No fixed-length streaming mode: in that mode a 401 throws HttpRetryException and its body, the
        // invalid_client error the user needs to see, is lost. The body is a few hundred bytes anyway.
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            connection.setRequestProperty(h.getKey(), h.getValue());
        }
        NoAuthenticator.installOn(connection);
        if (tls != null) {
            ((HttpsURLConnection) connection).setSSLSocketFactory(tls);
        }
    }

    private static byte[] readBody(HttpURLConnection connection, int status, TotalDeadline deadline)
            throws IOException {
        if (connection.getContentLengthLong() > ResponseBodyReader.MAX_BYTES) {
            throw new ResponseBodyReader.TooLargeException();
        }
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        byte[] body = ResponseBodyReader.read(in, ResponseBodyReader.MAX_BYTES, deadline);
        // Closed here only when read to the end. A stream left half-read is closed once, by send()'s disconnect or
        // by the deadline's abort: a second close would wait for the JDK's keep-alive cleaner (TotalDeadline#aborted).
        in.close();
        return body;
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
        throw new TokenFetchException(messages.exception(messages.key("token-url") + " " + why + "."),
                Kind.TERMINAL, null, -1, -1, null);
    }

    private SSLSocketFactory truststoreFactory() throws TokenFetchException {
        SSLSocketFactory factory = truststoreFactory;
        if (factory == null) {
            try {
                factory = TruststoreSocketFactory.load(client);
            } catch (IOException | GeneralSecurityException e) {
                throw new TokenFetchException(messages.exception("cannot load truststore " + client.truststore()
                        + " (" + e.getClass().getSimpleName() + ": " + sanitizer.sanitize(String.valueOf(e.getMessage())) + "); check " + messages.key("truststore") + ", "
                        + messages.key("truststore-password") + " and " + messages.key("truststore-type") + "."),
                        Kind.TERMINAL, null, -1, -1, e);
            }
            truststoreFactory = factory; // racing loads produce equal factories; either may win
        }
        return factory;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
