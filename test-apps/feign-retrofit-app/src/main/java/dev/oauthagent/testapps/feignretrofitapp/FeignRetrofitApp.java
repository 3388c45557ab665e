package dev.oauthagent.testapps.feignretrofitapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
import java.util.Collections;

/**
 * An "unmodified app" on OpenFeign or Retrofit that knows nothing about OAuth: one client built once, one request
 * after another. Compiled against Feign 13 and Retrofit 2 (whose API Retrofit 3 keeps), run with one framework's
 * jars on the class path.
 *
 * <p>Options: {@code --url} (required, repeatable; each URL gets {@code --requests} requests, in order),
 * {@code --requests} (1), {@code --pause-ms} (0, between requests), {@code --method} (GET, POST),
 * {@code --header="Name: value"} (on every request, through the framework's header map), {@code --client}
 * (FEIGN_DEFAULT: Feign's default client; FEIGN_OKHTTP: feign-okhttp; RETROFIT), {@code --follow-redirects}
 * (true: Feign's {@code Request.Options}, or OkHttp's setting for Retrofit), {@code --follow-ssl-redirects} (true;
 * OkHttp's, for FEIGN_OKHTTP and RETROFIT), {@code --background-url} (another thread GETs it every 100 ms).
 *
 * <p>Output: {@code FRAMEWORK client=<client> libraries=<jars>}, one {@code REQUEST <n> status=<code> method=<m>
 * bytes=<len>} line per request ({@code status=-1 ... error=<class>: <message>} when no response came), then
 * {@code BACKGROUND ok=<n> failed=<m>} with {@code --background-url}, then {@code DONE ok=<2xx> failed=<others>}.
 * Exit code 0 when all got a 2xx, 1 otherwise, 2 for bad options.
 */
public final class FeignRetrofitApp {
    private FeignRetrofitApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        final AppOptions options = CommandLine.parseOrExit("feign-retrofit-app", () -> AppOptions.parse(args));
        final Sender sender = sender(options);
        Tally.print("FRAMEWORK client=" + options.client() + " libraries=" + sender.libraries());
        BackgroundRequests background = options.backgroundUrl() == null ? null : BackgroundRequests.start(
                () -> sender.send("GET", options.backgroundUrl(), Collections.<String, String>emptyMap()).status);
        Tally tally = new Tally();
        int total = options.urls().size() * options.requests();
        for (int i = 0; i < total; i++) {
            String url = options.urls().get(i / options.requests());
            send(sender, options, i + 1, url, tally);
            if (i + 1 < total && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
        if (background != null) {
            Tally.print(background.stop());
        }
        Tally.print(tally.done());
        sender.close();
        System.exit(tally.exitCode());
    }

    private static Sender sender(AppOptions options) {
        switch (options.client()) {
            case FEIGN_OKHTTP:
                return FeignSender.create(options, OkHttpClients.build(options));
            case RETROFIT:
                return new RetrofitSender(OkHttpClients.build(options));
            default:
                return FeignSender.create(options, null);
        }
    }

    /** Sends request {@code n} and prints its line. */
    private static void send(Sender sender, AppOptions options, int n, String url, Tally tally) {
        String method = options.method();
        try {
            Sender.Reply reply = sender.send(method, url, options.headers());
            tally.answered(reply.status, "REQUEST " + n + " status=" + reply.status + " method=" + method + " bytes="
                    + reply.bytes);
        } catch (Exception e) {
            tally.failed("REQUEST " + n + " status=-1 method=" + method + " error=" + e.getClass().getName() + ": "
                    + e.getMessage());
        }
    }
}
