package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.bootstrap.AgentCall;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP exchange of the agent with a client's authorization server (the token request, the device
 * authorization request, or the look-up of its discovery document), with HttpURLConnection, which every JVM has, from Java 8 on.
 *
 * <p>What each exchange is held to: a connect timeout and a per-read timeout from the configuration, and a
 * total deadline of both added together ({@link TotalDeadline}); a 1 MiB response limit; no redirects (a
 * redirect would resend the client credentials to wherever it points: a 3xx comes back as it is, without its
 * body); no caches; no Authenticator; the agent's own TLS ({@link TokenTls}); the proxy of the client's
 * configuration or of the JVM as it started, never a ProxySelector the application installed
 * ({@link AuthServerProxy}). The thread is marked with
 * {@link AgentCall} for the duration, so the agent's HTTP instrumentation leaves the request alone.
 *
 * <p>Thread-safe.
 */
public final class AuthServerExchange {
    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final TransportFailureClassifier transportFailures;
    private final TokenTls tls;
    private final ScheduledExecutorService deadlineTimer;
    private final AuthServerProxy proxy;
    private final ResponseDateListener dates;

    public AuthServerExchange(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer) {
        this(client, messages, sanitizer, JvmProxySettings.atStart());
    }

    AuthServerExchange(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer,
            JvmProxySettings jvmProxy) {
        this(client, messages, sanitizer, jvmProxy, ResponseDateListener.NONE);
    }

    /** @param dates hears each answer's Date header ({@code check}); {@link ResponseDateListener#NONE} in the agent */
    AuthServerExchange(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer,
            JvmProxySettings jvmProxy, ResponseDateListener dates) {
        this(client, messages, sanitizer, jvmProxy, dates, SecretListener.NONE);
    }

    /** @param secrets learns each new value of a proxy password read again from its file, before it is sent */
    AuthServerExchange(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer,
            JvmProxySettings jvmProxy, ResponseDateListener dates, SecretListener secrets) {
        this.client = client;
        this.dates = dates;
        this.proxy = new AuthServerProxy(client, messages, jvmProxy, secrets);
        this.messages = messages;
        this.sanitizer = sanitizer;
        this.transportFailures = new TransportFailureClassifier(client, messages, sanitizer);
        this.tls = new TokenTls(client);
        this.deadlineTimer = TotalDeadline.newTimer(client.name());
    }

    /** @param body the request body, or null for a GET */
    public TokenHttpResponse send(String method, URI url, Map<String, String> headers, byte[] body)
            throws TokenFetchException {
        boolean wasActive = AgentCall.enter();
        try {
            return exchange(method, url, headers, body);
        } finally {
            AgentCall.exit(wasActive);
        }
    }

    private TokenHttpResponse exchange(String method, URI url, Map<String, String> headers, byte[] body)
            throws TokenFetchException {
        ProxyRoute route = proxy.routeFor(url);
        boolean tunnel = "https".equalsIgnoreCase(url.getScheme()) && route.isHttpProxy();
        // A tunnel is opened by the socket factory itself (ProxyTunnelSocket), so the connection goes "direct".
        final HttpURLConnection connection = open(url, tunnel ? Proxy.NO_PROXY : route.asJavaProxy());
        final AbortableSslSocketFactory abortable = connection instanceof HttpsURLConnection
                ? new AbortableSslSocketFactory(tunnel ? new TunnelingSslSocketFactory(socketFactory(), route, proxy,
                        millis(client.readTimeout())) : socketFactory()) : null;
        Duration total = client.connectTimeout().plus(client.readTimeout());
        boolean connecting = true;
        try (TotalDeadline deadline = new TotalDeadline(total, deadlineTimer, new Runnable() {
            @Override
            public void run() {
                connection.disconnect();
                if (abortable != null) {
                    abortable.abort();
                }
            }
        })) {
            try {
                configure(connection, method, headers, body != null, abortable);
                if (route.isHttpProxy() && !tunnel && proxy.authorization() != null) {
                    // Plain http through a proxy: the request itself goes to the proxy, which takes this header.
                    connection.setRequestProperty("Proxy-Authorization", proxy.authorization());
                }
                connection.connect();
                connecting = false;
                dates.sent();
                if (body != null) {
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = connection.getResponseCode();
                deadline.check();
                if (dates != ResponseDateListener.NONE) {
                    dates.answered(connection.getHeaderField("Date"));
                }
                if (status < 100) {
                    throw new IOException("the answer is not an HTTP response");
                }
                if (status == 407 && route.isHttpProxy()) {
                    throw new ProxyFailureException(proxy.refusal(route, status, url.getHost()), null);
                }
                if (status >= 300 && status < 400) {
                    return new TokenHttpResponse(status, null, null, null, connection.getHeaderField("Location"), null);
                }
                return new TokenHttpResponse(status, connection.getContentType(),
                        connection.getHeaderField("Retry-After"), readBody(connection, status, deadline), null,
                        connection.getHeaderField("WWW-Authenticate"));
            } catch (IOException e) {
                throw transportFailures.classify(e, connecting, deadline);
            } finally {
                if (!deadline.aborted()) {
                    connection.disconnect(); // else the abort did, and doing it again can wait (TotalDeadline#aborted)
                }
            }
        }
    }

    private HttpURLConnection open(URI url, Proxy via) throws TokenFetchException {
        try {
            return (HttpURLConnection) url.toURL().openConnection(via);
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenFetchException(messages.exception("cannot open a connection to " + messages.endpoint()
                    + " (" + e.getClass().getSimpleName() + "); check " + messages.urlKey() + "."),
                    Kind.TERMINAL, null, -1, -1, e);
        }
    }

    /** @param abortable the socket factory for an https connection, or null for http */
    private void configure(HttpURLConnection connection, String method, Map<String, String> headers,
            boolean output, AbortableSslSocketFactory abortable) throws IOException {
        connection.setRequestMethod(method);
        connection.setDoOutput(output);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(millis(client.connectTimeout()));
        connection.setReadTimeout(millis(client.readTimeout()));
        // No fixed-length streaming mode: in that mode a 401 throws HttpRetryException and its body, the
        // invalid_client error the user needs to see, is lost. The body is a few hundred bytes anyway.
        for (Map.Entry<String, String> h : headers.entrySet()) {
            connection.setRequestProperty(h.getKey(), h.getValue());
        }
        NoAuthenticator.installOn(connection);
        if (abortable != null) {
            HttpsURLConnection https = (HttpsURLConnection) connection;
            https.setSSLSocketFactory(abortable);
            https.setHostnameVerifier(tls.hostnameVerifier());
        }
    }

    private SSLSocketFactory socketFactory() throws TokenFetchException {
        try {
            return tls.socketFactory();
        } catch (TokenTls.CertificateUnusable e) {
            throw new TokenFetchException(messages.exception(messages.key(e.key()) + " " + e.getMessage() + "."),
                    Kind.TERMINAL, null, -1, -1, e);
        } catch (IOException | GeneralSecurityException e) {
            String detail = e.getClass().getSimpleName() + ": " + sanitizer.sanitize(String.valueOf(e.getMessage()));
            String text = client.truststore() == null
                    ? "cannot set up TLS with the JDK's default trust (" + detail + "); check the javax.net.ssl.*"
                            + " system properties, or set " + messages.key("truststore") + "."
                    : "cannot load truststore " + client.truststore() + " (" + detail + "); check "
                            + messages.key("truststore") + ", " + messages.key("truststore-password") + " and "
                            + messages.key("truststore-type") + ".";
            throw new TokenFetchException(messages.exception(text), Kind.TERMINAL, null, -1, -1, e);
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

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
