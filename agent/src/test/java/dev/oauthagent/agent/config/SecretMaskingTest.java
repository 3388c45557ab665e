package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret never appears in an error message, toString or the effective-configuration table. */
class SecretMaskingTest {
    private static final String LITERAL = "literal-S3cret-4711";
    private static final String FROM_ENV = "env-S3cret-0815";
    private static final String FROM_FILE = "file-S3cret-1234";
    private static final String PASSWORD = "truststore-Pa55word";

    @TempDir
    Path dir;

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(LITERAL, FROM_ENV, FROM_FILE, PASSWORD, ConfigInput.SECRET);
    }

    private static void assertNoSecretIn(ConfigException e) {
        assertNoSecretIn(e.getMessage());
        assertNoSecretIn(e.toString());
        assertNoSecretIn(e.problems().toString());
        assertNoSecretIn(e.effective().render());
        assertNoSecretIn(e.effective().entries().toString());
    }

    private static void assertNoSecretIn(LoadedConfig loaded) {
        assertNoSecretIn(loaded.toString());
        assertNoSecretIn(loaded.config().toString());
        assertNoSecretIn(loaded.effective().render());
        assertNoSecretIn(loaded.effective().toString());
        for (ClientConfig c : loaded.config().clients()) {
            assertNoSecretIn(c.toString());
            assertNoSecretIn(String.valueOf(c.clientSecret()));
        }
    }

    @Test
    void literalEnvAndFileSecretsAreMaskedWithTheirOriginInRenderAndToString() throws Exception {
        Path secretFile = Files.write(dir.resolve("secret"), (FROM_FILE + "\n").getBytes(StandardCharsets.UTF_8));
        Path store = Files.write(dir.resolve("trust.p12"), new byte[] {1});
        LoadedConfig loaded = ConfigInput.withValidClient("a").validClient("b").validClient("c")
                .sys("clients.a.client-secret", LITERAL)
                .sys("clients.b.client-secret", "${env:B_SECRET}").env("B_SECRET", FROM_ENV)
                .sys("clients.c.client-secret", "${file:" + secretFile + "}")
                .sys("clients.c.truststore", store.toString())
                .env("OAUTH_AGENT_CLIENTS_C_TRUSTSTORE_PASSWORD", PASSWORD)
                .load();

        assertNoSecretIn(loaded);
        EffectiveConfig e = loaded.effective();
        assertThat(e.entry("oauth.agent.clients.a.client-secret").value())
                .isEqualTo("**** (system property oauth.agent.clients.a.client-secret)");
        assertThat(e.entry("oauth.agent.clients.b.client-secret").value()).isEqualTo("**** (env var B_SECRET)");
        assertThat(e.entry("oauth.agent.clients.c.client-secret").value()).isEqualTo("**** (file " + secretFile + ")");
        assertThat(e.entry("oauth.agent.clients.c.truststore-password").value())
                .isEqualTo("**** (env var OAUTH_AGENT_CLIENTS_C_TRUSTSTORE_PASSWORD)");
        assertThat(e.render()).contains("**** (env var B_SECRET)");
    }

    @Test
    void secretsStayOutOfErrorsWhenTheRestOfTheClientIsInvalid() throws Exception {
        Path secretFile = Files.write(dir.resolve("secret"), FROM_FILE.getBytes(StandardCharsets.UTF_8));
        ConfigException e = ConfigInput.withValidClient("a").validClient("b").validClient("c")
                .sys("clients.a.client-secret", LITERAL).sys("clients.a.fail-mode", "bad")
                .sys("clients.b.client-secret", "${env:B_SECRET}").env("B_SECRET", FROM_ENV)
                .sys("clients.b.token-url", "nope")
                .sys("clients.c.client-secret", "${file:" + secretFile + "}").sys("clients.c.paths", "x")
                .failure();
        assertThat(e.problems()).hasSize(3);
        assertNoSecretIn(e);
    }

    @Test
    void secretUnderAMisspelledKeyIsNeverEchoedInAnySource() throws Exception {
        Path file = Files.write(dir.resolve("agent.properties"),
                ("oauth.agent.clients.f.client-secre=" + FROM_FILE + "\n").getBytes(StandardCharsets.UTF_8));
        ConfigException e = ConfigInput.empty()
                .args("config=" + file + ",clients.a.client-secre=" + LITERAL)
                .sys("clients.s.client-secre", PASSWORD)
                .env("OAUTH_AGENT_CLIENTS_E_CLIENT_SECRE", FROM_ENV)
                .failure();
        assertThat(e.problems()).hasSize(4).allSatisfy(p -> assertThat(p.message()).contains("did you mean"));
        assertNoSecretIn(e);
    }

    @Test
    void malformedSecretReferencesAreNotEchoed() {
        for (String malformed : new String[] {"${" + LITERAL, "${vault:" + LITERAL + "}", "${env:X}" + LITERAL + "}"}) {
            ConfigException e = ConfigInput.withValidClient("a").sys("clients.a.client-secret", malformed).failure();
            assertThat(e.problems()).hasSize(1);
            assertNoSecretIn(e);
        }
    }

    @Test
    void agentArgumentWithoutEqualsSignIsNotEchoedBecauseItMayBeASecret() {
        ConfigException e = ConfigInput.empty().args("clients.a.client-secret:" + LITERAL).failure();
        assertNoSecretIn(e);
    }

    @Test
    void userInfoPasswordInTheTokenUrlIsNotEchoed() {
        ConfigException e = ConfigInput.withValidClient("a")
                .sys("clients.a.token-url", "https://user:" + LITERAL + "@auth.example.com/t").failure();
        assertNoSecretIn(e);
        assertThat(e.effective().entry("oauth.agent.clients.a.token-url").value())
                .isEqualTo("https://****@auth.example.com/t");
    }

    @Test
    void secretReferenceToAnEnvVarIsResolvedButOnlyItsNameIsShown() throws ConfigException {
        LoadedConfig loaded = ConfigInput.withValidClient("a").sys("clients.a.client-secret", "${env:A_SECRET}")
                .env("A_SECRET", FROM_ENV).load();
        assertThat(loaded.config().client("a").clientSecret().reveal()).isEqualTo(FROM_ENV);
        assertNoSecretIn(loaded);
    }
}
