package dev.oauthagent.testapps.apache4app;

import org.apache.http.HttpResponse;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.concurrent.FutureCallback;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.impl.nio.client.HttpAsyncClients;
import org.apache.http.util.EntityUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;

/**
 * An "unmodified app" on Apache HttpClient 4.x that knows nothing about OAuth. One client (one connection pool) sends
 * every request, to matched and unmatched hosts alike.
 *
 * <p>Options: {@code --url} (several times; each gets {@code --requests} requests, in order), {@code --requests},
 * {@code --pause-ms}, {@code --method} (GET, POST, ALTERNATE), {@code --header="Name: value"}, {@code --api}
 * (BUILDER: {@code HttpClients.custom()}, the default; DEFAULT_HTTP_CLIENT: the deprecated {@code DefaultHttpClient};
 * ASYNC: HttpAsyncClient 4.1's {@code HttpAsyncClients.custom()}), {@code --redirect} (DEFAULT:
 * {@code DefaultRedirectStrategy}, LAX: {@code LaxRedirectStrategy}, NONE: redirects off), {@code --body} (STRING: a
 * repeatable body, STREAM: an {@code InputStreamEntity}), {@code --basic-auth=user:password} (the client's own
 * credentials for any host), {@code --await-each} (ASYNC: each request once the one before completed),
 * {@code --background-url} (another thread GETs it with the same client every 100 ms).
 *
 * <p>Output: {@code REQUEST <n> status=<code> method=<m> api=<api> bytes=<len>} per request (status -1 and
 * {@code error=<class>: <message>} when no response came; async lines in completion order), {@code BACKGROUND ok=<n>
 * failed=<m>} with a background URL, then {@code DONE ok=<n> failed=<m>}. Exit code 0 when all got a 2xx, 1
 * otherwise, 2 for bad options.
 */
public final class Apache4App {
    private final Options options;
    private final Tally tally = new Tally();

    private Apache4App(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parseOrExit("apache4-app", () -> Options.parse(args));
        Apache4App app = new Apache4App(options);
        String background;
        if ("ASYNC".equals(options.api)) {
            background = app.runAsync();
        } else {
            background = app.runClassic("BUILDER".equals(options.api) ? ClassicClients.builder(options)
                    : ClassicClients.defaultHttpClient(options));
        }
        if (background != null) {
            Tally.print(background);
        }
        app.tally.finish();
    }

    /** Returns the background requests' summary line, or null without them. */
    private String runClassic(final CloseableHttpClient client) throws InterruptedException {
        final String url = options.backgroundUrl;
        BackgroundRequests background = url == null ? null : BackgroundRequests.start(new BackgroundRequests.Request() {
            @Override
            public int send() throws Exception {
                CloseableHttpResponse response = client.execute(Requests.build(new Options(), url, "GET"));
                try {
                    EntityUtils.consume(response.getEntity());
                    return Requests.status(response);
                } finally {
                    response.close();
                }
            }
        });
        for (int i = 0; i < options.total(); i++) {
            int n = i + 1;
            String method = options.methodFor(n);
            try {
                CloseableHttpResponse response = client.execute(Requests.build(options, options.urlFor(i), method));
                try {
                    report(n, method, Requests.status(response), bytes(response), null);
                } finally {
                    response.close();
                }
            } catch (IOException e) {
                report(n, method, -1, 0, e);
            }
            pause(i);
        }
        return background == null ? null : background.stop();
    }

    private String runAsync() throws Exception {
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom().setDefaultRequestConfig(Requests.TIMEOUTS);
        if ("NONE".equals(options.redirect)) {
            builder.setRedirectStrategy(new NoRedirects());
        } else {
            builder.setRedirectStrategy(ClassicClients.strategy(options));
        }
        if (options.basicAuth != null) {
            builder.setDefaultCredentialsProvider(Requests.credentials(options));
        }
        final CloseableHttpAsyncClient client = builder.build();
        client.start();
        final String url = options.backgroundUrl;
        BackgroundRequests background = url == null ? null : BackgroundRequests.start(new BackgroundRequests.Request() {
            @Override
            public int send() throws Exception {
                return Requests.status(client.execute(Requests.build(new Options(), url, "GET"), null)
                        .get(60, TimeUnit.SECONDS));
            }
        });
        final CountDownLatch done = new CountDownLatch(options.total());
        List<Future<HttpResponse>> sent = new ArrayList<Future<HttpResponse>>();
        for (int i = 0; i < options.total(); i++) {
            final int n = i + 1;
            final String method = options.methodFor(n);
            HttpUriRequest request = Requests.build(options, options.urlFor(i), method);
            sent.add(client.execute(request, new FutureCallback<HttpResponse>() {
                @Override
                public void completed(HttpResponse response) {
                    report(n, method, Requests.status(response), bytes(response), null);
                    done.countDown();
                }

                @Override
                public void failed(Exception e) {
                    report(n, method, -1, 0, e);
                    done.countDown();
                }

                @Override
                public void cancelled() {
                    report(n, method, -1, 0, new IllegalStateException("cancelled"));
                    done.countDown();
                }
            }));
            if (options.awaitEach) {
                try {
                    sent.get(i).get(90, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    // reported by the callback
                }
            }
            pause(i);
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            System.out.println("TIMEOUT waiting for " + done.getCount() + " async request(s)");
        }
        String summary = background == null ? null : background.stop();
        client.close();
        return summary;
    }

    private void pause(int i) throws InterruptedException {
        if (i + 1 < options.total() && options.pauseMillis > 0) {
            Thread.sleep(options.pauseMillis);
        }
    }

    private static long bytes(HttpResponse response) {
        try {
            return response.getEntity() == null ? 0 : EntityUtils.toByteArray(response.getEntity()).length;
        } catch (IOException e) {
            return -1;
        }
    }

    private void report(int n, String method, int status, long bytes, Throwable error) {
        String line = "REQUEST " + n + " status=" + status + " method=" + method + " api=" + options.api;
        tally.answered(status, line + (error == null ? " bytes=" + bytes
                : " error=" + error.getClass().getName() + ": " + error.getMessage()));
    }

    /** HttpAsyncClient 4.1 has no switch to turn redirects off: a strategy that never follows one. */
    private static final class NoRedirects extends org.apache.http.impl.client.DefaultRedirectStrategy {
        @Override
        public boolean isRedirected(org.apache.http.HttpRequest request, HttpResponse response,
                org.apache.http.protocol.HttpContext context) {
            return false;
        }
    }
}
