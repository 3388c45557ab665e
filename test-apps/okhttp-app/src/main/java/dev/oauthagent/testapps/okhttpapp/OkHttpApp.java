package dev.oauthagent.testapps.okhttpapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.Route;
import okio.BufferedSink;

/**
 * An "unmodified app" on OkHttp that knows nothing about OAuth, compiled against OkHttp 3.12 and run with any
 * version's jars on the class path. One {@link OkHttpClient} (one connection pool) for every request, with an
 * application interceptor, a network interceptor and an {@link Authenticator} of its own, as real applications have.
 *
 * <p>Options: {@code --url} (required, repeatable; each URL gets {@code --requests} requests, in order),
 * {@code --requests} (1), {@code --pause-ms} (0, between requests), {@code --method} (GET, POST, ALTERNATE),
 * {@code --header="Name: value"} and {@code --header-via} (REQUEST: on the request, INTERCEPTOR: added by the
 * application interceptor, NETWORK_INTERCEPTOR: by the network interceptor), {@code --mode} (SYNC:
 * {@code execute()}, ASYNC: {@code enqueue()} all at once, or one after another with {@code --await-each=true}),
 * {@code --follow-redirects} and {@code --follow-ssl-redirects} (true), {@code --body} (BYTES, ONE_SHOT: POST
 * bodies OkHttp 3.14+ must not send twice), {@code --basic-auth=user:password} (the Authenticator answers Basic
 * challenges with it; without it, it answers none), {@code --background-url} (another thread GETs it every 100 ms).
 *
 * <p>Output: {@code OKHTTP version=<v>}, one {@code REQUEST <n> status=<code> method=<m> mode=<sync|async>
 * protocol=<h2|http/1.1> connection=<id> bytes=<len>} line per request ({@code status=-1 ... error=<class>: <message>}
 * when no response came; the connection is the one the last hop used, as the network interceptor saw it), then
 * {@code BACKGROUND ok=<n> failed=<m>} with {@code --background-url}, then {@code DONE ok=<2xx> failed=<others>}.
 * Exit code 0 when all got a 2xx, 1 otherwise, 2 for bad options.
 */
public final class OkHttpApp {
    private static final String CONNECTION_HEADER = "X-OkHttp-App-Connection";
    private static final MediaType JSON = MediaType.parse("application/json");
    private static final byte[] POST_BODY = "{\"message\":\"hello from an OkHttp app\"}".getBytes();

    private final AppOptions options;
    private final OkHttpClient client;
    private final Tally tally = new Tally();

    private OkHttpApp(AppOptions options) {
        this.options = options;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                // Long enough for a test origin that holds its answer back while the agent's tokens rotate.
                .readTimeout(60, TimeUnit.SECONDS)
                .followRedirects(options.followRedirects())
                .followSslRedirects(options.followSslRedirects())
                .addInterceptor(new HeaderInterceptor(options, "INTERCEPTOR"))
                .addNetworkInterceptor(new ConnectionReporter(options))
                .authenticator(new BasicOnly(options.basicAuth()))
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        AppOptions options = CommandLine.parseOrExit("okhttp-app", () -> AppOptions.parse(args));
        System.out.println("OKHTTP version=" + version());
        OkHttpApp app = new OkHttpApp(options);
        BackgroundRequests background = options.backgroundUrl() == null ? null
                : BackgroundRequests.start(app.backgroundGet(options.backgroundUrl()));
        if (options.async()) {
            app.runAsync();
        } else {
            app.runSync();
        }
        if (background != null) {
            Tally.print(background.stop());
        }
        Tally.print(app.tally.done());
        app.client.dispatcher().executorService().shutdown();
        app.client.connectionPool().evictAll();
        System.exit(app.tally.exitCode());
    }

    private void runSync() throws InterruptedException {
        int total = options.urls().size() * options.requests();
        for (int i = 0; i < total; i++) {
            int n = i + 1;
            String method = options.methodFor(n);
            try (Response response = client.newCall(request(i, method)).execute()) {
                report(n, method, "sync", response);
            } catch (IOException e) {
                report(n, method, "sync", e);
            }
            pause(i, total);
        }
    }

    private void runAsync() throws InterruptedException {
        int total = options.urls().size() * options.requests();
        final CountDownLatch all = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            final int n = i + 1;
            final String method = options.methodFor(n);
            final CountDownLatch done = new CountDownLatch(1);
            client.newCall(request(i, method)).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    report(n, method, "async", e);
                    finish();
                }

                @Override
                public void onResponse(Call call, Response response) {
                    try {
                        report(n, method, "async", response);
                    } catch (IOException e) {
                        report(n, method, "async", e);
                    } finally {
                        response.close();
                        finish();
                    }
                }

