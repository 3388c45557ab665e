package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The forms of a live secret that exact matching does not recognise, as docs/scrubbing.md lists them ("Not
 * recognised by exact matching"). A failure here means the redactor learnt a form: move it to the list of
 * recognised forms in docs/scrubbing.md and drop it from this test.
 */
class FormsNotRecognisedTest {
    /** Token-like, with characters the encodings change ({@code + / =}), 40 characters. */
    private static final String TOKEN = "Tok+9F8e7D6c/5B4a3F2e1D0c9B8a7F6e5D4c3B==";

    private final Redactor redactor = Redactors.exact(TOKEN);

    @Test
    void wholeTokenAndItsLongPrefixAreRecognised() {
        assertThat(redactor.scrub("a " + TOKEN + " b")).isEqualTo("a [REDACTED] b");
        assertThat(redactor.scrub("a " + TOKEN.substring(0, 16) + " b")).isEqualTo("a [REDACTED] b");
    }

    @Test
    void base64AndBase64urlOfTheTokenAreNotRecognised() {
        byte[] bytes = TOKEN.getBytes(StandardCharsets.UTF_8);
        assertLeftAlone(Base64.getEncoder().encodeToString(bytes));
        assertLeftAlone(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Test
    void doublePercentEncodingIsNotRecognised() {
        String once = SecretForms.percentEncoded(TOKEN, "0123456789ABCDEF".toCharArray(), false);
        assertLeftAlone(once.replace("%", "%25"));
    }

    @Test
    void caseChangesAreNotRecognised() {
        assertLeftAlone(TOKEN.toUpperCase(Locale.ROOT));
        assertLeftAlone(TOKEN.toLowerCase(Locale.ROOT));
    }

    @Test
    void fragmentsOtherThanALeadingPrefixOfSixteenAreNotRecognised() {
        assertLeftAlone(TOKEN.substring(0, 15));
        assertLeftAlone(TOKEN.substring(1));
        assertLeftAlone(TOKEN.substring(10, 35));
    }

    @Test
    void aTokenBrokenByANewlineOrInsertedCharactersIsNotRecognisedWhole() {
        String cut = TOKEN.substring(0, 12) + "\n" + TOKEN.substring(12);
        assertLeftAlone(cut);
        assertLeftAlone(TOKEN.substring(0, 12) + " " + TOKEN.substring(12));
    }

    private void assertLeftAlone(String form) {
        String line = "value <" + form + "> end";
        assertThat(redactor.scrub(line)).as("exact matching of %s", form).isSameAs(line);
    }
}
