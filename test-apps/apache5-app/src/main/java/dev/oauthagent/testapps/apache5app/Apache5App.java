package dev.oauthagent.testapps.apache5app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;

/**
 * An "unmodified app" on Apache HttpClient 5 that knows nothing about OAuth: one client (and one connection pool)
 * for all its requests, classic or async.
 *
 * <p>Options ({@code --name=value}): {@code --url} [required; several times: each URL gets {@code --requests}
 * requests, in the order given], {@code --requests} [default 1], {@code --pause-ms} [default 0, between requests],
 * {@code --method} [GET (default), POST, ALTERNATE], {@code --header} [{@code Name: value} on every request],
 * {@code --interceptor-header} [{@code Name: value} added by a request interceptor of the app's, with addHeader],
 * {@code --default-header} [{@code Name: value} as the client's default header (setDefaultHeaders)],
 * {@code --minimal} [true for {@code HttpClients.createMinimal()}, {@code HttpAsyncClients.createMinimal()}
 * (ASYNC) or {@code createHttp2Minimal()} (H2), which follow no redirect],
 * {@code --mode} [CLASSIC (default): {@code HttpClients.custom()}; ASYNC: {@code HttpAsyncClients.custom()};
 * H2: {@code HttpAsyncClients.customHttp2()}], {@code --api} [CLASSIC: HANDLER (default, execute with a response
 * handler) or RESPONSE; async: SIMPLE (default, SimpleHttpRequest) or PRODUCER (SimpleRequestProducer)],
 * {@code --redirect} [FOLLOW (default, DefaultRedirectStrategy) or NONE], {@code --await-each} [async: send each
 * request once the one before has completed, instead of all at once], {@code --background-url} [a second thread
 * GETs it with the same client every 100 ms while the requests run], {@code --max-connections} [the pool's total
 * and per-route limit], {@code --body} [POST bodies: STRING (default, repeatable) or STREAM (classic: an
 * InputStreamEntity, not repeatable)].
 *
 * <p>Output: {@code REQUEST <n> status=<code> method=<m> mode=<mode> version=<HTTP/1.1|HTTP/2.0> bytes=<len>}
 * per request ({@code status=-1 ... error=<class>: <message>} when no response came; async lines in completion
 * order), then {@code BACKGROUND ok=<n> failed=<m>} with {@code --background-url}, then
 * {@code DONE ok=<2xx count> failed=<others>}. Exit code 0 when all got a 2xx, 1 otherwise, 2 for bad options.
 */
public final class Apache5App {
    static final String POST_BODY = "{\"message\":\"hello from an Apache HttpClient 5 app\"}";

    private final AppOptions options;
    private final Tally tally = new Tally();

    private Apache5App(AppOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        AppOptions options = CommandLine.parseOrExit("apache5-app", () -> AppOptions.parse(args));
        Apache5App app = new Apache5App(options);
        try (Sender sender = "CLASSIC".equals(options.mode) ? new ClassicSender(options) : new AsyncSender(options)) {
            BackgroundRequests background = options.backgroundUrl == null ? null
                    : BackgroundRequests.start(() -> sender.send(options.backgroundUrl, "GET").join().status());
            app.run(sender);
            if (background != null) {
                Tally.print(background.stop());
            }
            Tally.print(app.tally.done());
        }
        System.exit(app.tally.exitCode());
    }

    private void run(Sender sender) throws InterruptedException {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        boolean classic = "CLASSIC".equals(options.mode);
        for (int i = 0; i < options.total(); i++) {
            int n = i + 1;
            String method = options.methodFor(n);
            CompletableFuture<Void> done = sender.send(options.urlFor(i), method)
                    .handle((outcome, error) -> {
                        report(n, method, outcome, error);
                        return null;
                    });
            all.add(done);
            if (classic || options.awaitEach) {
                done.join();
            }
            if (i + 1 < options.total() && options.pauseMillis > 0) {
                Thread.sleep(options.pauseMillis);
            }
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();
    }

    private void report(int n, String method, Sender.Outcome outcome, Throwable error) {
        String line = "REQUEST " + n;
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            tally.failed(line + " status=-1 method=" + method + " mode=" + options.mode.toLowerCase() + " error="
                    + cause.getClass().getName() + ": " + cause.getMessage());
        } else {
            tally.answered(outcome.status(), line + " status=" + outcome.status() + " method=" + method + " mode="
                    + options.mode.toLowerCase() + " version=" + outcome.version() + " bytes=" + outcome.bytes());
        }
    }
}