                private void finish() {
                    done.countDown();
                    all.countDown();
                }
            });
            if (options.awaitEach()) {
                done.await();
            }
            pause(i, total);
        }
        all.await();
    }

    private void pause(int i, int total) throws InterruptedException {
        if (i + 1 < total && options.pauseMillis() > 0) {
            Thread.sleep(options.pauseMillis());
        }
    }

    /** The i-th request (0-based): each URL in turn, {@code --requests} times. */
    private Request request(int i, String method) {
        Request.Builder request = new Request.Builder().url(options.urls().get(i / options.requests()));
        String header = options.header();
        if (header != null && "REQUEST".equals(options.headerVia())) {
            request.header(name(header), value(header));
        }
        if ("POST".equals(method)) {
            request.post(options.oneShotBody() ? new OneShotBody() : RequestBody.create(JSON, POST_BODY));
        }
        return request.build();
    }

    private void report(int n, String method, String mode, Response response) throws IOException {
        long bytes = response.body() == null ? 0 : response.body().bytes().length;
        String connection = response.header(CONNECTION_HEADER);
        tally.answered(response.code(), "REQUEST " + n + " status=" + response.code() + " method=" + method + " mode=" + mode + " protocol="
                + response.protocol() + " connection=" + connection + " bytes=" + bytes);
    }

    private void report(int n, String method, String mode, IOException e) {
        tally.failed("REQUEST " + n + " status=-1 method=" + method + " mode=" + mode + " error=" + e.getClass().getName()
                + ": " + e.getMessage());
    }

    static String name(String header) {
        return header.substring(0, header.indexOf(':')).trim();
    }

    static String value(String header) {
        return header.substring(header.indexOf(':') + 1).trim();
    }

    /** "4.12.0": OkHttp 4+ has {@code okhttp3.OkHttp.VERSION}, 3.x a user agent "okhttp/3.14.9". */
    private static String version() {
        try {
            return String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
        } catch (ReflectiveOperationException notFourOrLater) {
            try {
                return String.valueOf(Class.forName("okhttp3.internal.Version").getMethod("userAgent").invoke(null))
                        .replace("okhttp/", "");
            } catch (ReflectiveOperationException e) {
                return "unknown";
            }
        }
    }

    /** Adds {@code --header} when {@code --header-via} names this interceptor. */
    private static class HeaderInterceptor implements Interceptor {
        private final AppOptions options;
        private final String via;

        HeaderInterceptor(AppOptions options, String via) {
            this.options = options;
            this.via = via;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            String header = options.header();
            if (header == null || !via.equals(options.headerVia())) {
                return chain.proceed(chain.request());
            }
            return chain.proceed(chain.request().newBuilder().header(name(header), value(header)).build());
        }
    }

    /** The network interceptor: adds {@code --header} if asked to, and tells the app which connection a hop used. */
    private static final class ConnectionReporter extends HeaderInterceptor {
        ConnectionReporter(AppOptions options) {
            super(options, "NETWORK_INTERCEPTOR");
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = super.intercept(chain);
            String id = chain.connection() == null ? "none" : Integer.toHexString(System.identityHashCode(chain.connection()));
            return response.newBuilder().header(CONNECTION_HEADER, id).build();
        }
    }

    /** The application's own Authenticator: answers a Basic challenge once with its credentials, nothing else. */
    private static final class BasicOnly implements Authenticator {
        private final String credentials;

        BasicOnly(String userAndPassword) {
            this.credentials = userAndPassword == null ? null
                    : Credentials.basic(name(userAndPassword), value(userAndPassword));
        }

        @Override
        public Request authenticate(Route route, Response response) {
            String challenge = response.header("WWW-Authenticate");
            boolean basic = challenge != null && challenge.regionMatches(true, 0, "Basic", 0, 5);
            if (credentials == null || !basic || credentials.equals(response.request().header("Authorization"))) {
                return null;
            }
            return response.request().newBuilder().header("Authorization", credentials).build();
        }
    }

    /** A body OkHttp 3.14+ must not write twice ({@code isOneShot()}, not declared by the 3.12 API compiled against). */
    private static final class OneShotBody extends RequestBody {
        private final AtomicInteger writes = new AtomicInteger();

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return POST_BODY.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            if (writes.incrementAndGet() > 1) {
                throw new IOException("one-shot body written twice");
            }
            sink.write(POST_BODY);
        }

        public boolean isOneShot() {
            return true;
        }
    }

    /** One GET of {@code url} with the app's client, for the background requests. */
    private BackgroundRequests.Request backgroundGet(String url) {
        final Request request = new Request.Builder().url(url).build();
        return new BackgroundRequests.Request() {
            @Override
            public int send() throws IOException {
                try (Response response = client.newCall(request).execute()) {
                    return response.code();
                }
            }
        };
    }
}
