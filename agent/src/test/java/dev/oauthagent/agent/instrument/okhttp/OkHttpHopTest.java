package dev.oauthagent.agent.instrument.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.inject.InjectorFixture;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * {@link OkHttpHop} on real OkHttp 4 requests and responses, as the advice hands them over: the request whose
 * headers are about to be written, then the response with the follow-up OkHttp chose. The calls themselves, in
 * real OkHttp calls of every line, are proven end to end (OkHttp*ContractIT, OkHttpInjectionIT).
 */
class OkHttpHopTest {
    private static final String ORDERS = "https://orders.example.com/api/items";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"revoked\"";

    private final InjectorFixture fixture = InjectorFixture.twoClients();
    private final OkHttpHop hop = new OkHttpHop(fixture.injector());

    @Test
    void aMatchedHopIsWrittenWithItsClientsTokenWhileTheCallsOwnRequestKeepsNone() throws IOException {
        Request request = new Request.Builder().url(ORDERS).header("Accept", "*/*").build();

        Request written = (Request) hop.beforeHeaders(request);

        assertThat(written.header("Authorization")).isEqualTo(fixture.tokenHeader("orders"));
        assertThat(written.url()).isEqualTo(request.url());
        assertThat(written.header("Accept")).isEqualTo("*/*");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void aHopNoClientMatchesIsWrittenAsTheApplicationBuiltIt() throws IOException {
        Request request = new Request.Builder().url("https://evil.example.net/api/items").build();

        assertThat(hop.beforeHeaders(request)).isSameAs(request);
    }

    @Test
    void theApplicationsOwnHeaderIsWrittenUnchanged() throws IOException {
        Request request = new Request.Builder().url(ORDERS).header("Authorization", "Basic YXBwOm93bg==").build();

        assertThat(hop.beforeHeaders(request)).isSameAs(request);
    }

    @Test
    void withoutATokenInTimeTheHopFailsClosedBeforeAnythingIsWritten() {
        fixture.failTokenRequests("orders");
        Request request = new Request.Builder().url(ORDERS).build();

        assertThatThrownBy(() -> hop.beforeHeaders(request)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("oauth-agent: no token for client 'orders'");
    }

    @Test
    void invalidTokenToOurTokenDropsItAndSendsTheHopOnceMoreWithTheNextToken() throws IOException {
        Request request = new Request.Builder().url(ORDERS).post(RequestBody.create(null, "{}")).build();
        hop.beforeHeaders(request);
        String first = fixture.tokenHeader("orders");
        Response refused = unauthorized(request, INVALID_TOKEN, null);

        Object followUp = hop.afterFollowUp(null, refused);

        assertThat(followUp).as("the hop's own request, which carries no token").isSameAs(request);
        Request again = (Request) hop.beforeHeaders(request);
        assertThat(again.header("Authorization")).isNotNull().isNotEqualTo(first)
                .isEqualTo(fixture.tokenHeader("orders"));
        assertThat(hop.afterFollowUp(null, unauthorized(request, INVALID_TOKEN, refused)))
                .as("a second refusal in the same call goes to the application").isNull();
    }

    @Test
    void aOneShotBodyIsNotSentAgainButTheTokenIsStillDropped() throws IOException {
        Request request = new Request.Builder().url(ORDERS).post(new OneShot()).build();
        hop.beforeHeaders(request);
        String first = fixture.tokenHeader("orders");

        assertThat(hop.afterFollowUp(null, unauthorized(request, INVALID_TOKEN, null))).isNull();

        assertThat(((Request) hop.beforeHeaders(request)).header("Authorization")).isNotEqualTo(first);
    }

    @Test
    void theApplicationsAuthenticatorAnswerIsSentInsteadOfAResend() throws IOException {
        Request request = new Request.Builder().url(ORDERS).build();
        hop.beforeHeaders(request);
        Request authenticatorRetry = request.newBuilder().header("Authorization", "Basic YXBwOm93bg==").build();

        assertThat(hop.afterFollowUp(authenticatorRetry, unauthorized(request, INVALID_TOKEN, null)))
                .isSameAs(authenticatorRetry);
    }

    @Test
    void aRefusalWithoutInvalidTokenOrOfTheApplicationsHeaderKeepsTheToken() throws IOException {
        Request ours = new Request.Builder().url(ORDERS).build();
        hop.beforeHeaders(ours);
        String token = fixture.tokenHeader("orders");
        assertThat(hop.afterFollowUp(null, unauthorized(ours, "Bearer error=\"insufficient_scope\"", null))).isNull();

        Request own = new Request.Builder().url(ORDERS).header("Authorization", "Bearer app-own").build();
        hop.beforeHeaders(own);
        assertThat(hop.afterFollowUp(null, unauthorized(own, INVALID_TOKEN, null))).isNull();

        assertThat(fixture.tokenHeader("orders")).isEqualTo(token);
    }

    /** A 401 to {@code request} as OkHttp hands it to followUpRequest: with its network response and history. */
    private static Response unauthorized(Request request, String challenge, Response prior) {
        Response network = response(request, challenge).build();
        Response.Builder response = response(request, challenge).networkResponse(network);
        if (prior != null) {
            response.priorResponse(prior.newBuilder().body(null).build());
        }
        return response.build();
    }

    private static Response.Builder response(Request request, String challenge) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(401).message("Unauthorized")
                .header("WWW-Authenticate", challenge);
    }

    /** A body OkHttp must not write twice. */
    private static final class OneShot extends RequestBody {
        @Override
        public MediaType contentType() {
            return null;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{}");
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
