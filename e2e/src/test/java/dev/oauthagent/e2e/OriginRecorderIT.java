package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.Http;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The other-origin server answers anything and records exactly which Authorization header arrived. */
class OriginRecorderIT {
    private static OriginRecorder recorder;

    @BeforeAll
    static void start() {
        recorder = OriginRecorder.start();
    }

    @AfterAll
    static void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        recorder.reset();
    }

    @Test
    void readyLineNamesTheLoopbackUrl() {
        assertThat(recorder.process().stdout().lines().filter(line -> line.startsWith("ORIGIN_RECORDER_READY")))
                .containsExactly("ORIGIN_RECORDER_READY url=" + recorder.url());
    }

    @Test
    void recordsMethodPathAndTheAuthorizationHeaderAsSchemeAndFingerprintOrItsAbsence() {
        assertThat(Http.get(recorder.url().resolve("/any/path?q=1"), "Bearer leaked-token-value").status())
                .isEqualTo(200);
        assertThat(Http.post(recorder.url().resolve("/upload"), null, "body").status()).isEqualTo(200);

        assertThat(recorder.recorded()).containsExactly(
                "GET /any/path?q=1 authorization=" + OriginRecorder.describeAuthorization("Bearer", "leaked-token-value"),
                "POST /upload authorization=none");
        // Pinned (sha256("leaked-token-value") starts 0eb13e67) so the recorder and this helper cannot drift together.
        assertThat(OriginRecorder.describeAuthorization("Bearer", "leaked-token-value")).isEqualTo("Bearer fp=0eb13e67");
    }

    @Test
    void recordedLinesNeverContainTheCredentialsThemselves() {
        Http.get(recorder.url().resolve("/a"), "Bearer eyJ-secret-looking-token");
        Http.get(recorder.url().resolve("/b"), "Basic dXNlcjpwYXNz");

        assertThat(String.join("\n", recorder.recorded()))
                .doesNotContain("eyJ-secret-looking-token").doesNotContain("dXNlcjpwYXNz")
                .contains("GET /a authorization=Bearer fp=").contains("GET /b authorization=Basic fp=");
    }

    @Test
    void redirectPathAnswersTheAskedStatusAndLocationAndIsRecorded() {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            Http.Response response = Http.get(recorder.redirectUrl(status, "http://127.0.0.1:1/next?a=b"), null);

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.header("Location")).isEqualTo("http://127.0.0.1:1/next?a=b");
        }
        assertThat(recorder.recorded()).hasSize(5).allMatch(line -> line.startsWith("GET /redirect?status=3")
                && line.endsWith(" authorization=none"));
    }

    @Test
    void redirectUnderItsOwnPathIsAnsweredAndRecordedWithThatPath() {
        Http.Response response = Http.get(recorder.url().resolve("/redirect/case-1/hop?status=307&location=%2Fnext"), null);

        assertThat(response.status()).isEqualTo(307);
        assertThat(response.header("Location")).isEqualTo("/next");
        assertThat(recorder.recorded()).containsExactly(
                "GET /redirect/case-1/hop?status=307&location=%2Fnext authorization=none");
    }

    @Test
    void rejectNextAnswersTheNextRequestsWithAnInvalidTokenChallengeAndThenServesAgain() {
        recorder.rejectNext(2);

        Http.Response first = Http.get(recorder.url().resolve("/api/1"), "Bearer revoked");
        Http.Response second = Http.post(recorder.url().resolve("/api/2"), null, "x");
        Http.Response third = Http.get(recorder.url().resolve("/api/3"), "Bearer fresh");

        assertThat(first.status()).isEqualTo(401);
        assertThat(first.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(second.status()).isEqualTo(401);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.header("WWW-Authenticate")).isNull();
        assertThat(recorder.recorded()).containsExactly(
                "GET /api/1 authorization=" + OriginRecorder.describeAuthorization("Bearer", "revoked"),
                "POST /api/2 authorization=none",
                "GET /api/3 authorization=" + OriginRecorder.describeAuthorization("Bearer", "fresh"));
    }

    @Test
    void tlsRecorderServesHttpsWithTheTestCertificateAndRecordsTheSameWay() {
        try (OriginRecorder tls = OriginRecorder.startTls(TestTls.get())) {
            assertThat(tls.url().getScheme()).isEqualTo("https");

            assertThat(Http.get(tls.url().resolve("/secure"), "Bearer over-tls").status()).isEqualTo(200);

            assertThat(tls.recorded()).containsExactly(
                    "GET /secure authorization=" + OriginRecorder.describeAuthorization("Bearer", "over-tls"));
        }
    }

    @Test
    void redirectWithoutLocationOrWithANon3xxStatusIsABadRequest() {
        assertThat(Http.get(recorder.url().resolve("/redirect?status=302"), null).status()).isEqualTo(400);
        assertThat(Http.get(recorder.redirectUrl(200, "/x"), null).status()).isEqualTo(400);
    }

    @Test
    void resetForgetsEverythingAndReadingIsNotItselfRecorded() {
        Http.get(recorder.url().resolve("/before"), null);
        recorder.reset();
        recorder.recorded();

        assertThat(recorder.recorded()).isEmpty();
    }
}
