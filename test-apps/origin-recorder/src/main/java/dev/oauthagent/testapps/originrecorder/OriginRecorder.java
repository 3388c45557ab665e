package dev.oauthagent.testapps.originrecorder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The "other origin": a server a token must never reach. It answers 200 to anything and records, for every
 * request, the method, the path and whether an {@code Authorization} header came (its scheme and a fingerprint
 * of its credentials: see {@link RecordedRequests}).
 *
 * <p>Special paths: {@code GET /__recorded} returns the recorded lines (one per request, oldest first, not
 * itself recorded); {@code POST /__reset} forgets them; {@code /redirect?status=302&location=<url>} answers
 * with that redirect (recorded like any other request), so a test can send a client from an allowed host here
 * or from here to anywhere.
 *
 * <p>Options: {@code --port=N} (default 0 = any free port). When ready it prints one line to stdout:
 * {@code ORIGIN_RECORDER_READY url=http://127.0.0.1:<port>}. It binds 127.0.0.1 only.
 */
public final class OriginRecorder {
    static final String READY_PREFIX = "ORIGIN_RECORDER_READY url=";
    /** A request body is read and thrown away up to this size; the recorder only reports its length. */
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    private final RecordedRequests recorded = new RecordedRequests();

    public static void main(String[] args) throws IOException {
        // Without it every keep-alive request on the JDK server stalls ~40 ms (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = port(args);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/", new OriginRecorder()::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "origin-recorder");
            thread.setDaemon(false);
            return thread;
        }));
        server.start();
        System.out.println(READY_PREFIX + "http://127.0.0.1:" + server.getAddress().getPort());
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
            if ("POST".equals(exchange.getRequestMethod()) && "/__reset".equals(path)) {
                recorded.clear();
                respond(exchange, 200, "reset\n");
                return;
            }
            recorded.add(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"));
            if ("/redirect".equals(path)) {
                redirect(exchange);
                return;
            }
            respond(exchange, 200, "ok " + exchange.getRequestMethod() + " " + path + " body=" + bodyLength + "\n");
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
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
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

    private static int port(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                try {
                    return Integer.parseInt(arg.substring("--port=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(arg + " is not a port number: use e.g. --port=0 (any free port)");
                }
            }
            throw new IllegalArgumentException("unknown argument '" + arg + "': the only option is --port=N");
        }
        return 0;
    }
}
