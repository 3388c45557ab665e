package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenResponseParserTest {
    private final TokenResponseParser parser = new TokenResponseParser();

    private TokenResponse parse(String json) throws MalformedTokenResponseException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAllKnownFieldsAndIgnoresUnknownOnesOfAnyShape() throws Exception {
        TokenResponse r = parse("{\"x\":{\"a\":[1,{\"b\":null}]},\"access_token\":\"abc\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"scope\":\"a b\",\"refresh_token\":\"r\",\"y\":[true,false],"
                + "\"error_description\":\"d\",\"error_uri\":\"u\"}");

        assertThat(r.accessToken()).isEqualTo("abc");
        assertThat(r.tokenType()).isEqualTo("Bearer");
        assertThat(r.expiresIn()).isEqualByComparingTo("3600");
        assertThat(r.scope()).isEqualTo("a b");
        assertThat(r.errorDescription()).isEqualTo("d");
        assertThat(r.errorUri()).isEqualTo("u");
        assertThat(r.error()).isNull();
    }

    @Test
    void jsonNullCountsAsAbsent() throws Exception {
        TokenResponse r = parse("{\"access_token\":\"abc\",\"expires_in\":null,\"scope\":null}");

        assertThat(r.expiresIn()).isNull();
        assertThat(r.scope()).isNull();
    }

    @Test
    void keepsFractionalAndHugeExpiresInForTheValidatorToJudge() throws Exception {
        assertThat(parse("{\"expires_in\":3600.5}").expiresIn()).isEqualByComparingTo(new BigDecimal("3600.5"));
        assertThat(parse("{\"expires_in\":1000000000000}").expiresIn()).isEqualByComparingTo("1000000000000");
    }

    @Test
    void refusesQuotedExpiresIn() {
        assertThatThrownBy(() -> parse("{\"expires_in\":\"3600\"}"))
                .hasMessage("the field 'expires_in' is a JSON string; RFC 6749 §5.1 requires a JSON number of seconds");
    }

    @Test
    void refusesANonStringAccessToken() {
        assertThatThrownBy(() -> parse("{\"access_token\":{\"v\":1}}"))
                .hasMessage("the field 'access_token' is a JSON object; RFC 6749 requires a string");
    }

    @Test
    void refusesAKnownFieldThatAppearsTwice() {
        assertThatThrownBy(() -> parse("{\"access_token\":\"a\",\"access_token\":\"b\"}"))
                .hasMessage("the body has the field 'access_token' more than once");
    }

    @Test
    void refusesAnUnknownFieldThatAppearsTwiceWithoutEchoingItsName() {
        assertThatThrownBy(() -> parse("{\"zz-secret\":1,\"zz-secret\":2}"))
                .hasMessage("the body has the field more than once");
    }

    @Test
    void refusesAnArrayAStringAndAnEmptyBody() {
        assertThatThrownBy(() -> parse("[{\"access_token\":\"a\"}]")).hasMessage("the body is a JSON array, not a JSON object");
        assertThatThrownBy(() -> parse("\"token\"")).hasMessage("the body is a JSON string, not a JSON object");
        assertThatThrownBy(() -> parse("  ")).hasMessage("the body is empty");
    }

    @Test
    void malformedJsonMessageGivesThePositionButNeverTheInput() {
        assertThatThrownBy(() -> parse("{\"access_token\": eyJhbGciOiJIUzI1NiJ9.leaked}"))
                .isInstanceOf(MalformedTokenResponseException.class)
                .hasMessageStartingWith("the body is not valid JSON (line 1, column")
                .hasMessageNotContaining("eyJ");
    }

    @Test
    void refusesContentAfterTheObject() {
        assertThatThrownBy(() -> parse("{\"access_token\":\"a\"} {}"))
                .hasMessage("the body has more content after the JSON object");
    }

    @Test
    void refusesNestingDeeperThanTheLimitInUnknownFields() {
        String deep = "[".repeat(100) + "]".repeat(100);

        assertThatThrownBy(() -> parse("{\"x\":" + deep + ",\"access_token\":\"a\"}"))
                .hasMessageStartingWith("the body is not valid JSON");
    }
}
