package dev.oauthagent.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class FailureCodeTest {
    @Test
    void theServersCodeWhenItIsAPlainCode() {
        assertThat(FailureCode.of(failure(Kind.TERMINAL, "invalid_client", 401))).isEqualTo("invalid_client");
        assertThat(FailureCode.of(failure(Kind.TRANSIENT, "temporarily_unavailable", 503)))
                .isEqualTo("temporarily_unavailable");
    }

    @Test
    void aCodeOfAnyOtherShapeIsOtherSoNoServerTextReachesAMetric() {
        assertThat(FailureCode.of(failure(Kind.TRANSIENT, "Bearer eyJhbGciOi.secret", 400))).isEqualTo("other");
        assertThat(FailureCode.of(failure(Kind.TRANSIENT, "x".repeat(41), 400))).isEqualTo("other");
    }

    @Test
    void withoutACodeTheStatusOrWhatHappened() {
        assertThat(FailureCode.of(failure(Kind.TRANSIENT, null, 502))).isEqualTo("http_502");
        assertThat(FailureCode.of(new TokenFetchException("x", Kind.LOGIN_NEEDED, null, -1, -1, null)))
                .isEqualTo("login_needed");
        assertThat(FailureCode.of(TokenFetchException.transientFailure("refused", new IOException("refused"))))
                .isEqualTo("io_error");
        assertThat(FailureCode.of(TokenFetchException.transientFailure("malformed", null))).isEqualTo("other");
    }

    @Test
    void credentialRefusalsAreInvalidClientAndA401WithoutCode() {
        assertThat(FailureCode.isCredentialRefusal("invalid_client")).isTrue();
        assertThat(FailureCode.isCredentialRefusal("http_401")).isTrue();
        assertThat(FailureCode.isCredentialRefusal("invalid_scope")).isFalse();
        assertThat(FailureCode.isCredentialRefusal("http_503")).isFalse();
    }

    private static TokenFetchException failure(Kind kind, String code, int status) {
        return new TokenFetchException("oauth-agent: client 'billing': failed", kind, code, status, -1, null);
    }
}
