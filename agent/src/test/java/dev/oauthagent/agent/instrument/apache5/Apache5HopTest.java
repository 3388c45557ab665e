package dev.oauthagent.agent.instrument.apache5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.AllocationMeter;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.inject.InjectorFixture;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.ComplexFuture;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Apache5Hop} on the real Apache HttpClient 5.6 objects its hooks are given (requests, contexts with their
 * route, responses, an {@code ExecRuntime}), bound through {@link LibraryBindings} as in an application: the
 * decisions per hop, the real destination (the route's target, never the request's authority), the one resend
 * after a 401 invalid_token, and the async client's request interceptors, which run after its hook, through a real
 * {@code DefaultHttpProcessor} between the calls the agent inserts around it.
 */
class Apache5HopTest {
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    private InjectorFixture injectors;
    private Apache5Hop hop = hop(FailMode.CLOSED, false);

    @AfterEach
    void stopFetching() {
        injectors.close();
    }

    @Test
    void aHopToAMatchedRouteTargetGetsTheClientsToken() {
        HttpGet request = new HttpGet("http://api.example.com/api/orders");

        assertThat(hop.beforeClassicSend(request, contextFor("http", "api.example.com", 80))).isNull();

        assertThat(authorizations(request)).containsExactly("Bearer api-token-1");
    }

    @Test
    void theRouteTargetDecidesNotTheRequestsAuthorityOrHostHeader() {
        HttpGet request = new HttpGet("http://api.example.com/api/orders");
        request.setHeader("Host", "api.example.com");

        hop.beforeClassicSend(request, contextFor("http", "evil.example.net", 80));

        assertThat(authorizations(request)).isEmpty();
    }

    @Test
    void theApplicationsOwnHeaderIsLeftAloneAndAConnectToAProxyIsNeverDecorated() {
        HttpGet own = new HttpGet("http://api.example.com/api/orders");
        own.addHeader("Authorization", "Basic YXBwOnNlY3JldA==");
        BasicClassicHttpRequest connect = new BasicClassicHttpRequest("CONNECT", "api.example.com:443");

        hop.beforeClassicSend(own, contextFor("http", "api.example.com", 80));
        hop.beforeClassicSend(connect, contextFor("https", "api.example.com", 443));

        assertThat(authorizations(own)).containsExactly("Basic YXBwOnNlY3JldA==");
        assertThat(authorizations(connect)).isEmpty();
    }

    @Test
    void aTokenOfOursOnAHopToAnUnmatchedOriginIsTakenOffAndARetriedHopGetsExactlyOneHeader() {
        HttpGet request = new HttpGet("http://api.example.com/api/orders");
        hop.beforeClassicSend(request, contextFor("http", "api.example.com", 80));

        hop.beforeClassicSend(request, contextFor("http", "api.example.com", 80));
        assertThat(authorizations(request)).containsExactly("Bearer api-token-1");
        hop.beforeClassicSend(request, contextFor("http", "evil.example.net", 80));
        assertThat(authorizations(request)).isEmpty();
    }

    @Test
    void failClosedWithoutATokenReturnsTheIOExceptionAndPutsNothingOnTheRequest() {
        tokenEndpointDown();
        HttpGet request = new HttpGet("http://api.example.com/api/orders");

        IOException refusal = hop.beforeClassicSend(request, contextFor("http", "api.example.com", 80));

        assertThat(refusal).hasMessageStartingWith("oauth-agent: no token for client 'api'");
        assertThat(authorizations(request)).isEmpty();
    }

    @Test
    void failOpenWithoutATokenSendsTheHopWithoutAuthorization() {
        hop = hop(FailMode.OPEN, false);
        tokenEndpointDown();
        HttpGet request = new HttpGet("http://api.example.com/api/orders");

        assertThat(hop.beforeClassicSend(request, contextFor("http", "api.example.com", 80))).isNull();

        assertThat(authorizations(request)).isEmpty();
    }

