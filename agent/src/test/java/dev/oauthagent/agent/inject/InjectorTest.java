package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.AllocationMeter;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.metrics.ClientMetrics;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InjectorTest {
    private static final String APP_HEADER = "Basic YXBwOmFwcC1vd24=";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"expired\"";

    private static URL url(String s) throws Exception {
        return new URL(s);
    }

    @Nested
    class WhichHopGetsWhichToken {
        private final InjectorFixture f = InjectorFixture.twoClients();

        @Test
        void matchedHopCarriesItsClientsToken() throws Exception {
            String value = f.injector.authorizationFor(url("https://orders.example.com/api/items"), null);

            assertThat(value).isEqualTo("Bearer orders-token-1").isSameAs(f.tokenHeader("orders"));
        }

        @Test
        void uriOverloadDecidesLikeTheUrlOne() throws Exception {
            assertThat(f.injector.authorizationFor(URI.create("https://billing.example.com:443/x"), null))
                    .isEqualTo("Bearer billing-token-1");
            assertThat(f.injector.authorizationFor(URI.create("https://billing.example.com:8443/x"), null)).isNull();
        }

        @Test
        void unmatchedHopGetsNothingAndFetchesNoToken() throws Exception {
            assertThat(f.injector.authorizationFor(url("https://evil.example.net/api"), null)).isNull();
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/public"), null)).isNull();
            assertThat(f.injector.authorizationFor(url("http://orders.example.com/api"), null))
                    .as("https->http on the same host without allow-http").isNull();

            assertThat(f.sources.get("orders").fetches).hasValue(0);
        }

        @Test
        void redirectToAnUnmatchedOriginTakesTheAgentsTokenOff() throws Exception {
            String first = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.authorizationFor(url("https://evil.example.net/steal"), first)).isNull();
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/other"), first))
                    .as("same host, path outside the client's prefix").isNull();
        }

        @Test
        void redirectToAnotherClientsOriginSwapsInThatClientsToken() throws Exception {
            String orders = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.authorizationFor(url("https://billing.example.com/invoices"), orders))
                    .isEqualTo("Bearer billing-token-1");
        }

        @Test
        void sameClientOnTheNextHopKeepsTheCurrentToken() throws Exception {
            String first = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/b"), first)).isSameAs(first);
            assertThat(f.sources.get("orders").fetches).hasValue(1);
        }

        @Test
        void aCopyOfTheAgentsValueIsRecognisedToo() throws Exception {
            String first = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);
            String copy = new String(first.toCharArray()); // e.g. a client that rebuilt its header list

            assertThat(f.injector.authorizationFor(url("https://evil.example.net/"), copy)).isNull();
        }
    }

    @Nested
    class TheApplicationsOwnHeader {

        @Test
        void staysOnMatchedAndUnmatchedHops() throws Exception {
            InjectorFixture f = InjectorFixture.twoClients();

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/a"), APP_HEADER))
                    .isSameAs(APP_HEADER);
            assertThat(f.injector.authorizationFor(url("https://evil.example.net/"), APP_HEADER))
                    .isSameAs(APP_HEADER);
            assertThat(f.sources.get("orders").fetches).hasValue(0);
        }

        @Test
        void isReplacedOnlyWhereTheClientSaysOverrideExisting() throws Exception {
            InjectorFixture f = new InjectorFixture()
                    .client("orders", "orders.example.com", null, FailMode.CLOSED, true)
                    .client("billing", "billing.example.com", null, FailMode.CLOSED, false).build();

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/x"), APP_HEADER))
                    .isEqualTo("Bearer orders-token-1");
            assertThat(f.injector.authorizationFor(url("https://billing.example.com/x"), APP_HEADER))
                    .isSameAs(APP_HEADER);
            assertThat(f.injector.authorizationFor(url("https://evil.example.net/x"), APP_HEADER))
                    .isSameAs(APP_HEADER);
        }

        @Test
        void addedByTheApplicationsInterceptorsAfterTheDecisionWinsUnlessTheTokensClientSaysOverrideExisting()
                throws Exception {
            InjectorFixture f = new InjectorFixture()
                    .client("orders", "orders.example.com", null, FailMode.CLOSED, true)
                    .client("billing", "billing.example.com", null, FailMode.CLOSED, false).build();
            String orders = f.injector.authorizationFor(url("https://orders.example.com/x"), null);
            String billing = f.injector.authorizationFor(url("https://billing.example.com/x"), null);

            assertThat(f.injector.afterInterceptors(billing, APP_HEADER)).isSameAs(APP_HEADER);
            assertThat(f.injector.afterInterceptors(orders, APP_HEADER)).isSameAs(orders);
            assertThat(f.injector.afterInterceptors(billing, null)).isSameAs(billing);
            assertThat(f.injector.afterInterceptors(billing, orders)).as("a token of ours is never the app's own")
                    .isSameAs(billing);
            assertThat(f.injector.afterInterceptors(null, APP_HEADER)).isSameAs(APP_HEADER);
        }
    }

    @Nested
    class NoTokenWithinTheWait {

        @Test
        void failClosedRefusesTheRequestWithTheClientAndTheCauseButNoSecret() {
            InjectorFixture f = InjectorFixture.twoClients();
            f.sources.get("orders").failing = true;

            assertThatThrownBy(() -> f.injector.authorizationFor(url("https://orders.example.com/api/a"), null))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("oauth-agent: no token for client 'orders': ")
                    .hasMessageContaining("refused the connection")
                    .hasMessageNotContaining(InjectorFixture.SECRET);
        }

        @Test
        void failOpenSendsTheHopWithoutTheAgentsHeaderButKeepsTheApplicationsOwn() throws Exception {
            InjectorFixture f = new InjectorFixture()
                    .client("orders", "orders.example.com", null, FailMode.OPEN, true).build();
            String earlier = f.injector.authorizationFor(url("https://orders.example.com/a"), null);
            f.sources.get("orders").failing = true;
            f.caches.get("orders").invalidate(f.caches.get("orders").current());
            f.now.addAndGet(TimeUnit.SECONDS.toNanos(10));

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/b"), null)).isNull();
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/b"), earlier))
                    .as("a stale token of ours from an earlier hop").isNull();
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/b"), APP_HEADER))
                    .isSameAs(APP_HEADER);
        }
    }

    @Nested
    class ManyRotationsDuringOneRequest {
        private final InjectorFixture f = new InjectorFixture()
                .client("orders", "orders.example.com", "/api", FailMode.CLOSED, true)
                .client("billing", "billing.example.com", null, FailMode.CLOSED, false).build();

        /**
         * {@code times} over: the current token is refused, and the next request (of another thread) carries its
         * replacement. Returns the last token carried.
         */
        private String rotate(String current, int times) throws Exception {
            for (int i = 0; i < times; i++) {
                f.now.addAndGet(TimeUnit.SECONDS.toNanos(InvalidationGate.MIN_GAP_SECONDS));
                assertThat(f.injector.rejected(current, INVALID_TOKEN)).isTrue();
                current = f.injector.authorizationFor(url("https://orders.example.com/api/other-thread"), null);
            }
            return current;
        }

        @Test
        void aTokenCarriedThroughHundredsOfRotationsIsStillTakenOffAHopOutsideItsPaths() throws Exception {
            String carried = f.injector.authorizationFor(url("https://orders.example.com/api/slow"), APP_HEADER);
            String current = rotate(carried, 300);
            assertThat(current).isEqualTo("Bearer orders-token-301");

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/public"), carried))
                    .as("same origin, outside paths").isNull();
            assertThat(f.injector.authorizationFor(url("https://evil.example.net/"), carried)).isNull();
            assertThat(f.injector.authorizationFor(url("https://billing.example.com/x"), carried))
                    .isEqualTo("Bearer billing-token-1");
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/next"), carried))
                    .isSameAs(current);
        }

        @Test
        void aRefusedTokenLongReplacedStillCountsAsOursSoItsRequestMayBeResent() throws Exception {
            String carried = f.injector.authorizationFor(url("https://orders.example.com/api/slow"), null);
            String current = rotate(carried, 10);

            assertThat(f.injector.isAgentValue(carried)).isTrue();
            assertThat(AllocationMeter.bytesPerCall(() -> f.injector.isAgentValue(carried))).isLessThan(1.0);
            assertThat(f.injector.rejected(carried, INVALID_TOKEN)).as("already replaced").isTrue();
            assertThat(f.tokenHeader("orders")).isSameAs(current);
        }

        @Test
        void onceTheMemoryIsFullAnUnrecognisedBearerValueNeverGoesWhereThatClientDoesNotMatch() throws Exception {
            f.sources.get("orders").lifetimeSeconds = 365L * 24 * 3600;
            rotate(f.injector.authorizationFor(url("https://orders.example.com/api/a"), null), SentTokens.MAX_ENTRIES);
            String forgotten = "Bearer orders-token-1";
            String appsOwnBearer = "Bearer the-applications-own-token";
            assertThat(f.injector.isAgentValue(forgotten)).isFalse();

            assertThat(f.injector.authorizationFor(url("https://evil.example.net/"), forgotten)).isNull();
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/public"), forgotten)).isNull();
            assertThat(f.injector.authorizationFor(url("https://billing.example.com/x"), appsOwnBearer))
                    .as("another client's origin: treated as a possibly forgotten token of ours")
                    .isEqualTo("Bearer billing-token-1");
            assertThat(f.injector.authorizationFor(url("https://evil.example.net/"), APP_HEADER))
                    .as("not a Bearer value: never one of ours").isSameAs(APP_HEADER);
        }
    }

    @Nested
    class Rejections {
        private final InjectorFixture f = InjectorFixture.twoClients();

        @Test
        void invalidTokenDropsThatTokenAndTheNextRequestGetsAFreshOne() throws Exception {
            String sent = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.rejected(sent, INVALID_TOKEN)).isTrue();

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/a"), null))
                    .isEqualTo("Bearer orders-token-2");
        }

        @Test
        void ofSeveralChallengesOfOne401TheInvalidTokenOneDropsTheTokenWhereverItStands() throws Exception {
            String sent = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.rejectedByAny(sent, java.util.List.of("Basic realm=\"api\"", "Bearer realm=\"api\"")))
                    .isFalse();
            assertThat(f.injector.rejectedByAny(sent, java.util.List.of("Basic realm=\"api\"", INVALID_TOKEN)))
                    .isTrue();
            assertThat(f.tokenHeader("orders")).isNotEqualTo(sent);
        }

        @Test
        void aSecondRejectionWithinTheGapDoesNotRefetchButOneAfterItDoes() throws Exception {
            String first = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);
            f.injector.rejected(first, INVALID_TOKEN);
            String second = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.rejected(second, INVALID_TOKEN)).isFalse();
            assertThat(f.sources.get("orders").fetches).hasValue(2);

            f.now.addAndGet(TimeUnit.SECONDS.toNanos(InvalidationGate.MIN_GAP_SECONDS));
            assertThat(f.injector.rejected(second, INVALID_TOKEN)).isTrue();
            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/a"), null))
                    .isEqualTo("Bearer orders-token-3");
        }

        @Test
        void manyReportsOfTheSameTokenCauseOneRefetch() throws Exception {
            String sent = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);
            f.now.addAndGet(TimeUnit.SECONDS.toNanos(60));

            f.injector.rejected(sent, INVALID_TOKEN);
            f.now.addAndGet(TimeUnit.SECONDS.toNanos(60));
            assertThat(f.injector.rejected(sent, INVALID_TOKEN))
                    .as("already replaced: a resend would carry the new token").isTrue();

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/a"), null))
                    .isEqualTo("Bearer orders-token-2");
            assertThat(f.sources.get("orders").fetches).hasValue(2);
        }

        @Test
        void concurrentReportsOfOneTokenWithinTheGapAllMayResend() throws Exception {
            String sent = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.rejected(sent, INVALID_TOKEN)).isTrue();
            assertThat(f.injector.rejected(sent, INVALID_TOKEN)).isTrue();
            assertThat(f.injector.rejected(sent, INVALID_TOKEN)).isTrue();

            assertThat(f.injector.authorizationFor(url("https://orders.example.com/api/a"), null))
                    .isEqualTo("Bearer orders-token-2");
            assertThat(f.sources.get("orders").fetches).hasValue(2);
        }

        @Test
        void otherChallengesAndOtherHeadersChangeNothing() throws Exception {
            String sent = f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);

            assertThat(f.injector.rejected(sent, "Bearer error=\"insufficient_scope\", scope=\"write\"")).isFalse();
            assertThat(f.injector.rejected(sent, "Bearer realm=\"api\"")).isFalse();
            assertThat(f.injector.rejected(sent, null)).isFalse();
            assertThat(f.injector.rejected(APP_HEADER, INVALID_TOKEN)).as("not ours").isFalse();
            assertThat(f.injector.rejected(null, INVALID_TOKEN)).isFalse();

            assertThat(f.tokenHeader("orders")).isSameAs(sent);
        }
    }

    @Nested
    class Counting {
        private final InjectorFixture f = InjectorFixture.twoClients();

        @Test
        void eachHopCountsAsInjectedSkippedOrRefusedForItsClientOnly() throws Exception {
            f.injector.authorizationFor(url("https://orders.example.com/api/a"), null);
            f.injector.authorizationFor(url("https://orders.example.com/api/b"), null);
            f.injector.authorizationFor(url("https://orders.example.com/api/c"), APP_HEADER);
            f.injector.authorizationFor(url("https://evil.example.net/api"), APP_HEADER);
            f.sources.get("billing").failing = true;
            assertThatThrownBy(() -> f.injector.authorizationFor(url("https://billing.example.com/x"), null))
                    .isInstanceOf(IOException.class);

            ClientMetrics orders = f.metrics.get("orders");
            ClientMetrics billing = f.metrics.get("billing");
            assertThat(orders.injectedRequests()).isEqualTo(2);
            assertThat(orders.skippedRequests()).as("the app's own header on a matched hop").isEqualTo(1);
            assertThat(orders.failClosedRefusals()).isZero();
            assertThat(billing.injectedRequests()).isZero();
            assertThat(billing.skippedRequests()).as("an unmatched hop is nobody's").isZero();
            assertThat(billing.failClosedRefusals()).isEqualTo(1);
        }

        @Test
        void countingAnInjectedHopAllocatesNothing() throws Exception {
            String text = "https://orders.example.com/api/items";
            int path = text.indexOf("/api");
            String first = f.injector.authorizationFor("https", "orders.example.com", -1, text, path, null);

            assertThat(AllocationMeter.bytesPerCall(() -> decideQuietly(text, path, first))).isLessThan(1.0);
            assertThat(f.metrics.get("orders").injectedRequests()).isGreaterThan(20_000);
        }

        private void decideQuietly(String text, int path, String carried) {
            try {
                f.injector.authorizationFor("https", "orders.example.com", -1, text, path, carried);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
