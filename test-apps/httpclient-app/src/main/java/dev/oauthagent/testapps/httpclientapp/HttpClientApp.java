package dev.oauthagent.testapps.httpclientapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An "unmodified app" on {@link java.net.http.HttpClient} that knows nothing about OAuth: sequential
 * (sync) requests and/or a burst of concurrent {@code sendAsync} requests.
 *
 * <p>Options ({@code --name=value}, or the environment variable in brackets): {@code --url} [APP_URL, required;
 * may be given several times: each URL gets {@code --requests} requests per mode, in the order given],
 * {@code --requests} [APP_REQUESTS, default 1, per mode and URL], {@code --pause-ms} [APP_PAUSE_MS, default 0,
 * between sync requests, and between async sends], {@code --method} [APP_METHOD: GET (default), POST,
 * ALTERNATE], {@code --header} [APP_HEADER, {@code Name: value}], {@code --mode} [APP_MODE: SYNC (default), ASYNC,
 * BOTH], {@code --redirect} [APP_REDIRECT: the client's {@link HttpClient.Redirect} policy, NORMAL (default),
 * ALWAYS or NEVER], {@code --body} [APP_BODY: STRING (default) sends POST bodies with {@code ofString}, STREAM with
 * {@code ofInputStream}], {@code --basic-auth} [APP_BASIC_AUTH, {@code user:password}: the client gets a
 * {@link java.net.Authenticator} that answers Basic challenges with them], {@code --await-each} [APP_AWAIT_EACH,
 * true or false (default): ASYNC sends each request only once the one before has completed, so the order of
 * requests and answers is known without pausing], {@code --background-url} [APP_BACKGROUND_URL: a second thread
 * GETs it with the same client every 100 ms while the main requests run, as another part of a busy application
 * would].
 *
 * <p>Output: one line per request, {@code REQUEST <n> status=<code> method=<m> mode=<sync|async> version=<HTTP_1_1|HTTP_2>}
 * {@code bytes=<len>} (status -1 and {@code error=...} when no response came; async lines in completion order, numbered after the
 * sync ones), then (with {@code --background-url}) {@code BACKGROUND ok=<2xx count> failed=<others>}, then
 * {@code DONE ok=<2xx count> failed=<others>}. Exit code 0 when all got a 2xx, 1 otherwise,
 * 2 for bad options.
 */
public final class HttpClientApp {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for a test origin that holds its answer back while the agent's tokens rotate. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BACKGROUND_TIMEOUT = Duration.ofSeconds(5);
    /** The response body is read and counted, never kept; a larger one counts as a failed request. */
    private static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final String POST_BODY = "{\"message\":\"hello from an HttpClient app\"}";

    private final AppOptions options;
    private final HttpClient client;
    private final Tally tally = new Tally();

    private HttpClientApp(AppOptions options) {
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(options.redirect());
        if (options.basicAuth() != null) {
            builder.authenticator(new FixedCredentials(options.basicAuth()));
        }
        this.client = builder.build();
    }

    public static void main(String[] args) throws InterruptedException {
        AppOptions options = CommandLine.parseOrExit("httpclient-app", () -> AppOptions.parse(args, System.getenv()));
        HttpClientApp app = new HttpClientApp(options);
        BackgroundRequests background = options.backgroundUrl() == null ? null
                : BackgroundRequests.start(app.backgroundGet(options.backgroundUrl()));
        int next = 1;
        if (options.runsSync()) {
            next = app.runSync(next);
        }
        if (options.runsAsync()) {
            app.runAsyncBurst(next);
        }
        if (background != null) {
            Tally.print(background.stop());
        }
        app.tally.finish();
    }

    /** @return the number of the next request */
    private int runSync(int first) throws InterruptedException {
        int n = first;
        int total = options.urls().size() * options.requests();
        for (int i = 0; i < total; i++, n++) {
            String method = options.methodFor(n);
            try {
                HttpResponse<InputStream> response = client.send(request(urlFor(i), method),
                        HttpResponse.BodyHandlers.ofInputStream());
                report(n, method, "sync", response, drain(response.body()));
            } catch (IOException e) {
                report(n, method, "sync", -1, 0, e);
            }
            if (i + 1 < total && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
        return n;
    }

    /**
     * Sends every request with sendAsync without waiting for answers (with --pause-ms, paced by that pause), or with
     * --await-each one after the other, each once the one before has completed.
     */
    private void runAsyncBurst(int first) throws InterruptedException {
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        int total = options.urls().size() * options.requests();
        for (int i = 0; i < total; i++) {
            int n = first + i;
            String method = options.methodFor(n);
            burst.add(client.sendAsync(request(urlFor(i), method), HttpResponse.BodyHandlers.ofInputStream())
                    .handle((response, error) -> {
                        if (error != null) {
                            // The future wraps what send() would have thrown: report that, as the sync path does.
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            report(n, method, "async", -1, 0, cause);
                            return null;
                        }
                        try {
                            report(n, method, "async", response, drain(response.body()));
                        } catch (IOException e) {
                            report(n, method, "async", -1, 0, e);
                        }
                        return null;
                    }));
            if (options.awaitEach()) {
                burst.get(i).join();
            }
            if (i + 1 < total && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
        CompletableFuture.allOf(burst.toArray(new CompletableFuture<?>[0])).join();
    }

    /** The URL of the i-th request (0-based) of a mode: each URL in turn, {@code --requests} times. */
    private String urlFor(int i) {
        return options.urls().get(i / options.requests());
    }

    private HttpRequest request(String url, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        if (options.headerName() != null) {
            request.header(options.headerName(), options.headerValue());
        }
        if ("POST".equals(method)) {
            byte[] body = POST_BODY.getBytes(StandardCharsets.UTF_8);
            request.header("Content-Type", "application/json").POST(options.streamBody()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofString(POST_BODY, StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        return request.build();
    }

    private void report(int n, String method, String mode, HttpResponse<?> response, long bytes) {
        report(n, method, mode, response.statusCode(), " version=" + response.version() + " bytes=" + bytes, null);
    }

    private void report(int n, String method, String mode, int status, long bytes, Throwable error) {
        report(n, method, mode, status, " bytes=" + bytes, error);
    }

    private void report(int n, String method, String mode, int status, String details, Throwable error) {
        String line = "REQUEST " + n + " status=" + status + " method=" + method + " mode=" + mode;
        tally.answered(status, line + (error == null ? details
                : " error=" + error.getClass().getName() + ": " + error.getMessage()));
    }

    /** A plain GET of {@code url} (without the main requests' {@code --header}), for the background requests. */
    private BackgroundRequests.Request backgroundGet(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(BACKGROUND_TIMEOUT).GET().build();
        return () -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long drain(InputStream body) throws IOException {
        try (body) {
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > MAX_BODY_BYTES) {
                    throw new IOException("response body larger than " + MAX_BODY_BYTES + " bytes");
                }
            }
            return total;
        }
    }

    /** The credentials of {@code --basic-auth}, for any server that asks. */
    private static final class FixedCredentials extends Authenticator {
        private final String user;
        private final char[] password;

        FixedCredentials(String userAndPassword) {
            int colon = userAndPassword.indexOf(':');
            this.user = userAndPassword.substring(0, colon);
            this.password = userAndPassword.substring(colon + 1).toCharArray();
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(user, password);
        }
    }
}
