package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.token.MalformedTokenResponseException;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {
    @Test
    void readsIssuerAudienceArrayScopeAndTimesFromThePayload() throws MalformedTokenResponseException {
        JwtClaims claims = JwtClaims.of(UnsignedJwt.withClaims("{\"iss\":\"https://as.example\",\"aud\":[\"api\","
                + "\"other\"],\"scope\":\"read  write\",\"exp\":1800000300,\"iat\":1800000000.5,\"sub\":{\"x\":1}}"));

        assertThat(claims.issuer()).isEqualTo("https://as.example");
        assertThat(claims.audience()).containsExactly("api", "other");
        assertThat(claims.scopes()).containsExactly("read", "write");
        assertThat(claims.expiresAt()).isEqualTo(1800000300L);
        assertThat(claims.issuedAt()).isEqualTo(1800000000L);
        assertThat(claims.notBefore()).isNull();
    }

    @Test
    void aSingleAudienceStringAndAnScpArrayReadAsLists() throws MalformedTokenResponseException {
        JwtClaims claims = JwtClaims.of(UnsignedJwt.withClaims("{\"aud\":\"api\",\"scp\":[\"read\",\"write\"]}"));

        assertThat(claims.audience()).containsExactly("api");
        assertThat(claims.scopes()).containsExactly("read", "write");
    }

    @Test
    void aScopeArrayAsSpringAuthorizationServerWritesItIsReadToo() throws MalformedTokenResponseException {
        JwtClaims claims = JwtClaims.of(UnsignedJwt.withClaims("{\"scope\":[\"read\",\"write\"],\"scp\":\"x\"}"));

        assertThat(claims.scopes()).containsExactly("read", "write");
    }

    @Test
    void aClaimOfTheWrongTypeIsNamedWithoutItsValue() {
        assertThatThrownBy(() -> JwtClaims.of(UnsignedJwt.withClaims("{\"exp\":\"tomorrow-value\"}")))
                .isInstanceOf(MalformedTokenResponseException.class)
                .hasMessageContaining("'exp'").hasMessageContaining("NumericDate")
                .hasMessageNotContaining("tomorrow-value");
        assertThatThrownBy(() -> JwtClaims.of(UnsignedJwt.withClaims("{\"aud\":[\"api\",7]}")))
                .hasMessageContaining("'aud' holds a JSON number");
    }

    @Test
    void tellsJwsFromJweFromOpaque() {
        String header = UnsignedJwt.part("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}");

        assertThat(JwtClaims.formOf(UnsignedJwt.withClaims("{}"))).isEqualTo(JwtClaims.Form.JWT);
        assertThat(JwtClaims.formOf(header + ".a.b.c.d")).isEqualTo(JwtClaims.Form.ENCRYPTED);
        assertThat(JwtClaims.formOf("2YotnFZFEjr1zCsicMWpAA")).isEqualTo(JwtClaims.Form.OPAQUE);
        assertThat(JwtClaims.formOf("abc.def.ghi")).isEqualTo(JwtClaims.Form.OPAQUE);
        assertThat(JwtClaims.formOf("not base64!.x.y")).isEqualTo(JwtClaims.Form.OPAQUE);
    }
}
