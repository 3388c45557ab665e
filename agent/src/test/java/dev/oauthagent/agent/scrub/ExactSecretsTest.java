package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Exact matching of live secrets in every form a program writes them. */
class ExactSecretsTest {
    private static final String TOKEN = "tok_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";
    /** Has every character the encodings treat specially. */
    private static final String SECRET = "s3cr+t/w1th=sp ce&\"q\\";

    private final Redactor redactor = Redactors.exact(TOKEN, SECRET);

    @Test
    void cleanLineComesBackAsTheSameInstance() {
        String line = "2026-11-29 10:00:00 INFO  c.f.Billing - charged customer 42 for 19.99 EUR";
        assertThat(redactor.scrub(line)).isSameAs(line);
    }

    @Test
    void cleanBytesComeBackAsNull() {
        byte[] line = "GET /api/v1/invoices?page=2 200 12ms\n".getBytes(StandardCharsets.UTF_8);
        assertThat(redactor.scrub(line, 0, line.length)).isNull();
    }

    @Test
    void everyReplacementIsCountedOnceAndCleanLinesCountNothing() throws Exception {
        redactor.scrub("nothing to see");
        redactor.scrub("a " + TOKEN + " and " + TOKEN);
        byte[] bytes = ("b " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8);
        redactor.scrub(bytes, 0, bytes.length);
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        redactor.scrubTo(bytes, bytes.length, true, sink);

        assertThat(redactor.redactions()).isEqualTo(4);
    }

    @Test
    void rawTokenIsReplacedAndTheRestKept() {
        assertThat(redactor.scrub("token=" + TOKEN + " for billing")).isEqualTo("token=[REDACTED] for billing");
    }

    @Test
    void tokenInBytesIsReplacedWithinTheGivenRangeOnly() {
        byte[] all = ("xx" + "sent " + TOKEN + "\n" + "yy").getBytes(StandardCharsets.UTF_8);
        byte[] scrubbed = redactor.scrub(all, 2, all.length - 4);
        assertThat(new String(scrubbed, StandardCharsets.UTF_8)).isEqualTo("sent [REDACTED]\n");
    }

    @Test
    void everyEncodedFormOfTheSecretIsReplaced() {
        for (String form : SecretForms.of(SECRET)) {
            String scrubbed = redactor.scrub("value <" + form + "> end");
            assertThat(scrubbed).as("form %s", form).isEqualTo("value <[REDACTED]> end");
        }
    }

    @Test
    void formsIncludePercentJsonAndUnicodeEscapesInBothHexCases() {
        assertThat(SecretForms.of(SECRET)).contains(
                "s3cr%2Bt%2Fw1th%3Dsp%20ce%26%22q%5C",
                "s3cr%2bt%2fw1th%3dsp%20ce%26%22q%5c",
                "s3cr%2Bt%2Fw1th%3Dsp+ce%26%22q%5C",
                "s3cr+t/w1th=sp ce&\\\"q\\\\",
                "s3cr+t\\/w1th=sp ce&\\\"q\\\\",
                "s3cr\\u002bt\\u002fw1th\\u003dsp ce\\u0026\\\"q\\\\",
                "s3cr\\u002Bt\\u002Fw1th\\u003Dsp ce\\u0026\\\"q\\\\");
    }

    @Test
    void formsIncludeTheXmlEscapedOne() {
        assertThat(SecretForms.of(SECRET)).contains("s3cr+t/w1th=sp ce&amp;&quot;q\\");
    }

    @Test
    void formsIncludeGsonsHtmlSafeEscapesWhichKeepPlusAndSlash() {
        assertThat(SecretForms.of(SECRET)).contains(
                "s3cr+t/w1th\\u003dsp ce\\u0026\\\"q\\\\",
                "s3cr+t/w1th\\u003Dsp ce\\u0026\\\"q\\\\");
    }

    @Test
    void basicHeaderValueOfClientIdAndSecretIsReplaced() {
        String basic = Base64.getEncoder().encodeToString("billing:s3cr3t-value-1".getBytes(StandardCharsets.UTF_8));
        Redactor r = Redactors.exact(SecretForms.basicCredentials("billing", "s3cr3t-value-1").toArray(new String[0]));
        assertThat(r.scrub("Authorization: Basic " + basic)).isEqualTo("Authorization: Basic [REDACTED]");
    }

    @Test
    void truncatedPrefixOfSixteenCharactersIsReplaced() {
        String prefix = TOKEN.substring(0, 16);
        assertThat(redactor.scrub("cut: " + prefix + "|")).isEqualTo("cut: [REDACTED]|");
    }

    @Test
    void prefixShorterThanSixteenCharactersIsLeftAlone() {
        String prefix = TOKEN.substring(0, 15);
        String line = "cut: " + prefix + "|";
        assertThat(redactor.scrub(line)).isSameAs(line);
    }

    @Test
    void adjacentSecretsAreBothReplaced() {
        assertThat(redactor.scrub(TOKEN + SECRET)).isEqualTo("[REDACTED][REDACTED]");
    }

    @Test
    void overlappingSecretsAreReplacedAsOneRange() {
        String a = "abcdefgh12345678";
        String b = "12345678ABCDEFGH";
        Redactor r = Redactors.exact(a, b);
        assertThat(r.scrub("<abcdefgh12345678ABCDEFGH>")).isEqualTo("<[REDACTED]>");
    }

    @Test
    void secretThatIsAPrefixOfAnotherIsReplacedWithTheLongerOne() {
        Redactor r = Redactors.exact("short-secret", "short-secret-and-longer");
        assertThat(r.scrub("a short-secret-and-longer b short-secret c"))
                .isEqualTo("a [REDACTED] b [REDACTED] c");
    }

    @Test
    void secretThatIsASuffixOfAnotherIsReplacedInside() {
        Redactor r = Redactors.exact("xx-my-password-1", "password-1");
        assertThat(r.scrub("[password-1] [xx-my-password-1]")).isEqualTo("[[REDACTED]] [[REDACTED]]");
    }

    @Test
    void repeatedSecretIsReplacedEveryTime() {
        assertThat(redactor.scrub(TOKEN + " " + TOKEN + " " + TOKEN)).isEqualTo("[REDACTED] [REDACTED] [REDACTED]");
    }

    @Test
    void valuesShorterThanTheMinimumAreNotScrubbed() {
        Redactor r = Redactors.exact("abc");
        String line = "abc abc";
        assertThat(r.scrub(line)).isSameAs(line);
    }

    @Test
    void nonAsciiTextAroundASecretIsKeptInStringsAndUtf8Bytes() {
        String line = "Grüße " + TOKEN + " 東京";
        assertThat(redactor.scrub(line)).isEqualTo("Grüße [REDACTED] 東京");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(redactor.scrub(bytes, 0, bytes.length), StandardCharsets.UTF_8))
                .isEqualTo("Grüße [REDACTED] 東京");
    }

    @Test
    void fingerprintOfTheSecretIsShownWhenAskedFor() {
        Redactor r = Redactors.withFingerprints(TOKEN);
        String fingerprint = dev.oauthagent.agent.token.Fingerprint.of(TOKEN);
        assertThat(r.scrub("t " + TOKEN)).isEqualTo("t [REDACTED:" + fingerprint + "]");
    }

    @Test
    void toStringOfTheRedactorNamesNoSecret() {
        assertThat(redactor.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain(TOKEN.substring(0, 16));
    }
}
