package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenResponseParserTest {
    private static final String ACCESS = "access-7Hq2Lm9Xv4Rt8Wz1";
    private static final String REFRESH = "refresh-Qm3Vx8Tz5Kp2Ln7Wd4";
    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.aWQtc2lnbmF0dXJl";

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
    void keepsTheRefreshTokenAndIdTokenAServerReturnsWithAClientCredentialsToken() throws Exception {
        TokenResponse r = parse("{\"access_token\":\"abc\",\"refresh_token\":\"" + REFRESH + "\",\"id_token\":\""
                + ID_TOKEN + "\"}");

        assertThat(r.refreshToken()).isEqualTo(REFRESH);
        assertThat(r.idToken()).isEqualTo(ID_TOKEN);
    }

    @Test
    void refreshTokenAndIdTokenAreNullWhenAbsentOrJsonNull() throws Exception {
        TokenResponse absent = parse("{\"access_token\":\"abc\"}");
        TokenResponse jsonNull = parse("{\"access_token\":\"abc\",\"refresh_token\":null,\"id_token\":null}");

        assertThat(absent.refreshToken()).isNull();
        assertThat(absent.idToken()).isNull();
        assertThat(jsonNull.refreshToken()).isNull();
        assertThat(jsonNull.idToken()).isNull();
    }

    @Test
    void refusesANonStringRefreshTokenWithoutEchoingIt() {
        assertThatThrownBy(() -> parse("{\"refresh_token\":[\"" + REFRESH + "\"]}"))
                .hasMessage("the field 'refresh_token' is a JSON array; RFC 6749 requires a string");
    }

    @Test
    void refusesANonStringIdTokenWithoutEchoingIt() {
        assertThatThrownBy(() -> parse("{\"id_token\":{\"jwt\":\"" + ID_TOKEN + "\"}}"))
                .hasMessage("the field 'id_token' is a JSON object; OpenID Connect requires a string (a JWT)");
        assertThatThrownBy(() -> parse("{\"id_token\":12345678}"))
                .hasMessage("the field 'id_token' is a JSON number; OpenID Connect requires a string (a JWT)");
    }

    @Test
    void refusesARefreshTokenOrIdTokenThatAppearsTwiceWithoutEchoingEither() {
        assertThatThrownBy(() -> parse("{\"refresh_token\":\"" + REFRESH + "\",\"refresh_token\":\"" + REFRESH
                + "-2\"}"))
                .hasMessage("the body has the field 'refresh_token' more than once");
        assertThatThrownBy(() -> parse("{\"id_token\":\"" + ID_TOKEN + "\",\"id_token\":null}"))
                .hasMessage("the body has the field 'id_token' more than once");
    }

    @Test
    void toStringSaysWhetherCredentialsArePresentButNeverShowsThem() throws Exception {
        TokenResponse r = parse("{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH
                + "\",\"id_token\":\"" + ID_TOKEN + "\"}");

        assertThat(r.toString())
                .contains("refreshToken=present", "idToken=present")
                .doesNotContain(ACCESS).doesNotContain(REFRESH).doesNotContain(ID_TOKEN)
                .doesNotContain(REFRESH.substring(0, 8)).doesNotContain(ID_TOKEN.substring(0, 8));
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
