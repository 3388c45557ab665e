package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerChallengeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer error=\"invalid_token\"",
        "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"",
        "bearer ERROR=\"invalid_token\"",
        "Bearer error=invalid_token",
        "Bearer error = \"invalid_token\"",
        "Basic realm=\"x\", Bearer error=\"invalid_token\"",
        "Bearer realm=\"a, b\", error=\"invalid_token\"",
        "Bearer error_description=\"error=\\\"x\\\"\", error=\"invalid_token\"",
    })
    void invalidTokenInABearerChallenge(String header) {
        assertThat(BearerChallenge.saysInvalidToken(header)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "Bearer",
        "Bearer realm=\"api\"",
        "Bearer error=\"insufficient_scope\"",
        "Bearer error=\"invalid_request\"",
        "Bearer error=\"INVALID_TOKEN\"",
        "Basic error=\"invalid_token\"",
        "Bearer error=\"invalid_token_x\"",
        "Bearer error_description=\"invalid_token\"",
        "Bearer realm=\"error=invalid_token\"",
        "DPoP error=\"invalid_token\"",
        "Bearer error=\"invalid_token",
        "\"\"\"===,,,",
    })
    void anythingElse(String header) {
        assertThat(BearerChallenge.saysInvalidToken(header)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer error=\"invalid_token\"\u0000", "Bearer error=\u00e9\"invalid_token\""})
    void oddBytesDoNotThrow(String header) {
        BearerChallenge.saysInvalidToken(header);
    }
}
