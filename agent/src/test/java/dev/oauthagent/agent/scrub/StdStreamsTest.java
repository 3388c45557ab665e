package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** System.out/err replacements keep the original's charset and scrub what is printed through them. */
class StdStreamsTest {
    private static final String TOKEN = "tok_stdstreams_0123456789abcdef";
    private final Redactor redactor = Redactors.withPatterns(TOKEN);
    private final TerminalStreams terminals = new TerminalStreams(redactor, new ManualHeldTextTimer());

    @Test
    void printedTokenIsScrubbedAndTextIsEncodedInTheOriginalsCharset() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream original = new PrintStream(sink, true, StandardCharsets.ISO_8859_1);
        PrintStream wrapped = StdStreams.wrap(original, StandardCharsets.ISO_8859_1, terminals);
        wrapped.println("Grüße " + TOKEN);
        wrapped.print("prompt> ");
        assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo("Grüße [REDACTED]" + System.lineSeparator()
                + "prompt> ");
    }

    @Test
    void wrappingTwiceWrapsOnce() {
        PrintStream wrapped = StdStreams.wrap(new PrintStream(new ByteArrayOutputStream()),
                StandardCharsets.UTF_8, terminals);
        assertThat(StdStreams.wrap(wrapped, StandardCharsets.UTF_8, terminals)).isSameAs(wrapped);
        assertThat(redactor.wrap(wrapped)).isSameAs(wrapped);
    }

    @Test
    void streamInACharsetThatIsNotAsciiCompatibleIsLeftAlone() {
        PrintStream utf16 = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_16);
        assertThat(StdStreams.wrap(utf16, StandardCharsets.UTF_16, terminals)).isSameAs(utf16);
    }

    @Test
    void charsetIsTheOneTheStreamEncodesInWhateverTheEncodingPropertiesSay() {
        StdStreams.openPrintStreamInternals(ByteBuddyAgent.install()); // as premain does, for Java 9 to 17
        PrintStream latin1 = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        System.setProperty("test.scrub.legacy.encoding", "UTF-8");
        try {
            assertThat(StdStreams.charsetOf(latin1, "test.scrub.legacy.encoding")).isEqualTo(StandardCharsets.ISO_8859_1);
        } finally {
            System.clearProperty("test.scrub.legacy.encoding");
        }
    }

    @Test
    void withoutThePrintStreamsOwnAnswerTheLegacyPropertyOrElseTheDefaultCharsetDecides() {
        // A stream that is not a JDK PrintStream's own (no charset() before Java 18, no readable writer): only
        // the rule of Java 8 to 17 applies, which never looked at stdout.encoding.
        System.setProperty("test.scrub.legacy.encoding", "ISO-8859-1");
        try {
            assertThat(StdStreams.legacyCharset("test.scrub.legacy.encoding")).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(StdStreams.legacyCharset("test.scrub.unset.encoding")).isEqualTo(Charset.defaultCharset());
            System.setProperty("test.scrub.legacy.encoding", "no-such-charset");
            assertThat(StdStreams.legacyCharset("test.scrub.legacy.encoding")).isEqualTo(Charset.defaultCharset());
        } finally {
            System.clearProperty("test.scrub.legacy.encoding");
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
