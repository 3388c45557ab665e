package dev.oauthagent.testapps.feignretrofitapp;

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
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("feign-retrofit-app: " + e.getMessage());
            System.exit(2);
            return;
        }
        Sender sender = sender(options);
        System.out.println("FRAMEWORK client=" + options.client() + " libraries=" + sender.libraries());
        Background background = options.backgroundUrl() == null ? null
                : Background.start(sender, options.backgroundUrl());
        int ok = 0;
        int total = options.urls().size() * options.requests();
        for (int i = 0; i < total; i++) {
            String url = options.urls().get(i / options.requests());
            ok += send(sender, options, i + 1, url) ? 1 : 0;
            if (i + 1 < total && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
        if (background != null) {
            System.out.println(background.summary());
        }
        System.out.println("DONE ok=" + ok + " failed=" + (total - ok));
        System.out.flush();
        sender.close();
        System.exit(ok == total ? 0 : 1);
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

    /** Sends request {@code n} and prints its line; true for a 2xx. */
    private static boolean send(Sender sender, AppOptions options, int n, String url) {
        String method = options.method();
        try {
            Sender.Reply reply = sender.send(method, url, options.headers());
            System.out.println("REQUEST " + n + " status=" + reply.status + " method=" + method + " bytes=" + reply.bytes);
            return reply.status >= 200 && reply.status < 300;
        } catch (Exception e) {
            System.out.println("REQUEST " + n + " status=-1 method=" + method + " error=" + e.getClass().getName()
                    + ": " + e.getMessage());
            return false;
        } finally {
            System.out.flush();
        }
    }

    /** GETs one URL every 100 ms until the program ends, as a busy application's other thread would. */
    private static final class Background implements Runnable {
        private final Sender sender;
        private final String url;
        private int ok;
        private int failed;

        private Background(Sender sender, String url) {
            this.sender = sender;
            this.url = url;
        }

        static Background start(Sender sender, String url) {
            Background background = new Background(sender, url);
            Thread thread = new Thread(background, "background-requests");
            thread.setDaemon(true);
            thread.start();
            return background;
        }

        @Override
        public void run() {
            while (true) {
                boolean success;
                try {
                    int status = sender.send("GET", url, Collections.<String, String>emptyMap()).status;
                    success = status >= 200 && status < 300;
                } catch (Exception e) {
                    success = false;
                }
                synchronized (this) {
                    if (success) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized String summary() {
            return "BACKGROUND ok=" + ok + " failed=" + failed;
        }
    }
}
