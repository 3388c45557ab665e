package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenSyntaxTest {
    @Test
    void acceptsEveryB64TokenCharacterAndTrailingPadding() {
        assertThat(BearerTokenSyntax.problem("AZaz09-._~+/")).isNull();
        assertThat(BearerTokenSyntax.problem("eyJhbGciOiJIUzI1NiJ9.e30.sig==")).isNull();
    }

    @Test
    void namesTheKindOfBadCharacterWithoutQuotingTheToken() {
        assertThat(BearerTokenSyntax.problem("abc\r\nX-Injected: 1")).isEqualTo("it contains a line break (CR or LF)");
        assertThat(BearerTokenSyntax.problem("abc def")).isEqualTo("it contains whitespace");
        assertThat(BearerTokenSyntax.problem("abc\u0000")).isEqualTo("it contains a control character");
        assertThat(BearerTokenSyntax.problem("abcé")).isEqualTo("it contains a non-ASCII character");
        assertThat(BearerTokenSyntax.problem("abc\"")).isEqualTo("it contains the character '\"'");
    }

    @Test
    void refusesPaddingThatIsNotAtTheEnd() {
        assertThat(BearerTokenSyntax.problem("=abc")).isEqualTo("it starts with '='");
        assertThat(BearerTokenSyntax.problem("ab=c")).isEqualTo("'=' appears before its end");
    }
}
