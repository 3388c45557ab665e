package dev.oauthagent.testapps.springwebapp;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.SpringVersion;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * An "unmodified app" on plain spring-web that knows nothing about OAuth: one {@code RestTemplate} or
 * {@code RestClient} for all its requests, with an interceptor of its own, on the request factory it is told to use.
 *
 * <p>Options ({@code --name=value}): {@code --url} [required; several times: each URL gets {@code --requests}
 * requests, in the order given], {@code --requests} [default 1], {@code --pause-ms} [default 0, between requests],
 * {@code --method} [GET (default), POST, ALTERNATE], {@code --header} [{@code Name: value}] and {@code --header-via}
 * [REQUEST (default): on each request; INTERCEPTOR: set by the application's interceptor], {@code --api}
 * [REST_TEMPLATE (default) or REST_CLIENT], {@code --factory} [DEFAULT (default: {@code new RestTemplate()}'s
 * SimpleClientHttpRequestFactory, or the one {@code RestClient.builder()} picks from the class path), SIMPLE, JDK,
 * HTTP_COMPONENTS, OKHTTP3 (Spring 6.2 and older)], {@code --background-url} [a second thread GETs it with the same
 * client every 100 ms while the requests run]. Redirects are followed as the factory's library does by default.
 *
 * <p>Output: {@code SPRING version=<v> api=<api> factory=<factory>}, then per request
 * {@code REQUEST <n> status=<code> method=<m> response=<the factory's response class> bytes=<len>} (4xx and 5xx
 * included), or {@code REQUEST <n> status=-1 method=<m> exception=<Spring's exception> error=<its cause's class>:
 * <message>} when no answer came, then {@code BACKGROUND ok=<n> failed=<m>} with {@code --background-url}, then
 * {@code DONE ok=<2xx count> failed=<others>}. Exit code 0 when all got a 2xx, 1 otherwise, 2 for bad options.
 */
public final class SpringWebApp {
    private static final long BACKGROUND_PAUSE_MILLIS = 100;

    private final AppOptions options;
    private final Sender sender;
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private SpringWebApp(AppOptions options) {
        this.options = options;
        ClientHttpRequestFactory factory = Factories.named(options.factory);
        this.sender = "REST_CLIENT".equals(options.api) ? new RestClientSender(factory, options)
                : new RestTemplateSender(factory, options);
    }

    public static void main(String[] args) throws InterruptedException {
        SpringWebApp app;
        try {
            app = new SpringWebApp(AppOptions.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("spring-web-app: " + e.getMessage());
            System.exit(2);
            return;
        }
        AppOptions options = app.options;
        System.out.println("SPRING version=" + SpringVersion.getVersion() + " api=" + options.api + " factory="
                + options.factory);
        Background background = options.backgroundUrl == null ? null
                : Background.start(app.sender, options.backgroundUrl);
        app.run();
        if (background != null) {
            System.out.println(background.stop());
        }
        System.out.println("DONE ok=" + app.ok.get() + " failed=" + app.failed.get());
        System.out.flush();
        System.exit(app.failed.get() == 0 ? 0 : 1);
    }

    private void run() throws InterruptedException {
        for (int i = 0; i < options.total(); i++) {
            int n = i + 1;
            String method = options.methodFor(n);
            try {
                Sender.Outcome outcome = sender.send(options.urlFor(i), method);
                report(n, method, outcome.status(), outcome.bytes());
            } catch (RestClientResponseException e) {
                report(n, method, e.getStatusCode().value(), e.getResponseBodyAsByteArray().length);
            } catch (RestClientException e) {
                failed.incrementAndGet();
                // What a user reads in the stack trace: Spring's wrapper, then the library's IOException it wraps.
                Throwable cause = e.getCause() == null ? e : e.getCause();
                print("REQUEST " + n + " status=-1 method=" + method + " exception=" + e.getClass().getName()
                        + " error=" + cause.getClass().getName() + ": " + cause.getMessage());
            }
            if (n < options.total() && options.pauseMillis > 0) {
                Thread.sleep(options.pauseMillis);
            }
        }
    }

    private void report(int n, String method, int status, long bytes) {
        (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
        print("REQUEST " + n + " status=" + status + " method=" + method + " response="
                + AppInterceptor.lastResponseType() + " bytes=" + bytes);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * A second thread's GETs with the same client, every 100 ms, until {@link #stop()}; counts the answers.
     */
    private static final class Background {
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread daemon = new Thread(task, "background-requests");
            daemon.setDaemon(true);
            return daemon;
        });
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        static Background start(Sender sender, URI url) {
            Background background = new Background();
            background.thread.scheduleWithFixedDelay(() -> background.get(sender, url), 0, BACKGROUND_PAUSE_MILLIS,
                    TimeUnit.MILLISECONDS);
            return background;
        }

        private void get(Sender sender, URI url) {
            try {
                int status = sender.send(url, "GET").status();
                (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
            } catch (RestClientException e) {
                failed.incrementAndGet();
            }
        }

        /** Stops the loop (after its request in flight) and returns {@code BACKGROUND ok=<n> failed=<m>}. */
        String stop() throws InterruptedException {
            thread.shutdown();
            thread.awaitTermination(10, TimeUnit.SECONDS);
            return "BACKGROUND ok=" + ok.get() + " failed=" + failed.get();
        }
    }
}
