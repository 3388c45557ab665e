package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Configuration validation refuses a replacement containing a keyword the fallback patterns react to. */
class KeywordsAgreeTest {
    @Test
    void replacementValidationKnowsEveryFallbackKeyword() throws Exception {
        java.lang.reflect.Field words = Class.forName("dev.oauthagent.agent.config.ScrubConfigReader")
                .getDeclaredField("CREDENTIAL_WORDS");
        words.setAccessible(true);
        assertThat(words.get(null)).isEqualTo(CredentialPatterns.KEYWORDS);
    }
}
