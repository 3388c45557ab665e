package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The oauth.agent.scrub.* keys: defaults, references, and messages that say what to fix without the value. */
class ScrubConfigTest {
    @Test
    void defaultsScrubWithPatternsAndThePlainMarker() throws ConfigException {
        ScrubConfig scrub = ConfigInput.withValidClient("billing").load().config().scrub();
        assertThat(scrub.enabled()).isTrue();
        assertThat(scrub.patterns()).isTrue();
        assertThat(scrub.values()).isEmpty();
        assertThat(scrub.replacement()).isEqualTo("[REDACTED]");
        assertThat(scrub.fingerprint()).isFalse();
    }

    @Test
    void everyKeyCanBeSetFromTheEnvironment() throws ConfigException {
        ScrubConfig scrub = ConfigInput.withValidClient("billing")
                .env("OAUTH_AGENT_SCRUB_ENABLED", "false").env("OAUTH_AGENT_SCRUB_PATTERNS", "false")
                .env("OAUTH_AGENT_SCRUB_REPLACEMENT", "<hidden>").env("OAUTH_AGENT_SCRUB_FINGERPRINT", "true")
                .env("OAUTH_AGENT_SCRUB_VALUES", "app-key-1234567")
                .load().config().scrub();
        assertThat(scrub.enabled()).isFalse();
        assertThat(scrub.patterns()).isFalse();
        assertThat(scrub.replacement()).isEqualTo("<hidden>");
        assertThat(scrub.fingerprint()).isTrue();
        assertThat(scrub.values()).extracting(Secret::reveal).containsExactly("app-key-1234567");
    }

    @Test
    void valuesResolveEnvAndFileReferencesAndLiterals() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("scrub", ".txt");
        java.nio.file.Files.write(file, "db-password-from-file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            ScrubConfig scrub = ConfigInput.withValidClient("billing").env("PAY_KEY", "pay-key-from-env")
                    .sys("scrub.values", "${env:PAY_KEY}, literal-value-1 ,${file:" + file + "}")
                    .load().config().scrub();
            assertThat(scrub.values()).extracting(Secret::reveal)
                    .containsExactly("pay-key-from-env", "literal-value-1", "db-password-from-file");
            assertThat(scrub.values().get(0).origin()).isEqualTo("env var PAY_KEY");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void emptyEntryInValuesIsAnErrorNamingItsPosition() {
        String message = ConfigInput.withValidClient("billing").sys("scrub.values", "first-value-1,,third-value-3")
                .messageOf("scrub.values");
        assertThat(message).contains("entry 2 is empty").contains("remove the extra comma")
                .doesNotContain("first-value-1").doesNotContain("third-value-3");
    }

    @Test
    void unsetEnvReferenceInValuesNamesTheVariable() {
        String message = ConfigInput.withValidClient("billing").sys("scrub.values", "${env:NOT_THERE}")
                .messageOf("scrub.values");
        assertThat(message).contains("entry 1").contains("NOT_THERE").contains("not set");
    }

    @Test
    void valuesAreMaskedInTheEffectiveConfiguration() throws ConfigException {
        LoadedConfig loaded = ConfigInput.withValidClient("billing").sys("scrub.values", "app-key-1234567").load();
        assertThat(loaded.effective().toString()).doesNotContain("app-key-1234567");
    }

    @Test
    void emptyReplacementIsAnError() {
        assertThat(ConfigInput.withValidClient("billing").sys("scrub.replacement", "").messageOf("scrub.replacement"))
                .contains("is empty").contains("remove the key for the default [REDACTED]");
    }

    @Test
    void replacementThatLooksLikeACredentialIsAnErrorThatDoesNotRepeatIt() {
        String message = ConfigInput.withValidClient("billing").sys("scrub.replacement", "Bearer xyz")
                .messageOf("scrub.replacement");
        assertThat(message).contains("'bearer'").doesNotContain("Bearer xyz");
        assertThat(ConfigInput.withValidClient("billing").sys("scrub.replacement", "AKIAIOSFODNN7EXAMPLE")
                .messageOf("scrub.replacement")).contains("16 or more letters and digits");
    }

    @Test
    void nonAsciiReplacementIsAnError() {
        assertThat(ConfigInput.withValidClient("billing").sys("scrub.replacement", "[geschwärzt]")
                .messageOf("scrub.replacement")).contains("printable ASCII");
    }

    @Test
    void invalidBooleanNamesTheKeyAndSource() {
        assertThat(ConfigInput.withValidClient("billing").sys("scrub.patterns", "maybe").messageOf("scrub.patterns"))
                .contains("system propert");
    }
}
