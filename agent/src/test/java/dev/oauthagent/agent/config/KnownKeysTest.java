package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The key registry, the documentation and the example file agree. */
class KnownKeysTest {
    private static final List<KnownKey> NEEDS_A_REAL_TRUSTSTORE = Arrays.asList(
            KnownKeys.TRUSTSTORE, KnownKeys.TRUSTSTORE_PASSWORD, KnownKeys.TRUSTSTORE_TYPE);
    /** Their examples name a directory and key files of a real host; TokenStoreConfigTest covers the forms. */
    /** The client-assertion keys: ClientAssertionConfigTest loads their examples with a real key or token file. */
    private static final List<KnownKey> NEEDS_A_REAL_KEY = Arrays.asList(KnownKeys.PRIVATE_KEY,
            KnownKeys.PRIVATE_KEY_PASSWORD, KnownKeys.PRIVATE_KEY_ALIAS, KnownKeys.SIGNING_ALGORITHM, KnownKeys.KEY_ID,
            KnownKeys.CLIENT_ASSERTION_AUDIENCE, KnownKeys.CLIENT_ASSERTION, KnownKeys.CLIENT_ASSERTION_TYPE,
            KnownKeys.CLIENT_CERTIFICATE);
    private static final List<KnownKey> NEEDS_A_REAL_TOKEN_STORE = Arrays.asList(
            KnownKeys.TOKEN_STORE, KnownKeys.TOKEN_STORE_KEY, KnownKeys.TOKEN_STORE_KEY_PREVIOUS,
            KnownKeys.TOKEN_STORE_ACCESS_TOKEN);

    private static Path repoRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("agent.properties.example"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with agent.properties.example above the working directory").isNotNull();
        return dir;
    }

    private static String read(String relative) throws IOException {
        return new String(Files.readAllBytes(repoRoot().resolve(relative)), StandardCharsets.UTF_8);
    }

