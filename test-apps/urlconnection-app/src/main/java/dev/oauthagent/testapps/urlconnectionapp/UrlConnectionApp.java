package dev.oauthagent.testapps.urlconnectionapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * An "unmodified legacy app": Java 8 code that calls an HTTP API with {@link HttpURLConnection} and knows
 * nothing about OAuth. Under the agent its requests should gain a bearer token; without it a protected API
 * answers 401.
 *
 * <p>Options ({@code --name=value}, or the environment variable in brackets): {@code --url} [APP_URL, required;
 * may be given several times: the URLs are called one after the other, each {@code --requests} times, so one
 * JVM start covers many cases], {@code --requests} [APP_REQUESTS, default 1], {@code --pause-ms} [APP_PAUSE_MS,
 * default 0, between requests], {@code --method} [APP_METHOD: GET (default), POST, or ALTERNATE = GET, POST,
 * GET, ...], {@code --header} [APP_HEADER, e.g. {@code X-Trace: 42}, sent on every request],
 * {@code --follow-redirects} [APP_FOLLOW_REDIRECTS: true (default, as the JDK) or false], {@code --body}
 * [APP_BODY: how a POST body goes out: FIXED (default) length streaming, CHUNKED streaming, or BUFFERED by the
 * JDK], {@code --read} [APP_READ: CODE_FIRST (default: getResponseCode, then the body) or STREAM_FIRST
 * (getInputStream first, as many old programs do)], {@code --background-url} [APP_BACKGROUND_URL: a second
 * thread GETs it every 100 ms while the main requests run, as another part of a busy application would].
 *
 * <p>Output: one line per request, {@code REQUEST <n> status=<code> method=<m> bytes=<body length>} (status -1
 * and {@code error=<exception>} when no response came), then (with {@code --background-url})
 * {@code BACKGROUND ok=<2xx count> failed=<others>}, then {@code DONE ok=<2xx count> failed=<others>}.
 * Exit code 0 when every request got a 2xx, 1 otherwise, 2 for bad options.
 */
public final class UrlConnectionApp {
    private static final int CONNECT_TIMEOUT_MS = 5000;
    /** Long enough for a test origin that holds its answer back while the agent's tokens rotate. */
    private static final int READ_TIMEOUT_MS = 60000;
    /** The response body is read (so the connection can be reused) and counted, never kept beyond this. */
    private static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final byte[] POST_BODY = "{\"message\":\"hello from a legacy app\"}".getBytes(StandardCharsets.UTF_8);

    private UrlConnectionApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        final AppOptions options = CommandLine.parseOrExit("urlconnection-app",
                () -> AppOptions.parse(args, System.getenv()));
        BackgroundRequests background = options.backgroundUrl() == null ? null
                : BackgroundRequests.start(() -> get(options.backgroundUrl()));
        Tally tally = new Tally();
        int total = options.urls().size() * options.requests();
        for (int n = 1; n <= total; n++) {
            String method = options.methodFor(n);
            String url = options.urls().get((n - 1) / options.requests());
            send(n, url, method, options, tally);
            if (n < total && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
        if (background != null) {
            Tally.print(background.stop());
        }
        tally.finish();
    }

    private static void send(int n, String url, String method, AppOptions options, Tally tally) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setInstanceFollowRedirects(options.followRedirects());
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setRequestMethod(method);
            if (options.headerName() != null) {
                connection.setRequestProperty(options.headerName(), options.headerValue());
            }
            if ("POST".equals(method)) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                if ("FIXED".equals(options.body())) {
                    connection.setFixedLengthStreamingMode(POST_BODY.length);
                } else if ("CHUNKED".equals(options.body())) {
                    connection.setChunkedStreamingMode(16); // several chunks for this small body
                }
                OutputStream out = connection.getOutputStream();
                try {
                    out.write(POST_BODY);
                } finally {
                    out.close();
                }
            }
            int status;
            long bytes;
            if (options.streamFirst()) {
                InputStream body = null;
                try {
                    body = connection.getInputStream();
                } catch (IOException errorStatus) {
                    // getInputStream throws for 4xx/5xx; the status is still there
                }
                status = connection.getResponseCode();
                bytes = drain(body != null ? body : connection.getErrorStream());
            } else {
                status = connection.getResponseCode();
                bytes = drain(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            }
            tally.answered(status, "REQUEST " + n + " status=" + status + " method=" + method + " bytes=" + bytes);
        } catch (IOException e) {
            tally.failed("REQUEST " + n + " status=-1 method=" + method + " error=" + e.getClass().getName() + ": "
                    + e.getMessage());
        }
    }

    /** A plain GET of {@code url} (without {@code --header}), its body drained: the background requests' one. */
    private static int get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(CONNECT_TIMEOUT_MS);
        int status = connection.getResponseCode();
        drain(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
        return status;
    }

    private static long drain(InputStream body) throws IOException {
        if (body == null) {
            return 0;
        }
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > MAX_BODY_BYTES) {
                    throw new IOException("response body larger than " + MAX_BODY_BYTES + " bytes");
                }
            }
        } finally {
            body.close();
        }
        return total;
    }
}
