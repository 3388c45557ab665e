package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Credentials the agent never saw, found by shape; and ordinary text that must come through untouched. */
class FallbackPatternsTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJiaWxsaW5nIiwiZXhwIjoxNzAwMDAwMDAwfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    private static final String OPAQUE = "2YotnFZFEjr1zCsicMWpAA";

    private final Redactor redactor = Redactors.withPatterns();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA | Authorization: Bearer [REDACTED]",
        "authorization: bearer 2YotnFZFEjr1zCsicMWpAA | authorization: bearer [REDACTED]",
        "Authorization: Basic YmlsbGluZzpzM2NyM3Q= | Authorization: Basic [REDACTED]",
        "Authorization: DPoP 2YotnFZFEjr1zCsicMWpAA | Authorization: DPoP [REDACTED]",
        "Authorization: Token abc | Authorization: Token [REDACTED]",
        "Authorization: Bearer x.y | Authorization: Bearer [REDACTED]",
        "`{\"Authorization\":\"Bearer 2YotnFZFEjr1zCsicMWpAA\"}` | `{\"Authorization\":\"Bearer [REDACTED]\"}`",
        "headers={Authorization=[Bearer 2YotnFZFEjr1zCsicMWpAA]} | headers={Authorization=[Bearer [REDACTED]]}",
        "Proxy-Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA | Proxy-Authorization: Bearer [REDACTED]",
        "sending Bearer 2YotnFZFEjr1zCsicMWpAA now | sending Bearer [REDACTED] now",
        "sending DPoP 2YotnFZFEjr1zCsicMWpAA now | sending DPoP [REDACTED] now",
        "header Basic YmlsbGluZzpzM2NyM3Q= sent | header Basic [REDACTED] sent",
        "GET /cb?code=1&access_token=abc123&state=x | GET /cb?code=1&access_token=[REDACTED]&state=x",
        "grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA | grant_type=refresh_token&refresh_token=[REDACTED]",
        "client_id=billing&client_secret=s3cr3t | client_id=billing&client_secret=[REDACTED]",
        "client_assertion_type=jwt-bearer&client_assertion=abc.def.ghi | client_assertion_type=jwt-bearer&client_assertion=[REDACTED]",
        "grant_type=jwt-bearer&assertion=abc.def.ghi | grant_type=jwt-bearer&assertion=[REDACTED]",
        "`{\"access_token\":\"abc\\\"q\",\"token_type\":\"Bearer\"}` | `{\"access_token\":\"[REDACTED]\",\"token_type\":\"Bearer\"}`",
        "`{\"access_token\" : \"abc\", \"expires_in\": 300}` | `{\"access_token\" : \"[REDACTED]\", \"expires_in\": 300}`",
        "`{\"id_token\": \"abc\"}` | `{\"id_token\": \"[REDACTED]\"}`",
        "`msg=\"{\\\"refresh_token\\\":\\\"abc\\\"}\"` | `msg=\"{\\\"refresh_token\\\":\\\"[REDACTED]\\\"}\"`",
        "`{'access_token': 'abc'}` | `{'access_token': '[REDACTED]'}`",
        "access_token: abc123 | access_token: [REDACTED]",
        "ACCESS_TOKEN=abc123 | ACCESS_TOKEN=[REDACTED]",
        "my_access_token=abc123 | my_access_token=[REDACTED]",
        "`{\"access_token\": null}` | `{\"access_token\": null}`",
    })
    void credentialIsReplacedAndItsKeyOrSchemeKept(String line, String expected) {
        assertThat(redactor.scrub(line)).isEqualTo(expected);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        byte[] scrubbed = redactor.scrub(bytes, 0, bytes.length);
        assertThat(scrubbed == null ? line : new String(scrubbed, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void jwtAloneIsReplacedWhole() {
        assertThat(redactor.scrub("id " + JWT + " end")).isEqualTo("id [REDACTED] end");
    }

    @Test
    void unsignedJwtWithEmptySignatureIsReplaced() {
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJiaWxsaW5nIn0.";
        assertThat(redactor.scrub("t=" + unsigned)).isEqualTo("t=[REDACTED]");
    }

    @Test
    void jweWithFiveSegmentsIsReplacedWhole() {
        String jwe = "eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe."
                + "48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ";
        assertThat(redactor.scrub("[" + jwe + "]")).isEqualTo("[[REDACTED]]");
    }

    @Test
    void alreadyRedactedLinesAreLeftAsTheyAre() {
        for (String line : new String[] {"Authorization: Bearer [REDACTED]", "access_token=[REDACTED]&x=1",
                "{\"access_token\":\"[REDACTED]\"}", "sending Bearer [REDACTED] now"}) {
            assertThat(redactor.scrub(line)).as(line).isSameAs(line);
        }
    }

    @Test
    void alreadyRedactedWithFingerprintIsLeftAsItIs() {
        Redactor r = Redactors.withFingerprints();
        String once = r.scrub("access_token=abc123xyz&x=1");
        assertThat(once).matches("access_token=\\[REDACTED:[0-9a-f]{8}\\]&x=1");
        assertThat(r.scrub(once)).isSameAs(once);
    }

    @Test
    void patternFingerprintIsTheFingerprintOfTheCredential() {
        Redactor r = Redactors.withFingerprints();
        assertThat(r.scrub("Bearer " + OPAQUE))
                .isEqualTo("Bearer [REDACTED:" + dev.oauthagent.agent.token.Fingerprint.of(OPAQUE) + "]");
    }

    @Test
    void patternsOffLeavesShapesAlone() {
        Redactor r = Redactors.exact("known-secret-value");
        String line = "Authorization: Bearer " + OPAQUE + " " + JWT;
        assertThat(r.scrub(line)).isSameAs(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "request 123e4567-e89b-12d3-a456-426614174000 took 12 ms",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 (HEAD -> main)",
        "sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "payload base64 SGVsbG8sIHdvcmxkISBUaGlzIGlzIG5vdCBhIHNlY3JldC4=",
        "\tat com.foo.Bar.baz(Bar.java:12)",
        "\tat dev.oauthagent.agent.token.cache.TokenCache.runAttempt(TokenCache.java:301)",
        "Caused by: java.lang.IllegalStateException: access denied for user 42",
        "a JWT starts with eyJ because that is {\" in base64",
        "eyJhbGciOiJIUzI1NiJ9 is the header only",
        "the header eyJhbGciOiJIUzI1NiJ9.short is not a token",
        "the bearer of this letter is a friend",
        "Bearer authentication failed: token expired",
        "use Bearer tokens, not Basic authentication",
        "Basic configuration loaded",
        "Authorization failed for client billing",
        "authorization: required for /api",
        "https://shop.example.com/search?q=shoes&page=2&sort=price",
        "https://api.example.com/v1/orders?token_type=bearer&expires_in=300",
        "access_token_type=jwt expires_in=300",
        "AssertionError: expected:<1> but was:<2>",
        "client_secret_basic is the default client-auth",
        "{\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"billing.read\"}",
        "refresh_token rotation enabled",
        "",
    })
    void ordinaryTextComesThroughUnchanged(String line) {
        assertThat(redactor.scrub(line)).isSameAs(line);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(redactor.scrub(bytes, 0, bytes.length)).isNull();
    }

    @Test
    void credentialIsAbsentFromEveryResult() {
        String line = "Authorization: Bearer " + OPAQUE + " body={\"access_token\":\"" + JWT + "\"}";
        String scrubbed = redactor.scrub(line);
        assertThat(scrubbed).doesNotContain(OPAQUE).doesNotContain(JWT).doesNotContain(JWT.substring(0, 20));
    }
}
