package dev.oauthagent.testapps.springwebapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
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
    private final AppOptions options;
    private final Sender sender;
    private final Tally tally = new Tally();

    private SpringWebApp(AppOptions options) {
        this.options = options;
        ClientHttpRequestFactory factory = Factories.named(options.factory);
        this.sender = "REST_CLIENT".equals(options.api) ? new RestClientSender(factory, options)
                : new RestTemplateSender(factory, options);
    }

    public static void main(String[] args) throws InterruptedException {
        SpringWebApp app = CommandLine.parseOrExit("spring-web-app", () -> new SpringWebApp(AppOptions.parse(args)));
        AppOptions options = app.options;
        Tally.print("SPRING version=" + SpringVersion.getVersion() + " api=" + options.api + " factory="
                + options.factory);
        BackgroundRequests background = options.backgroundUrl == null ? null
                : BackgroundRequests.start(() -> app.sender.send(options.backgroundUrl, "GET").status());
        app.run();
        if (background != null) {
            Tally.print(background.stop());
        }
        app.tally.finish();
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
                // What a user reads in the stack trace: Spring's wrapper, then the library's IOException it wraps.
                Throwable cause = e.getCause() == null ? e : e.getCause();
                tally.failed("REQUEST " + n + " status=-1 method=" + method + " exception=" + e.getClass().getName()
                        + " error=" + cause.getClass().getName() + ": " + cause.getMessage());
            }
            if (n < options.total() && options.pauseMillis > 0) {
                Thread.sleep(options.pauseMillis);
            }
        }
    }

    private void report(int n, String method, int status, long bytes) {
        tally.answered(status, "REQUEST " + n + " status=" + status + " method=" + method + " response="
                + AppInterceptor.lastResponseType() + " bytes=" + bytes);
    }
}
