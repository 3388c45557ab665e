package dev.oauthagent.testapps.originrecorder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The "other origin": a server a token must never reach. It answers 200 to anything and records, for every
 * request, the method, the path and whether an {@code Authorization} header came (its scheme and a fingerprint
 * of its credentials, each one where several came: see {@link RecordedRequests}).
 *
 * <p>Special paths: {@code GET /__recorded} returns the recorded lines (one per request, oldest first, not
 * itself recorded); {@code POST /__reset} forgets them; {@code /redirect?status=302&location=<url>} (or
 * {@code /redirect/<anything>?...}, so each redirect a test sends has its own recorded path) answers with that
 * redirect (recorded like any other request), so a test can send a client from an allowed host here
 * or from here to anywhere; with {@code &after-tokens=N} it first holds the answer back until N different Bearer
 * credentials other than its own arrived on later requests (at most {@link #HOLD_TIMEOUT_MILLIS}), so a test
 * can make a client's token rotate during one redirect; {@code POST /__reject-next?count=N[&path=/prefix]} makes the next N recorded requests (under the prefix) answer
 * {@code 401} with {@code WWW-Authenticate: Bearer error="invalid_token"} (as a resource server does for a revoked
 * token), so a test can prove a client drops a token the server refused. {@code GET /__echo-authorization}
 * answers with the request's {@code Authorization} value as its body (how a careless program comes to log the
 * agent's token: it logs a response), and {@code GET /__echoed} lists the values echoed so far, one per line,
 * so a scrubbing test knows exactly which secrets must not appear. Neither is recorded. A path under
 * {@code /basic/} answers 401 with {@code WWW-Authenticate: Basic realm="origin-recorder"} unless the request
 * carries Basic credentials (any), so a test can drive a client's {@code Authenticator}; recorded like any other.
 * A SOAP 1.1 call (a POST of {@code text/xml}) that gets 200 is answered with an empty SOAP envelope, so a JAX-WS
 * client's call completes (its operation has no output); everything else about it is as for any request.
 *
 * <p>Options: {@code --port=N} (default 0 = any free port); {@code --tls-keystore=<PKCS12 file>} serves https
 * with the key in that file (its password in the environment variable {@code TLS_KEYSTORE_PASSWORD}, never on
 * the command line). When ready it prints one line to stdout:
 * {@code ORIGIN_RECORDER_READY url=http[s]://127.0.0.1:<port>}. It binds 127.0.0.1 only.
 */
public final class OriginRecorder {
    static final String READY_PREFIX = "ORIGIN_RECORDER_READY url=";
    /** A request body is read and thrown away up to this size; the recorder only reports its length. */
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** A held redirect answers after this at the latest; the test then sees too few tokens went by. */
    private static final long HOLD_TIMEOUT_MILLIS = 45_000;

    private static final String SOAP_CONTENT_TYPE = "text/xml; charset=utf-8";
    /** The answer to a SOAP call: an envelope with an empty body, as for an operation without output. */
    private static final String EMPTY_SOAP_RESPONSE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body/></soap:Envelope>";

    private static final String INVALID_TOKEN_CHALLENGE =
            "Bearer error=\"invalid_token\", error_description=\"rejected by the origin recorder's test hook\"";

    private final RecordedRequests recorded = new RecordedRequests();
    private final AtomicInteger rejectNext = new AtomicInteger();
    /** Authorization values sent back by /__echo-authorization, so a scrubbing test knows what must not be logged. */
    private final List<String> echoed = new CopyOnWriteArrayList<>();
    private volatile String rejectPathPrefix = "/";

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        // Without it every keep-alive request on the JDK server stalls ~40 ms (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        RecorderOptions options = RecorderOptions.parse(args);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
        HttpServer server;
        if (options.tlsKeystore() == null) {
            server = HttpServer.create(address, 128);
        } else {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext(options.tlsKeystore(),
                    System.getenv("TLS_KEYSTORE_PASSWORD"))));
            server = https;
        }
        server.createContext("/", new OriginRecorder()::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "origin-recorder");
            thread.setDaemon(false);
            return thread;
        }));
        server.start();
        String scheme = options.tlsKeystore() == null ? "http" : "https";
        System.out.println(READY_PREFIX + scheme + "://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            long bodyLength = drain(exchange.getRequestBody());
            if ("GET".equals(exchange.getRequestMethod()) && "/__recorded".equals(path)) {
                respond(exchange, 200, recorded.text());
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && "/__echo-authorization".equals(path)) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    echoed.add(authorization);
                }
                respond(exchange, 200, authorization == null ? "" : authorization);
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && "/__echoed".equals(path)) {
                StringBuilder text = new StringBuilder();
                for (String value : echoed) {
                    text.append(value).append('\n');
                }
                respond(exchange, 200, text.toString());
                return;
            }
            if ("POST".equals(exchange.getRequestMethod()) && "/__reset".equals(path)) {
                recorded.clear();
                echoed.clear();
                respond(exchange, 200, "reset\n");
                return;
            }
            if ("POST".equals(exchange.getRequestMethod()) && "/__reject-next".equals(path)) {
                Map<String, String> query = query(exchange.getRequestURI());
                rejectPathPrefix = query.getOrDefault("path", "/");
                rejectNext.set(Integer.parseInt(query.getOrDefault("count", "1")));
                respond(exchange, 200, "rejecting the next " + rejectNext.get() + " request(s) under "
                        + rejectPathPrefix + "\n");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int index = recorded.add(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().get("Authorization"));
            if (path.startsWith(rejectPathPrefix) && rejectNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.getResponseHeaders().set("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
                respond(exchange, 401, "invalid_token (test hook)\n");
                return;
            }
            if (path.startsWith("/basic/") && !startsWithIgnoreCase(
                    exchange.getRequestHeaders().getFirst("Authorization"), "Basic ")) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"origin-recorder\"");
                respond(exchange, 401, "Basic credentials required (test hook)\n");
                return;
            }
            if ("/redirect".equals(path) || path.startsWith("/redirect/")) {
                holdIfAsked(exchange, index, authorization);
                redirect(exchange);
                return;
            }
            if (isSoap(exchange)) {
                respond(exchange, 200, SOAP_CONTENT_TYPE, EMPTY_SOAP_RESPONSE);
                return;
            }
            respond(exchange, 200, "ok " + exchange.getRequestMethod() + " " + path + " body=" + bodyLength + "\n");
        }
    }

    /** A SOAP 1.1 call: a POST of {@code text/xml}, as a JAX-WS client sends it. */
    private static boolean isSoap(HttpExchange exchange) {
        return "POST".equals(exchange.getRequestMethod())
                && startsWithIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Type"), "text/xml");
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private void holdIfAsked(HttpExchange exchange, int index, String authorization) {
        String tokens = query(exchange.getRequestURI()).get("after-tokens");
        if (tokens == null) {
            return;
        }
        try {
            recorded.awaitOtherBearers(index, RecordedRequests.describe(authorization), Integer.parseInt(tokens),
                    HOLD_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redirect(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String location = query.get("location");
        int status;
        try {
            status = Integer.parseInt(query.getOrDefault("status", "302"));
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (location == null || status < 300 || status > 399) {
            respond(exchange, 400, "use /redirect?status=<3xx>&location=<url-encoded target>\n");
            return;
        }
        exchange.getResponseHeaders().set("Location", location);
        respond(exchange, status, "redirecting to " + location + "\n");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read = body.read(buffer); read >= 0 && total <= MAX_BODY_BYTES; read = body.read(buffer)) {
            total += read;
        }
        return total;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static SSLContext sslContext(Path keystore, String password) throws IOException, GeneralSecurityException {
        if (password == null) {
            throw new IllegalArgumentException("--tls-keystore needs its password in the environment variable "
                    + "TLS_KEYSTORE_PASSWORD");
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }
}
