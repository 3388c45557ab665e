package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** System.out/err replacements keep the original's charset and scrub what is printed through them. */
class StdStreamsTest {
    private static final String TOKEN = "tok_stdstreams_0123456789abcdef";
    private final Redactor redactor = Redactors.withPatterns(TOKEN);

    @Test
    void printedTokenIsScrubbedAndTextIsEncodedInTheOriginalsCharset() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream original = new PrintStream(sink, true, StandardCharsets.ISO_8859_1);
        PrintStream wrapped = StdStreams.wrap(original, redactor, StandardCharsets.ISO_8859_1);
        wrapped.println("Grüße " + TOKEN);
        wrapped.print("prompt> ");
        assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo("Grüße [REDACTED]" + System.lineSeparator()
                + "prompt> ");
    }

    @Test
    void wrappingTwiceWrapsOnce() {
        PrintStream wrapped = StdStreams.wrap(new PrintStream(new ByteArrayOutputStream()), redactor,
                StandardCharsets.UTF_8);
        assertThat(StdStreams.wrap(wrapped, redactor, StandardCharsets.UTF_8)).isSameAs(wrapped);
        assertThat(redactor.wrap(wrapped)).isSameAs(wrapped);
    }

    @Test
    void streamInACharsetThatIsNotAsciiCompatibleIsLeftAlone() {
        PrintStream utf16 = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_16);
        assertThat(StdStreams.wrap(utf16, redactor, StandardCharsets.UTF_16)).isSameAs(utf16);
    }

    @Test
    void charsetIsTheStreamsOwnOnJava18AndTheJdksPropertyBefore() {
        PrintStream latin1 = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        System.setProperty("test.scrub.stdout.encoding", "ISO-8859-1");
        try {
            assertThat(StdStreams.charsetOf(latin1, "test.scrub.unset.encoding", "test.scrub.stdout.encoding"))
                    .isEqualTo(StandardCharsets.ISO_8859_1);
        } finally {
            System.clearProperty("test.scrub.stdout.encoding");
        }
    }

    @Test
    void asciiCompatibilityOfCommonCharsets() {
        assertThat(StdStreams.isAsciiCompatible(StandardCharsets.UTF_8)).isTrue();
        assertThat(StdStreams.isAsciiCompatible(StandardCharsets.ISO_8859_1)).isTrue();
        assertThat(StdStreams.isAsciiCompatible(Charset.forName("windows-1252"))).isTrue();
        assertThat(StdStreams.isAsciiCompatible(StandardCharsets.UTF_16LE)).isFalse();
    }
}
