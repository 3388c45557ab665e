package dev.oauthagent.agent.instrument.apache4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.AllocationMeter;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.inject.InjectorFixture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.message.BasicHttpRequest;
import org.apache.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Apache4Hop} on real HttpClient 4.5 objects (request wrappers, contexts holding the hop's route, responses)
 * and a real Injector: "orders" on https://orders.example.com/api, "billing" on https://billing.example.com.
 */
class Apache4HopTest {
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"revoked\"";
    private static final String APP_HEADER = "Basic YXBwOm93bg==";

    private final InjectorFixture f = InjectorFixture.twoClients();
    private final Apache4Hop hop = new Apache4Hop(f.injector);

    @Nested
    class BeforeEachClassicHop {

        @Test
        void aHopRoutedToAMatchedOriginCarriesItsClientsTokenOnTheWrapperAndTheApplicationsRequestStaysAsBuilt()
                throws Exception {
            HttpGet original = new HttpGet("https://orders.example.com/api/items");
            HttpRequestWrapper hopRequest = wrapper(original, "/api/items");

            assertThat(hop.beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443))).isNull();

            assertThat(authorizations(hopRequest)).containsExactly("Bearer orders-token-1");
            assertThat(original.getAllHeaders()).isEmpty();
        }

        @Test
        void aHopRoutedToAnOriginNoClientMatchesGetsNoHeaderAndFetchesNoToken() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://evil.example.net/api/items"), "/api/items");

            assertThat(hop.beforeExecute(hopRequest, routedTo("https", "evil.example.net", 443))).isNull();

            assertThat(authorizations(hopRequest)).isEmpty();
            assertThat(f.sources.get("orders").fetches).hasValue(0);
        }

        @Test
        void theRouteDecidesNotTheApplicationsUriNorItsHostHeader() {
            HttpRequestWrapper toEvil = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            toEvil.setHeader("Host", "orders.example.com");
            HttpRequestWrapper toOrders = wrapper(new HttpGet("https://evil.example.net/api/items"), "/api/items");
            toOrders.setHeader("Host", "evil.example.net");

            hop.beforeExecute(toEvil, routedTo("https", "evil.example.net", 443));
            hop.beforeExecute(toOrders, routedTo("https", "orders.example.com", 443));

            assertThat(authorizations(toEvil)).isEmpty();
            assertThat(authorizations(toOrders)).containsExactly("Bearer orders-token-1");
        }

        @Test
        void thePathIsTheRequestLinesAlsoWhenItIsAnAbsoluteUriThroughAProxy() {
            HttpRequestWrapper outsidePaths = wrapper(new HttpGet("https://orders.example.com/api/x"),
                    "https://orders.example.com/public/x");
            HttpRequestWrapper insidePaths = wrapper(new HttpGet("https://orders.example.com/api/x"),
                    "https://orders.example.com/api/x?page=2");

            hop.beforeExecute(outsidePaths, routedTo("https", "orders.example.com", 443));
            hop.beforeExecute(insidePaths, routedTo("https", "orders.example.com", 443));

            assertThat(authorizations(outsidePaths)).isEmpty();
            assertThat(authorizations(insidePaths)).containsExactly("Bearer orders-token-1");
        }

        @Test
        void aRouteWithoutAPortTakesTheSchemesDefaultAsTheDeprecatedClientsRoutePlannerLeavesIt() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");

            hop.beforeExecute(hopRequest, routedTo("https", "orders.example.com", -1));

            assertThat(authorizations(hopRequest)).containsExactly("Bearer orders-token-1");
        }

        @Test
        void theApplicationsOwnHeaderIsLeftAloneAndNoTokenIsAdded() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hopRequest.addHeader("Authorization", APP_HEADER);

            hop.beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443));

            assertThat(authorizations(hopRequest)).containsExactly(APP_HEADER);
        }

        @Test
        void withOverrideExistingTheHopCarriesExactlyOneHeaderTheToken() {
            InjectorFixture overriding = new InjectorFixture()
                    .client("orders", "orders.example.com", "/api", FailMode.CLOSED, true).build();
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hopRequest.addHeader("Authorization", APP_HEADER);
            hopRequest.addHeader("authorization", "Basic c2Vjb25kOmhlYWRlcg==");

            new Apache4Hop(overriding.injector).beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443));

            assertThat(authorizations(hopRequest)).containsExactly("Bearer orders-token-1");
        }

        @Test
        void aRetryOfAHopWhoseRouteNoLongerMatchesLosesTheTokenAnEarlierAttemptLeftOnIt() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hop.beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443));

            hop.beforeExecute(hopRequest, routedTo("http", "orders.example.com", 80));

            assertThat(authorizations(hopRequest)).isEmpty();
        }

        @Test
        void aContextWithoutARouteGetsNoTokenAndLosesOneOfOurs() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hop.beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443));

            hop.beforeExecute(hopRequest, HttpClientContext.create());

            assertThat(authorizations(hopRequest)).isEmpty();
        }

        @Test
        void aProxyTunnelsConnectRequestIsNeverDecorated() {
            BasicHttpRequest connect = new BasicHttpRequest("CONNECT", "orders.example.com:443", HttpVersion.HTTP_1_1);

            hop.beforeExecute(connect, routedTo("https", "orders.example.com", 443));

            assertThat(authorizations(connect)).isEmpty();
            assertThat(f.sources.get("orders").fetches).hasValue(0);
        }

        @Test
        void anObjectThatIsNotOneOfHttpCoresMessagesIsLeftAloneWithoutAnError() {
            Object notARequest = new StringBuilder("GET /api/items");

            assertThat(hop.beforeExecute(notARequest, routedTo("https", "orders.example.com", 443))).isNull();
            assertThat(hop.resendClassic(true, notARequest, HttpClientContext.create())).isTrue();

            assertThat(notARequest).hasToString("GET /api/items");
            assertThat(f.sources.get("orders").fetches).hasValue(0);
        }

        @Test
        void failClosedWithoutATokenRefusesTheHopWithAnInterruptedIOExceptionTheRetryHandlersDoNotRetry() {
            f.sources.get("orders").failing = true;
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");

            IOException refusal = hop.beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443));

            assertThat(refusal).isInstanceOf(InterruptedIOException.class)
                    .hasMessageStartingWith("oauth-agent: no token for client 'orders'");
            assertThat(authorizations(hopRequest)).isEmpty();
        }

        @Test
        void failOpenWithoutATokenSendsTheHopWithoutAuthorization() {
            InjectorFixture open = new InjectorFixture()
                    .client("orders", "orders.example.com", "/api", FailMode.OPEN, false).build();
            open.sources.get("orders").failing = true;
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");

            assertThat(new Apache4Hop(open.injector)
                    .beforeExecute(hopRequest, routedTo("https", "orders.example.com", 443))).isNull();

            assertThat(authorizations(hopRequest)).isEmpty();
        }
    }

    @Nested
    class AfterA401 {

        @Test
        void anInvalidTokenChallengeToOurTokenDropsItAndTheClientSendsARepeatableRequestOnceMore() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            hop.beforeExecute(hopRequest, context);
            context.setAttribute("http.request", hopRequest);

            assertThat(hop.resendClassic(false, unauthorized(INVALID_TOKEN), context)).isTrue();
            hop.beforeExecute(hopRequest, context);
            assertThat(authorizations(hopRequest)).containsExactly("Bearer orders-token-2");
            assertThat(hop.resendClassic(false, unauthorized(INVALID_TOKEN), context))
                    .as("a second refusal of the same hop goes to the application").isFalse();
        }

        @Test
        void aBodyThatCannotBeSentAgainIsNotResentButTheTokenIsDroppedAllTheSame() {
            HttpPost post = new HttpPost("https://orders.example.com/api/items");
            post.setEntity(new InputStreamEntity(new ByteArrayInputStream(new byte[] {1, 2, 3})));
            HttpRequestWrapper hopRequest = wrapper(post, "/api/items");
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            hop.beforeExecute(hopRequest, context);
            context.setAttribute("http.request", hopRequest);

            assertThat(hop.resendClassic(false, unauthorized(INVALID_TOKEN), context)).isFalse();

            HttpRequestWrapper next = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hop.beforeExecute(next, context);
            assertThat(authorizations(next)).containsExactly("Bearer orders-token-2");
        }

        @Test
        void aRepeatableBodyIsResent() throws Exception {
            HttpPost post = new HttpPost("https://orders.example.com/api/items");
            post.setEntity(new StringEntity("{}"));
            HttpRequestWrapper hopRequest = wrapper(post, "/api/items");
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            hop.beforeExecute(hopRequest, context);
            context.setAttribute("http.request", hopRequest);

            assertThat(hop.resendClassic(false, unauthorized(INVALID_TOKEN), context)).isTrue();
        }

        @Test
        void aChallengeToTheApplicationsOwnHeaderChangesNothing() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hopRequest.addHeader("Authorization", "Bearer app-own-token");
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            hop.beforeExecute(hopRequest, context);
            context.setAttribute("http.request", hopRequest);

            assertThat(hop.resendClassic(false, unauthorized(INVALID_TOKEN), context)).isFalse();
            assertThat(hop.resendClassic(true, unauthorized(INVALID_TOKEN), context)).isTrue();
            assertThat(f.sources.get("orders").fetches).hasValue(0);
        }

        @Test
        void aChallengeWithoutInvalidTokenKeepsTheTokenAndTheClientsDecision() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            hop.beforeExecute(hopRequest, context);
            context.setAttribute("http.request", hopRequest);

            assertThat(hop.resendClassic(false, unauthorized("Bearer realm=\"api\""), context)).isFalse();
            assertThat(hop.resendClassic(true, unauthorized("Basic realm=\"api\""), context)).isTrue();
            assertThat(f.tokenHeader("orders")).isEqualTo("Bearer orders-token-1");
        }

        @Test
        void aResponseOtherThan401KeepsTheClientsDecision() {
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            HttpResponse ok = new BasicHttpResponse(HttpVersion.HTTP_1_1, 200, "OK");

            assertThat(hop.resendClassic(false, ok, context)).isFalse();
            assertThat(hop.resendClassic(true, ok, context)).isTrue();
        }
    }

    /**
     * The hop decides on its route's target (scheme, host, port) and its request line's path, as they are, with the
     * rules every client's hop follows: each gets the token of the client named, or none. An underscore in the host
     * and a space in the path, which {@code java.net.URI} cannot read, are judged as Apache HttpClient 5's hop and
     * {@code HttpURLConnection}'s judge them.
     */
    @Nested
    class Destinations {
        private final InjectorFixture d = InjectorFixture.destinations();
        private final Apache4Hop destinationsHop = new Apache4Hop(d.injector);

        @ParameterizedTest(name = "{0}://{1}:{2} {3} -> {4}")
        @CsvSource({
            "https, orders.example.com, 443, /api/items, orders",
            "https, ORDERS.Example.COM, -1, /api/items, orders",
            "https, orders.example.com., 443, /api, orders",
            "https, orders.example.com, 8443, /api, none",
            "http, orders.example.com, 80, /api, none",
            "http, 2001:db8::1, 8443, /x, local",
            "https, [2001:db8::1], 8443, /x, local",
            "http, 2001:DB8:0:0::1, 8443, /, local",
            "http, 2001:db8::1, -1, /x, none",
            "https, orders.example.com, 443, /api/%69tems?q=%2F, orders",
            "https, orders.example.com, 443, /%61pi/items, none",
            "https, orders.example.com, 443, /api/..%2Fpublic, none",
            "https, orders.example.com, 443, /public/../api/x, orders",
            "https, orders.example.com, 443, /apiary, none",
            "https, orders.example.com, 443, https://user:pw@evil.example.net/api/x, orders",
            "https, orders.example.com, 443, https://orders.example.com/public?to=/api, none",
            "https, orders.example.com, 443, https://orders.example.com?x=/api, none",
            "https, orders.example.com, 443, https://orders.example.com, none",
            "https, orders.example.com, 443, api/x, orders",
            "https, orders.example.com, 443, *, none",
        })
        void aHopGetsTheTokenOfTheClientItsRouteTargetAndRequestLineMatch(String scheme, String host,
                int port, String requestTarget, String client) {
            BasicHttpRequest request = new BasicHttpRequest("GET", requestTarget, HttpVersion.HTTP_1_1);

            destinationsHop.beforeExecute(request, routedTo(scheme, host, port));

            assertThat(authorizations(request)).containsExactlyElementsOf(
                    "none".equals(client) ? java.util.Collections.emptyList()
                            : java.util.Collections.singletonList(d.tokenHeader(client)));
        }

        @Test
        void aHostWithAnUnderscoreOrAPathWithASpaceIsJudgedAsByTheOtherClientsHops() {
            BasicHttpRequest internal = new BasicHttpRequest("GET", "/api/x", HttpVersion.HTTP_1_1);
            BasicHttpRequest spaced = new BasicHttpRequest("GET", "/api/a b", HttpVersion.HTTP_1_1);
            BasicHttpRequest spacedOutside = new BasicHttpRequest("GET", "/public/a b", HttpVersion.HTTP_1_1);

            destinationsHop.beforeExecute(internal, routedTo("https", "my_svc.internal", 443));
            destinationsHop.beforeExecute(spaced, routedTo("https", "orders.example.com", 443));
            destinationsHop.beforeExecute(spacedOutside, routedTo("https", "orders.example.com", 443));

            assertThat(authorizations(internal)).containsExactly(d.tokenHeader("internal"));
            assertThat(authorizations(spaced)).containsExactly(d.tokenHeader("orders"));
            assertThat(authorizations(spacedOutside)).isEmpty();
        }
    }

    /**
     * The hop runs on every request an application sends through HttpClient 4: deciding it must not allocate.
     * Counts bytes, not time; the JMH benchmark in bench/ (LibraryHopBenchmark) has the figures.
     */
    @Nested
    class Allocation {

        @Test
        void aHopNoClientMatchesAllocatesNothing() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://cdn.example.net/static/app.js"),
                    "/static/app.js");
            HttpClientContext context = routedTo("https", "cdn.example.net", 443);
            hopRequest.getRequestLine(); // the wrapper makes its request line once, as the client's own code asks first

            assertThat(AllocationMeter.bytesPerCall(() -> hop.beforeExecute(hopRequest, context))).isLessThan(1.0);
        }

        @Test
        void decidingAMatchedHopAllocatesNothing() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            hop.beforeExecute(hopRequest, context); // now it carries the current token: nothing to change

            assertThat(AllocationMeter.bytesPerCall(() -> hop.beforeExecute(hopRequest, context))).isLessThan(1.0);
            assertThat(authorizations(hopRequest)).containsExactly(f.tokenHeader("orders"));
        }
    }

    /**
     * Shaped like HttpAsyncClient 4.1's package-private exchange classes: the handler's context in a private field of
     * its superclass, the request producer behind a public method of a package-private class.
     */
    @Nested
    class AsyncHops {

        @Test
        void theRequestAHandlerSubmitsCarriesTheTokenForTheRouteInTheHandlersContext() {
            HttpRequestWrapper hopRequest = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            ExchangeHandler handler = new ExchangeHandler(routedTo("https", "orders.example.com", 443));

            assertThat(hop.beforeAsyncSubmit(hopRequest, handler)).isNull();

            assertThat(authorizations(hopRequest)).containsExactly("Bearer orders-token-1");
        }

        @Test
        void anInvalidTokenChallengeResendsOnlyWhatTheProducerCanProduceAgain() throws Exception {
            HttpClientContext context = routedTo("https", "orders.example.com", 443);
            ExchangeHandler handler = new ExchangeHandler(context);
            HttpRequestWrapper get = wrapper(new HttpGet("https://orders.example.com/api/items"), "/api/items");
            hop.beforeAsyncSubmit(get, handler);
            context.setAttribute("http.request", get);
            context.setAttribute("http.response", unauthorized(INVALID_TOKEN));

            assertThat(hop.resendAsync(false, new State(false), handler)).as("a producer that cannot repeat").isFalse();
            f.now.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(6)); // past the invalidation gate
            hop.beforeAsyncSubmit(get, handler);
            assertThat(hop.resendAsync(false, new State(true), handler)).isTrue();
            assertThat(hop.resendAsync(false, new State(true), handler)).as("the same hop again").isFalse();
        }
    }

    /** Like AbstractClientExchangeHandler: the context in a private field of the superclass. */
    abstract static class AbstractHandler {
        private final HttpClientContext localContext;

        AbstractHandler(HttpClientContext localContext) {
            this.localContext = localContext;
        }
    }

    static final class ExchangeHandler extends AbstractHandler {
        ExchangeHandler(HttpClientContext localContext) {
            super(localContext);
        }
    }

    /** Like InternalState. */
    static final class State {
        private final org.apache.http.nio.protocol.HttpAsyncRequestProducer producer;

        State(boolean repeatable) {
            HttpPost post = new HttpPost("https://orders.example.com/api/items");
            post.setEntity(repeatable ? new StringEntity("{}", org.apache.http.entity.ContentType.APPLICATION_JSON)
                    : new InputStreamEntity(new ByteArrayInputStream(new byte[] {1})));
            producer = org.apache.http.nio.client.methods.HttpAsyncMethods.create(post);
        }

        public org.apache.http.nio.protocol.HttpAsyncRequestProducer getRequestProducer() {
            return producer;
        }
    }

    private static HttpRequestWrapper wrapper(HttpRequest original, String requestTarget) {
        HttpRequestWrapper wrapper = HttpRequestWrapper.wrap(original);
        wrapper.setURI(java.net.URI.create(requestTarget));
        return wrapper;
    }

    private static HttpClientContext routedTo(String scheme, String host, int port) {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute("http.route", new HttpRoute(new HttpHost(host, port, scheme)));
        return context;
    }

    private static HttpResponse unauthorized(String challenge) {
        HttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, 401, "Unauthorized");
        response.addHeader("WWW-Authenticate", challenge);
        return response;
    }

    private static java.util.List<String> authorizations(HttpRequest request) {
        return Arrays.stream(request.getHeaders("Authorization")).map(Header::getValue).collect(Collectors.toList());
    }
}