    @Test
    void aRefusedTokenIsDroppedAndTheRequestSentOnceMoreOnANewConnectionWithTheNewToken() throws Exception {
        HttpClientContext context = contextFor("http", "api.example.com", 80);
        HttpGet request = new HttpGet("http://api.example.com/api/orders");
        hop.beforeClassicSend(request, context);
        RecordingRuntime runtime = new RecordingRuntime(hop);

        Object answer = hop.afterClassicResponse(unauthorized(), runtime.proxy, "ex-1", request, context);

        assertThat(answer).isInstanceOf(BasicClassicHttpResponse.class);
        assertThat(((BasicClassicHttpResponse) answer).getCode()).isEqualTo(200);
        assertThat(runtime.events).containsExactly("disconnect", "execute Bearer api-token-2");
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void aSecond401OnTheResendGoesToTheApplication() throws Exception {
        HttpClientContext context = contextFor("http", "api.example.com", 80);
        HttpGet request = new HttpGet("http://api.example.com/api/orders");
        hop.beforeClassicSend(request, context);
        RecordingRuntime runtime = new RecordingRuntime(hop);
        runtime.answerUnauthorized = true;

        Object answer = hop.afterClassicResponse(unauthorized(), runtime.proxy, "ex-1", request, context);

        assertThat(((BasicClassicHttpResponse) answer).getCode()).isEqualTo(401);
        assertThat(runtime.events).containsExactly("disconnect", "execute Bearer api-token-2");
    }

    @Test
    void aBodyThatCannotBeReplayedIsNotResentButItsTokenIsStillDropped() {
        HttpClientContext context = contextFor("http", "api.example.com", 80);
        HttpPost request = new HttpPost("http://api.example.com/api/orders");
        request.setEntity(new InputStreamEntity(new java.io.ByteArrayInputStream(new byte[3]), 3,
                ContentType.APPLICATION_JSON));
        hop.beforeClassicSend(request, context);
        RecordingRuntime runtime = new RecordingRuntime(hop);
        BasicClassicHttpResponse refused = unauthorized();

        assertThat(hop.afterClassicResponse(refused, runtime.proxy, "ex-1", request, context)).isSameAs(refused);

        assertThat(runtime.events).isEmpty();
        HttpGet next = new HttpGet("http://api.example.com/api/orders");
        hop.beforeClassicSend(next, context);
        assertThat(authorizations(next)).containsExactly("Bearer api-token-2");
    }

    @Test
    void a401WithoutInvalidTokenOrToTheApplicationsOwnHeaderChangesNothing() {
        HttpClientContext context = contextFor("http", "api.example.com", 80);
        HttpGet ours = new HttpGet("http://api.example.com/api/orders");
        hop.beforeClassicSend(ours, context);
        HttpGet own = new HttpGet("http://api.example.com/api/orders");
        own.addHeader("Authorization", "Bearer app-own");
        RecordingRuntime runtime = new RecordingRuntime(hop);
        BasicClassicHttpResponse scope = new BasicClassicHttpResponse(401);
        scope.addHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");

        assertThat(hop.afterClassicResponse(scope, runtime.proxy, "ex-1", ours, context)).isSameAs(scope);
        hop.afterClassicResponse(unauthorized(), runtime.proxy, "ex-2", own, context);

        assertThat(runtime.events).isEmpty();
        assertThat(fetches()).isEqualTo(1);
    }

    @Test
    void anAsyncHopsInterceptorThatAddsTheApplicationsHeaderAfterTheHookSendsItAlone() throws Exception {
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        beforeAsyncExec(request, "api.example.com");
        assertThat(authorizations(request)).containsExactly("Bearer api-token-1");

        runInterceptors(request, (r, entity, context) -> r.addHeader("Authorization", "Basic YXBwOnNlY3JldA=="));

        assertThat(authorizations(request)).containsExactly("Basic YXBwOnNlY3JldA==");
    }

    @Test
    void withOverrideExistingTheAsyncHopCarriesExactlyOneHeaderTheToken() throws Exception {
        hop = hop(FailMode.CLOSED, true);
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        beforeAsyncExec(request, "api.example.com");

        runInterceptors(request, (r, entity, context) -> r.addHeader("Authorization", "Basic YXBwOnNlY3JldA=="));

        assertThat(authorizations(request)).containsExactly("Bearer api-token-1");
    }

    @Test
    void anInterceptorThatAddsItsHeaderOnlyWhereNoneIsThereSeesTheRequestWithoutTheToken() throws Exception {
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        beforeAsyncExec(request, "api.example.com");

        runInterceptors(request, (r, entity, context) -> {
            if (!r.containsHeader("Authorization")) {
                r.addHeader("Authorization", "Basic ZGVmYXVsdDpoZWFkZXI=");
            }
        });

        assertThat(authorizations(request)).containsExactly("Basic ZGVmYXVsdDpoZWFkZXI=");
    }

    @Test
    void interceptorsThatAddNoAuthorizationLeaveTheTokenOnTheAsyncHop() throws Exception {
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        beforeAsyncExec(request, "api.example.com");

        runInterceptors(request, (r, entity, context) -> r.addHeader("X-Trace", "1"));
        runInterceptors(request, (r, entity, context) -> { });

        assertThat(authorizations(request)).containsExactly("Bearer api-token-1");
    }

    @Test
    void a401ToTheApplicationsInterceptorHeaderInPlaceOfTheTokenDropsNothing() throws Exception {
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        AsyncExecCallback watch = (AsyncExecCallback) beforeAsyncExec(request, "api.example.com");
        runInterceptors(request, (r, entity, context) -> r.addHeader("Authorization", "Bearer app-own"));

        watch.handleResponse(unauthorized(), null);

        BasicHttpRequest next = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        beforeAsyncExec(next, "api.example.com");
        assertThat(authorizations(next)).containsExactly("Bearer api-token-1");
        assertThat(fetches()).isEqualTo(1);
    }

    @Test
    void a401InvalidTokenToTheAsyncHopsTokenDropsIt() throws Exception {
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        AsyncExecCallback watch = (AsyncExecCallback) beforeAsyncExec(request, "api.example.com");
        runInterceptors(request, (r, entity, context) -> { });

        watch.handleResponse(unauthorized(), null);

        BasicHttpRequest next = new BasicHttpRequest("GET", URI.create("http://api.example.com/api/orders"));
        beforeAsyncExec(next, "api.example.com");
        assertThat(authorizations(next)).containsExactly("Bearer api-token-2");
    }

    /**
     * The classic hop runs on every request an application sends through HttpClient 5: deciding it must not
     * allocate. Counts bytes, not time; the JMH benchmark in bench/ (LibraryHopBenchmark) has the figures.
     */
    @Test
    void decidingAClassicHopAllocatesNothingMatchedOrNot() {
        HttpGet unmatched = new HttpGet("http://cdn.example.net/static/app.js");
        HttpClientContext unmatchedContext = contextFor("http", "cdn.example.net", 80);
        HttpGet matched = new HttpGet("http://api.example.com/api/orders");
        HttpClientContext matchedContext = contextFor("http", "api.example.com", 80);
        hop.beforeClassicSend(matched, matchedContext); // now it carries the current token: nothing to change

        assertThat(AllocationMeter.bytesPerCall(() -> hop.beforeClassicSend(unmatched, unmatchedContext)))
                .isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> hop.beforeClassicSend(matched, matchedContext))).isLessThan(1.0);
        assertThat(authorizations(matched)).containsExactly("Bearer api-token-1");
    }

    /** The async hook at the exec chain's last element, for a hop to {@code host}: returns the callback it gave. */
    private Object beforeAsyncExec(BasicHttpRequest request, String host) {
        HttpClientContext context = HttpClientContext.create();
        AsyncExecChain.Scope scope = new AsyncExecChain.Scope("ex-1", new HttpRoute(new HttpHost("http", host, 80)), request,
                new ComplexFuture<Object>(null), context, nothing(AsyncExecRuntime.class), null, new AtomicInteger(1));
        Object callback = hop.beforeAsyncExec(scope, request, null, scope, null, nothing(AsyncExecCallback.class));
        assertThat(callback).isNotInstanceOf(IOException.class);
        return callback;
    }

    /** A real processor with {@code interceptor}, between the calls the agent inserts around its {@code process}. */
    private void runInterceptors(BasicHttpRequest request, HttpRequestInterceptor interceptor) throws Exception {
        DefaultHttpProcessor processor = new DefaultHttpProcessor(interceptor);
        hop.beforeInterceptors(request);
        processor.process(request, null, HttpClientContext.create());
        hop.afterInterceptors(request);
    }

    /** An implementation of {@code type} whose every method does nothing and returns null. */
    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> null));
    }

    private static BasicClassicHttpResponse unauthorized() {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(401);
        response.addHeader("WWW-Authenticate", INVALID_TOKEN);
        return response;
    }

    private static HttpClientContext contextFor(String scheme, String host, int port) {
        HttpClientContext context = HttpClientContext.create();
        context.setRoute(new HttpRoute(new HttpHost(scheme, host, port)));
        return context;
    }

    private static List<String> authorizations(HttpRequest request) {
        List<String> values = new ArrayList<>();
        for (org.apache.hc.core5.http.Header header : request.getHeaders("Authorization")) {
            values.add(header.getValue());
        }
        return values;
    }

    private Apache5Hop hop(FailMode failMode, boolean overrideExisting) {
        if (injectors != null) {
            injectors.close();
        }
        injectors = new InjectorFixture();
        injectors.allowHttp = true;
        injectors.client("api", "api.example.com", "/api", failMode, overrideExisting).build();
        return new Apache5Hop(injectors.injector, new LibraryBindings());
    }

    /** Tokens the counting endpoint issued so far. */
    private int fetches() {
        return injectors.sources.get("api").fetches.get();
    }

    private void tokenEndpointDown() {
        injectors.sources.get("api").failing = true;
    }

    /**
     * An {@code ExecRuntime} that records what the hop asks of it; its {@code execute} runs the entry hook first, as
     * the transformed {@code InternalExecRuntime.execute} does, and answers 200 (or 401 again).
     */
    private static final class RecordingRuntime {
        final List<String> events = new ArrayList<>();
        final ExecRuntime proxy;
        boolean answerUnauthorized;

        RecordingRuntime(Apache5Hop hop) {
            proxy = (ExecRuntime) Proxy.newProxyInstance(ExecRuntime.class.getClassLoader(),
                    new Class<?>[] {ExecRuntime.class}, (self, method, args) -> {
                        switch (method.getName()) {
                            case "disconnectEndpoint":
                                events.add("disconnect");
                                return null;
                            case "execute":
                                ClassicHttpRequest request = (ClassicHttpRequest) args[1];
                                hop.beforeClassicSend(request, args[args.length - 1]);
                                events.add("execute " + request.getFirstHeader("Authorization").getValue());
                                return answerUnauthorized ? unauthorized() : new BasicClassicHttpResponse(200);
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }
}
