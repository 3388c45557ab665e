package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void challengeIsTheRfc7636AppendixBTestVector() {
        Pkce pkce = Pkce.ofVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.METHOD).isEqualTo("S256");
    }

    @Test
    void verifierIs43Base64UrlCharactersFrom32RandomBytesAndNewEachTime() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Pkce pkce = Pkce.generate(random);
            assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(pkce.challenge()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(pkce.verifier());
            seen.add(pkce.verifier());
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void toStringShowsTheChallengeButNeverTheVerifier() {
        Pkce pkce = Pkce.generate(new SecureRandom());

        assertThat(pkce.toString()).contains(pkce.challenge()).doesNotContain(pkce.verifier());
    }
}
