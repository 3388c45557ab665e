package dev.oauthagent.agent.instrument.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.instrument.httpclient.FakeHttpClient.Request;
import dev.oauthagent.agent.instrument.httpclient.FakeHttpClient.Response;

import java.io.IOException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpClientHopTest {
    private static final String APP_HEADER = "Bearer app-own-token";
    private static final String AUTHENTICATOR_HEADER = "Basic dXNlcjpwYXNz";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"revoked\"";

    private static HopFixture twoClients(boolean overrideExisting) {
        return new HopFixture().client("orders", "orders.example.com", FailMode.CLOSED, overrideExisting)
                .client("billing", "billing.example.com", FailMode.CLOSED, false).build();
    }

    @Nested
    class BeforeEachHop {
        private final HopFixture f = twoClients(false);

        @Test
        void aMatchedHopCarriesItsClientsTokenAsASystemHeaderAndTheApplicationsHeadersStayAsBuilt() {
            Request request = new Request("https://orders.example.com/api/items").withUserHeader("Accept", "*/*");

            assertThat(f.hop.beforeSend(request)).isNull();

            assertThat(request.system).containsEntry("Authorization", "Bearer orders-token-1");
            assertThat(request.user).containsOnlyKeys("Accept");
        }

        @Test
        void aHopNoClientMatchesGetsNoHeaderAndFetchesNoToken() {
            Request request = new Request("https://evil.example.net/api/items");

            assertThat(f.hop.beforeSend(request)).isNull();

            assertThat(request.sentAuthorization()).isNull();
            assertThat(f.fetches("orders")).hasValue(0);
        }

        @Test
        void theApplicationsOwnHeaderIsSentAndNoTokenIsAdded() {
            Request request = new Request("https://orders.example.com/api/items")
                    .withUserHeader("authorization", APP_HEADER);

            f.hop.beforeSend(request);

            assertThat(request.sentAuthorization()).isEqualTo(APP_HEADER);
            assertThat(request.system).doesNotContainKey("Authorization");
        }

        @Test
        void theAuthenticatorsHeaderWinsOverTheAgentsToken() {
            Request request = new Request("https://orders.example.com/api/items");
            request.system.put("Authorization", AUTHENTICATOR_HEADER);

            f.hop.beforeSend(request);

            assertThat(request.sentAuthorization()).isEqualTo(AUTHENTICATOR_HEADER);
        }

        @Test
        void aRedirectHopToAnUnmatchedOriginStartsWithoutTheTokenAndGetsNone() {
            Request first = new Request("https://orders.example.com/api/items");
            f.hop.beforeSend(first);
            Request redirected = new Request("https://evil.example.net/landing"); // the JDK's new hop

            f.hop.beforeSend(redirected);

            assertThat(first.sentAuthorization()).isEqualTo("Bearer orders-token-1");
            assertThat(redirected.sentAuthorization()).isNull();
        }

        @Test
        void aRedirectHopToAnotherClientsOriginGetsThatClientsToken() {
            f.hop.beforeSend(new Request("https://orders.example.com/api/items"));
            Request redirected = new Request("https://billing.example.com/api/invoices");

            f.hop.beforeSend(redirected);

            assertThat(redirected.sentAuthorization()).isEqualTo("Bearer billing-token-1");
        }

        @Test
        void ourTokenLeftOnAHopNowBoundForAnUnmatchedOriginIsTakenOff() {
            Request matched = new Request("https://orders.example.com/api/items");
            f.hop.beforeSend(matched);
            Request elsewhere = new Request("https://evil.example.net/api/items");
            elsewhere.system.putAll(matched.system);

            f.hop.beforeSend(elsewhere);

            assertThat(elsewhere.sentAuthorization()).isNull();
        }

        @Test
        void ourTokenCopiedIntoTheApplicationsHeadersIsNotSentToAnUnmatchedOrigin() {
            Request matched = new Request("https://orders.example.com/api/items");
            f.hop.beforeSend(matched);
            Request copied = new Request("https://evil.example.net/x")
                    .withUserHeader("Authorization", matched.sentAuthorization());

            f.hop.beforeSend(copied);

            assertThat(copied.sentAuthorization()).isNull();
        }

        @Test
        void anInternalFailureSendsTheRequestAsTheApplicationBuiltIt() {
            Request request = new Request("https://orders.example.com/api/items");
            f.jdk.broken = true;

            assertThat(f.hop.beforeSend(request)).isNull();

            assertThat(request.system).isEmpty();
        }
    }

    @Nested
    class OverrideExisting {
        private final HopFixture f = twoClients(true);

        @Test
        void theApplicationsHeaderIsTakenOffAndOnlyTheAgentsTokenIsSent() {
            Request request = new Request("https://orders.example.com/api/items")
                    .withUserHeader("Authorization", APP_HEADER);

            f.hop.beforeSend(request);

            assertThat(request.user).doesNotContainKey("Authorization");
            assertThat(request.sentAuthorization()).isEqualTo("Bearer orders-token-1");
        }

        @Test
        void theAuthenticatorsHeaderIsReplacedByTheAgentsToken() {
            Request request = new Request("https://orders.example.com/api/items");
            request.system.put("Authorization", AUTHENTICATOR_HEADER);

            f.hop.beforeSend(request);

            assertThat(request.sentAuthorization()).isEqualTo("Bearer orders-token-1");
        }

        @Test
        void onAnotherClientsOriginWithoutOverrideTheApplicationsHeaderStays() {
            Request request = new Request("https://billing.example.com/api/x").withUserHeader("Authorization", APP_HEADER);

            f.hop.beforeSend(request);

            assertThat(request.sentAuthorization()).isEqualTo(APP_HEADER);
        }
    }

    @Nested
    class WithoutAToken {
        @Test
        void failClosedRefusesTheHopWithTheClientsNameAndLeavesItUntouched() {
            HopFixture f = twoClients(false);
            f.failing("orders");
            Request request = new Request("https://orders.example.com/api/items");

            IOException refusal = f.hop.beforeSend(request);

            assertThat(refusal).isNotNull();
            assertThat(refusal.getMessage()).startsWith("oauth-agent: no token for client 'orders'")
                    .doesNotContain("hop-fixture-secret");
            assertThat(request.sentAuthorization()).isNull();
        }

        @Test
        void failOpenSendsTheHopWithoutTheAgentsHeader() {
            HopFixture f = new HopFixture().client("orders", "orders.example.com", FailMode.OPEN, false).build();
            f.failing("orders");
            Request request = new Request("https://orders.example.com/api/items");

            assertThat(f.hop.beforeSend(request)).isNull();

            assertThat(request.sentAuthorization()).isNull();
        }
    }

    @Nested
    class After401 {
        private final HopFixture f = twoClients(false);
        private final Object exchange = new Object();

        private Request sentWithOurToken() {
            Request request = new Request("https://orders.example.com/api/items");
            f.hop.beforeSend(request);
            return request;
        }

        @Test
        void invalidTokenDropsTheTokenAndTheRequestIsSentOnceMoreWithAFreshOne() {
            Request sent = sentWithOurToken();

            Object resend = f.hop.afterResponse(exchange, Response.of(401, sent, INVALID_TOKEN));

            assertThat(resend).isSameAs(f.jdk.resends.get(0));
            Request again = (Request) resend;
            assertThat(again.system).as("a new hop starts without our header").isEmpty();
            f.hop.beforeSend(again);
            assertThat(again.sentAuthorization()).isEqualTo("Bearer orders-token-2");
        }

        @Test
        void aSecond401OnTheSameCallIsHandedToTheApplication() {
            Request sent = sentWithOurToken();
            Request again = (Request) f.hop.afterResponse(exchange, Response.of(401, sent, INVALID_TOKEN));
            f.hop.beforeSend(again);
            f.now.addAndGet(60_000_000_000L); // past the invalidation gap: only the once-per-call rule stops it

            assertThat(f.hop.afterResponse(exchange, Response.of(401, again, INVALID_TOKEN))).isNull();
            assertThat(f.jdk.resends).hasSize(1);
        }

        @Test
        void aBodyThatCannotBeReplayedIsNotSentAgainButTheTokenIsStillDropped() {
            Request sent = sentWithOurToken();
            sent.resendableBody = false;

            assertThat(f.hop.afterResponse(exchange, Response.of(401, sent, INVALID_TOKEN))).isNull();

            Request next = sentWithOurToken();
            assertThat(next.sentAuthorization()).isEqualTo("Bearer orders-token-2");
        }

        @Test
        void a401WithoutInvalidTokenKeepsTheTokenAndIsHandedToTheApplication() {
            Request sent = sentWithOurToken();

            assertThat(f.hop.afterResponse(exchange, Response.of(401, sent,
                    "Bearer error=\"insufficient_scope\"", "Basic realm=\"x\""))).isNull();

            assertThat(sentWithOurToken().sentAuthorization()).isEqualTo("Bearer orders-token-1");
        }

        @Test
        void a401ToTheApplicationsOwnHeaderIsNotTheAgentsBusiness() {
            Request sent = new Request("https://orders.example.com/api/items").withUserHeader("Authorization", APP_HEADER);
            f.hop.beforeSend(sent);

            assertThat(f.hop.afterResponse(exchange, Response.of(401, sent, INVALID_TOKEN))).isNull();
            assertThat(f.jdk.resends).isEmpty();
        }

        @Test
        void anyOtherStatusIsHandedToTheApplication() {
            Request sent = sentWithOurToken();

            assertThat(f.hop.afterResponse(exchange, Response.of(403, sent, INVALID_TOKEN))).isNull();
            assertThat(f.hop.afterResponse(exchange, Response.of(200, sent))).isNull();
        }

        @Test
        void anInternalFailureHandsTheResponseToTheApplication() {
            Request sent = sentWithOurToken();
            f.jdk.broken = true;

            assertThat(f.hop.afterResponse(exchange, Response.of(401, sent, INVALID_TOKEN))).isNull();
        }
    }
}
