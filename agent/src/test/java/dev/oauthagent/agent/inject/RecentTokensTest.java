package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.AccessToken;

import org.junit.jupiter.api.Test;

class RecentTokensTest {
    private static AccessToken token(int n) {
        return new AccessToken("token-" + n, "Bearer", 60, null);
    }

    @Test
    void findsTheLastFourTokensByHeaderValueAndForgetsOlderOnes() {
        RecentTokens recent = new RecentTokens();
        AccessToken[] tokens = {token(1), token(2), token(3), token(4), token(5)};
        for (AccessToken t : tokens) {
            recent.record(t);
            recent.record(t);
        }

        assertThat(recent.find("Bearer token-1")).isNull();
        for (int i = 1; i < 5; i++) {
            assertThat(recent.find("Bearer token-" + (i + 1))).isSameAs(tokens[i]);
        }
    }

    @Test
    void recordingAnOlderTokenAgainDoesNotEvictAnother() {
        RecentTokens recent = new RecentTokens();
        AccessToken a = token(1);
        AccessToken b = token(2);
        recent.record(a);
        recent.record(b);
        for (int i = 0; i < 10; i++) {
            recent.record(a);
            recent.record(b);
        }
        recent.record(token(3));
        recent.record(token(4));

        assertThat(recent.find("Bearer token-1")).isSameAs(a);
    }

    @Test
    void nullAndForeignValuesAreNotFound() {
        RecentTokens recent = new RecentTokens();
        recent.record(token(1));

        assertThat(recent.find(null)).isNull();
        assertThat(recent.find("token-1")).isNull();
        assertThat(recent.find("Bearer token-10")).isNull();
    }
}