    @Test
    void configurationDocumentHasARowForEveryKeyWithItsDefault() throws IOException {
        List<String> lines = Arrays.asList(read("docs/configuration.md").split("\\R"));
        for (KnownKey key : KnownKeys.all()) {
            String row = lines.stream().filter(l -> l.startsWith("| `" + key.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("table row for %s in docs/configuration.md", key.name()).isNotNull();
            if (key.defaultValue() != null) {
                assertThat(row).as("default of %s", key.name()).contains("`" + key.defaultValue() + "`");
            }
        }
    }

    @Test
    void exampleFileMentionsEveryKeyInFullForm() throws IOException {
        String example = read("agent.properties.example");
        for (KnownKey key : KnownKeys.all()) {
            assertThat(example).as("agent.properties.example mentions %s", key.name()).contains(key.fullKey("billing"));
        }
    }

    @Test
    void exampleFileIsAWorkingClientCredentialsConfiguration() throws ConfigException, IOException {
        LoadedConfig loaded = ConfigInput.empty()
                .args("config=" + repoRoot().resolve("agent.properties.example"))
                .env("BILLING_CLIENT_SECRET", ConfigInput.SECRET)
                .load();
        ClientConfig billing = loaded.config().client("billing");
        assertThat(billing.grantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
        assertThat(billing.clientSecret().origin()).isEqualTo("env var BILLING_CLIENT_SECRET");
        assertThat(billing.hosts()).isNotEmpty();
    }

    @Test
    void registryDefaultsEqualTheClientConfigBuilderDefaults() throws ConfigException {
        ClientConfig loaded = ConfigInput.withValidClient("billing").load().config().client("billing");
        ClientConfig built = ClientConfig.builder("billing").tokenUrl(URI.create("https://x")).clientId("x").build();
        assertThat(loaded.grantType()).isEqualTo(built.grantType());
        assertThat(loaded.clientAuth()).isEqualTo(built.clientAuth());
        assertThat(loaded.scopes()).isEqualTo(built.scopes());
        assertThat(loaded.audience()).isEqualTo(built.audience());
        assertThat(loaded.resources()).isEqualTo(built.resources());
        assertThat(loaded.paths()).isEqualTo(built.paths());
        assertThat(loaded.allowHttp()).isEqualTo(built.allowHttp());
        assertThat(loaded.refreshBefore()).isEqualTo(built.refreshBefore());
        assertThat(loaded.expirySkew()).isEqualTo(built.expirySkew());
        assertThat(loaded.waitTimeout()).isEqualTo(built.waitTimeout());
        assertThat(loaded.failMode()).isEqualTo(built.failMode());
        assertThat(loaded.connectTimeout()).isEqualTo(built.connectTimeout());
        assertThat(loaded.readTimeout()).isEqualTo(built.readTimeout());
        assertThat(loaded.defaultExpiresIn()).isEqualTo(built.defaultExpiresIn());
        assertThat(loaded.truststore()).isEqualTo(built.truststore());
        assertThat(loaded.truststorePassword()).isEqualTo(built.truststorePassword());
        assertThat(loaded.truststoreType()).isEqualTo(built.truststoreType());
        assertThat(loaded.overrideExisting()).isEqualTo(built.overrideExisting());
    }

    @Test
    void everyDocumentedExampleValueIsAccepted() throws ConfigException {
        ConfigInput input = ConfigInput.empty().env("BILLING_CLIENT_SECRET", ConfigInput.SECRET);
        input.env("PROXY_USER", "proxy-user").env("PROXY_PASSWORD", "proxy-password");
        for (KnownKey key : KnownKeys.client()) {
            // issuer replaces token-url (IssuerConfigTest loads its example); both together are refused.
            if (!NEEDS_A_REAL_TRUSTSTORE.contains(key) && !NEEDS_A_REAL_TOKEN_STORE.contains(key)
                    && !NEEDS_A_REAL_KEY.contains(key)
                    && key != KnownKeys.ISSUER) {
                input.sys(key.isFamily() ? key.fullKey("billing").replace("<name>", "tenant") : key.fullKey("billing"),
                        key.example());
            }
        }
        input.sys(KnownKeys.LOG_LEVEL.fullKey(null), KnownKeys.LOG_LEVEL.example());
        assertThat(input.load().config().client("billing")).isNotNull();
    }

    @Test
    void onlySecretKeysAreMaskedAndOnlyReferenceKeysResolveReferences() {
        assertThat(KnownKeys.all()).filteredOn(KnownKey::secret)
                .containsExactlyInAnyOrder(KnownKeys.CLIENT_SECRET, KnownKeys.TRUSTSTORE_PASSWORD, KnownKeys.SCRUB_VALUES,
                        KnownKeys.PRIVATE_KEY_PASSWORD, KnownKeys.CLIENT_ASSERTION,
                        KnownKeys.TOKEN_STORE_KEY, KnownKeys.TOKEN_STORE_KEY_PREVIOUS, KnownKeys.PROXY_PASSWORD,
                        KnownKeys.TOKEN_PARAMS);
        assertThat(KnownKeys.all()).filteredOn(KnownKey::referenceAllowed)
                .containsExactlyInAnyOrder(KnownKeys.CLIENT_ID, KnownKeys.CLIENT_SECRET, KnownKeys.TRUSTSTORE_PASSWORD,
                        KnownKeys.PRIVATE_KEY_PASSWORD, KnownKeys.CLIENT_ASSERTION,
                        KnownKeys.SCRUB_VALUES, KnownKeys.TOKEN_STORE_KEY, KnownKeys.TOKEN_STORE_KEY_PREVIOUS,
                        KnownKeys.PROXY_USER, KnownKeys.PROXY_PASSWORD, KnownKeys.TOKEN_PARAMS);
        assertThat(KnownKeys.all()).filteredOn(k -> !k.literalAllowed())
                .containsExactlyInAnyOrder(KnownKeys.TOKEN_STORE_KEY, KnownKeys.TOKEN_STORE_KEY_PREVIOUS,
                        KnownKeys.CLIENT_ASSERTION);
    }
}
