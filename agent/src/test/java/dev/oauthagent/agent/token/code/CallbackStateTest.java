package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CallbackStateTest {
    private final CallbackState state = CallbackState.generate(new SecureRandom());

    @Test
    void holdsAtLeast128RandomBitsInUrlSafeCharacters() {
        assertThat(state.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(CallbackState.generate(new SecureRandom()).value()).isNotEqualTo(state.value());
    }

    @Test
    void matchesOnlyItsOwnValue() {
        assertThat(state.matches(state.value())).isTrue();
        assertThat(state.matches(state.value() + "x")).isFalse();
        assertThat(state.matches(state.value().substring(1))).isFalse();
        assertThat(state.matches("")).isFalse();
        assertThat(state.matches(null)).isFalse();
        assertThat(state.toString()).doesNotContain(state.value());
    }
}
