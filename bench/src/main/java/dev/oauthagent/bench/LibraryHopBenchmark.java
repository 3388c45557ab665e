package dev.oauthagent.bench;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.apache4.Apache4Instrumentation;
import dev.oauthagent.agent.instrument.apache5.Apache5Instrumentation;
import dev.oauthagent.agent.instrument.okhttp.OkHttpInstrumentation;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.cache.DaemonScheduler;
import dev.oauthagent.agent.token.cache.RefreshPolicy;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.bootstrap.Apache4Advice;
import dev.oauthagent.bootstrap.Apache5Advice;
import dev.oauthagent.bootstrap.OkHttpAdvice;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.core5.concurrent.ComplexFuture;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.routing.HttpRoute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the agent adds to each hop a client library sends, through the very call it inserts into the library
 * ({@code OkHttpAdvice}, {@code Apache4Advice}, {@code Apache5Advice}, reaching the hop through {@code Bridge}), on
 * the library's real request objects: OkHttp 4.12, Apache HttpClient 4.5 (classic) and 5.6 (classic and async).
 * One client, "billing" on https://billing.example.com/v1 and /v2, its token cached and far from expiry.
 *
 * <ul>
 *   <li>{@code <library>Unmatched}: a hop to a host no client claims, what every other request pays.</li>
 *   <li>{@code <library>Matched}: a matched hop without an {@code Authorization} header, which leaves with the
 *       token: the decision, then the library's own calls that put the value on.</li>
 *   <li>{@code <library>HeaderAlone}: those library calls alone, with the same value and no agent: what carrying
 *       the header costs in that library whoever decides it (OkHttp copies its immutable request; HttpCore
 *       removes any header of that name and adds one). {@code Matched} minus {@code HeaderAlone} is the agent's
 *       own cost; with {@code -prof gc}, its allocation.</li>
 * </ul>
 * The Apache requests are reused: each {@code Matched} and {@code HeaderAlone} call first takes the header off
 * again, in both. The async hop also wraps the exchange's callback, to watch its response for a 401.
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar LibraryHopBenchmark -f 3 -wi 5 -w 1s -i 10 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LibraryHopBenchmark {
    private static final String AUTHORIZATION = "Authorization";
    private static final String MATCHED = "https://billing.example.com/v1/invoices/42";
    private static final String UNMATCHED = "https://cdn.other.org/static/app.js";

    private TokenCache cache;
    private String tokenHeader;

    private okhttp3.Request okMatched;
    private okhttp3.Request okUnmatched;

    private HttpRequestWrapper apache4Matched;
    private HttpRequestWrapper apache4Unmatched;
    private HttpClientContext apache4MatchedRoute;
    private HttpClientContext apache4UnmatchedRoute;

    private org.apache.hc.client5.http.classic.methods.HttpGet apache5Matched;
    private org.apache.hc.client5.http.classic.methods.HttpGet apache5Unmatched;
    private org.apache.hc.client5.http.protocol.HttpClientContext apache5MatchedRoute;
    private org.apache.hc.client5.http.protocol.HttpClientContext apache5UnmatchedRoute;

    private BasicHttpRequest asyncMatched;
    private BasicHttpRequest asyncUnmatched;
    private AsyncExecChain.Scope asyncMatchedScope;
    private AsyncExecChain.Scope asyncUnmatchedScope;
    private final AsyncExecCallback applicationCallback = new NoCallback();

    @Setup(Level.Trial)
    public void start() throws Exception {
        ClientConfig client = ClientConfig.builder("billing")
                .tokenUrl(URI.create("https://auth.example.com/oauth2/token"))
                .clientId("billing-service")
                .clientSecret(Secret.of("not-used", "benchmark"))
                .hosts(List.of("billing.example.com"))
                .paths(List.of("/v1", "/v2"))
                .build();
        cache = new TokenCache("billing", () -> new AccessToken("bench-token-value", "Bearer", 3600, null),
                RefreshPolicy.defaults(), Ticker.system(), DaemonScheduler.forClient("billing"), new Random(42));
        cache.start();
        AccessToken token = cache.await(TimeUnit.SECONDS.toNanos(30));
        if (token == null) {
            throw new IllegalStateException("no token to benchmark with");
        }
        tokenHeader = token.authorizationHeader();
        Injector injector = new Injector(List.of(client), Map.of("billing", cache), Ticker.system());
        // What the agent's start-up thread does: the hops become the hooks the inserted calls reach.
        new OkHttpInstrumentation().prepare(null, injector);
        new Apache4Instrumentation().prepare(null, injector);
        new Apache5Instrumentation().prepare(null, injector);

        okMatched = new okhttp3.Request.Builder().url(MATCHED).header("Accept", "*/*").build();
        okUnmatched = new okhttp3.Request.Builder().url(UNMATCHED).header("Accept", "*/*").build();

        apache4Matched = apache4Hop(MATCHED);
        apache4Unmatched = apache4Hop(UNMATCHED);
        apache4MatchedRoute = apache4Route(MATCHED);
        apache4UnmatchedRoute = apache4Route(UNMATCHED);

        apache5Matched = new org.apache.hc.client5.http.classic.methods.HttpGet(MATCHED);
        apache5Unmatched = new org.apache.hc.client5.http.classic.methods.HttpGet(UNMATCHED);
        apache5MatchedRoute = apache5Route(MATCHED);
        apache5UnmatchedRoute = apache5Route(UNMATCHED);

        asyncMatched = new BasicHttpRequest("GET", URI.create(MATCHED));
        asyncUnmatched = new BasicHttpRequest("GET", URI.create(UNMATCHED));
        asyncMatchedScope = asyncScope(asyncMatched, MATCHED);
        asyncUnmatchedScope = asyncScope(asyncUnmatched, UNMATCHED);

        if (okhttpMatched().header(AUTHORIZATION) == null || okhttpUnmatched().header(AUTHORIZATION) != null
                || apache4Matched().getFirstHeader(AUTHORIZATION) == null
                || apache5Matched().getFirstHeader(AUTHORIZATION) == null
                || apache5AsyncMatched() == applicationCallback || asyncMatched.getFirstHeader(AUTHORIZATION) == null) {
            throw new IllegalStateException("a hop did not get its token: these figures would not measure the agent");
        }
    }

    /** The request wrapper HttpClient 4 makes per hop, with its request line's path. */
    private static HttpRequestWrapper apache4Hop(String url) {
        HttpRequestWrapper hop = HttpRequestWrapper.wrap(new org.apache.http.client.methods.HttpGet(url));
        hop.setURI(URI.create(URI.create(url).getRawPath()));
        hop.getRequestLine(); // made once per wrapper; the client's own code asks for it first
        return hop;
    }

    /** The context of an HttpClient 4 hop, with the route its connection goes to. */
    private static HttpClientContext apache4Route(String url) {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(HttpClientContext.HTTP_ROUTE, new HttpRoute(new HttpHost(URI.create(url).getHost(), 443,
                "https")));
        return context;
    }

    /** The context of an HttpClient 5 hop, with the route its connection goes to. */
    private static org.apache.hc.client5.http.protocol.HttpClientContext apache5Route(String url) {
        org.apache.hc.client5.http.protocol.HttpClientContext context =
                org.apache.hc.client5.http.protocol.HttpClientContext.create();
        context.setRoute(apache5Target(url));
        return context;
    }

    private static org.apache.hc.client5.http.HttpRoute apache5Target(String url) {
        return new org.apache.hc.client5.http.HttpRoute(
                new org.apache.hc.core5.http.HttpHost("https", URI.create(url).getHost(), 443));
    }

    /** An async exchange's scope, as HttpClient 5's exec chain hands it to its last element. */
    private static AsyncExecChain.Scope asyncScope(BasicHttpRequest request, String url) {
        return new AsyncExecChain.Scope("bench-1", apache5Target(url), request, new ComplexFuture<Object>(null),
                apache5Route(url), unusedRuntime(), null, new AtomicInteger(1));
    }

    /** The exchange's runtime, which the hop never touches (a scope must have one). */
    private static AsyncExecRuntime unusedRuntime() {
        return (AsyncExecRuntime) Proxy.newProxyInstance(AsyncExecRuntime.class.getClassLoader(),
                new Class<?>[] {AsyncExecRuntime.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @TearDown(Level.Trial)
    public void close() {
        cache.close();
    }

    @Benchmark
    public okhttp3.Request okhttpMatched() throws IOException {
        return (okhttp3.Request) OkHttpAdvice.beforeExchangeHeaders(okMatched);
    }

    @Benchmark
    public okhttp3.Request okhttpUnmatched() throws IOException {
        return (okhttp3.Request) OkHttpAdvice.beforeExchangeHeaders(okUnmatched);
    }

    @Benchmark
    public okhttp3.Request okhttpHeaderAlone() {
        return okMatched.newBuilder().header(AUTHORIZATION, tokenHeader).build();
    }

    @Benchmark
    public HttpRequestWrapper apache4Matched() throws IOException {
        apache4Matched.removeHeaders(AUTHORIZATION);
        Apache4Advice.beforeExecute(apache4Matched, apache4MatchedRoute);
        return apache4Matched;
    }

    @Benchmark
    public HttpRequestWrapper apache4Unmatched() throws IOException {
        Apache4Advice.beforeExecute(apache4Unmatched, apache4UnmatchedRoute);
        return apache4Unmatched;
    }

    @Benchmark
    public HttpRequestWrapper apache4HeaderAlone() {
        apache4Matched.removeHeaders(AUTHORIZATION);
        apache4Matched.removeHeaders(AUTHORIZATION);
        apache4Matched.addHeader(AUTHORIZATION, tokenHeader);
        return apache4Matched;
    }

    @Benchmark
    public org.apache.hc.client5.http.classic.methods.HttpGet apache5Matched() throws IOException {
        apache5Matched.removeHeaders(AUTHORIZATION);
        Apache5Advice.beforeClassicSend(apache5Matched, apache5MatchedRoute);
        return apache5Matched;
    }

    @Benchmark
    public org.apache.hc.client5.http.classic.methods.HttpGet apache5Unmatched() throws IOException {
        Apache5Advice.beforeClassicSend(apache5Unmatched, apache5UnmatchedRoute);
        return apache5Unmatched;
    }

    @Benchmark
    public org.apache.hc.client5.http.classic.methods.HttpGet apache5HeaderAlone() {
        apache5Matched.removeHeaders(AUTHORIZATION);
        apache5Matched.removeHeaders(AUTHORIZATION);
        apache5Matched.addHeader(AUTHORIZATION, tokenHeader);
        return apache5Matched;
    }

    /** Returns the callback the exchange goes on with: the agent's watch around the application's. */
    @Benchmark
    public Object apache5AsyncMatched() throws IOException {
        asyncMatched.removeHeaders(AUTHORIZATION);
        return Apache5Advice.beforeAsyncExec(asyncMatchedScope, asyncMatched, null, asyncMatchedScope, null,
                applicationCallback);
    }

    @Benchmark
    public Object apache5AsyncUnmatched() throws IOException {
        return Apache5Advice.beforeAsyncExec(asyncUnmatchedScope, asyncUnmatched, null, asyncUnmatchedScope, null,
                applicationCallback);
    }

    /** The application's callback of an async exchange; never called here. */
    private static final class NoCallback implements AsyncExecCallback {
        @Override
        public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails) {
            return null;
        }

        @Override
        public void handleInformationResponse(HttpResponse response) {
        }

        @Override
        public void completed() {
        }

        @Override
        public void failed(Exception cause) {
        }
    }
}
