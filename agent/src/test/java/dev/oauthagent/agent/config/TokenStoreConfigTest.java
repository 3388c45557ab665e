package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** token-store, token-store-key, token-store-key-previous and token-store-access-token, checked at start. */
class TokenStoreConfigTest {
    private static final String STORE = "clients.billing.token-store";
    private static final String KEY = "clients.billing.token-store-key";
    private static final String PREVIOUS = "clients.billing.token-store-key-previous";
    private static final String ACCESS = "clients.billing.token-store-access-token";
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    private final String rawKey = randomKey(32);

    private static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private ConfigInput withStore() {
        return ConfigInput.withValidClient("billing").sys(STORE, dir.resolve("billing.tokens").toString());
    }

    private ConfigInput withStoreAndKey(String keyValue) {
        return withStore().sys(KEY, "${env:BILLING_STORE_KEY}").env("BILLING_STORE_KEY", keyValue);
    }

    @Test
    void aKeyFromAFileIsARawKeyAndTheStoreIsConfigured() throws Exception {
        Path keyFile = dir.resolve("store-key");
        Files.write(keyFile, (rawKey + "\n").getBytes(StandardCharsets.US_ASCII)); // as openssl rand -base64 32 > f
        ClientConfig billing = withStore().sys(KEY, "${file:" + keyFile + "}").load().config().client("billing");

        TokenStoreConfig store = billing.tokenStore();
        assertThat(store.path()).isEqualTo(dir.resolve("billing.tokens"));
        assertThat(store.key().form()).isEqualTo(TokenStoreKey.Form.RAW_KEY);
        assertThat(store.key().rawKey()).isEqualTo(Base64.getDecoder().decode(rawKey));
        assertThat(store.key().origin()).isEqualTo("file " + keyFile);
        assertThat(store.previousKey()).isNull();
        assertThat(store.keepAccessToken()).isFalse();
    }

    @Test
    void aValueWithThePassphraseMarkerIsAPassphraseAndThePreviousKeyAndFlagAreRead() throws Exception {
        ClientConfig billing = withStoreAndKey(TokenStoreKey.PASSPHRASE_PREFIX + PASSPHRASE)
                .sys(PREVIOUS, "${env:OLD_KEY}").env("OLD_KEY", rawKey).sys(ACCESS, "true")
                .load().config().client("billing");

        TokenStoreConfig store = billing.tokenStore();
        assertThat(store.key().form()).isEqualTo(TokenStoreKey.Form.PASSPHRASE);
        assertThat(new String(store.key().passphrase())).isEqualTo(PASSPHRASE);
        assertThat(store.previousKey().form()).isEqualTo(TokenStoreKey.Form.RAW_KEY);
        assertThat(store.keepAccessToken()).isTrue();
    }

    @Test
    void urlSafeBase64WithoutPaddingIsAKeyToo() throws Exception {
        String urlSafe = rawKey.replace('+', '-').replace('/', '_').replace("=", "");
        ClientConfig billing = withStoreAndKey(urlSafe).load().config().client("billing");
        assertThat(billing.tokenStore().key().rawKey()).isEqualTo(Base64.getDecoder().decode(rawKey));
    }

    @Test
    void aStoreOnAClientCredentialsClientIsAWarningNotAnError() throws Exception {
        LoadedConfig loaded = withStore().load(); // no key either: the store is not used
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.warnings()).contains("oauth.agent.clients.billing.token-store is set, but grant-type "
                + "client_credentials never holds a refresh token, so the token store is not used; remove "
                + "oauth.agent.clients.billing.token-store and its keys");
        assertThat(loaded.config().client("billing")).isNotNull();
    }

    @Test
    void aStoreWithoutAKeyIsAnErrorForAGrantThatHoldsRefreshTokens() {
        String message = withStore().sys("clients.billing.grant-type", "device_code").messageOf(KEY);
        assertThat(message).isEqualTo("is required with oauth.agent.clients.billing.token-store, which is encrypted "
                + "with it; set oauth.agent.clients.billing.token-store-key="
                + "${file:/run/secrets/billing-token-store-key} or ${env:BILLING_TOKEN_STORE_KEY}, holding a key made "
                + "with openssl rand -base64 32");
    }

    @Test
    void aLiteralKeyIsRefusedWithoutBeingRepeated() {
        String message = withStore().sys(KEY, rawKey).messageOf(KEY);
        assertThat(message).contains("is written as a literal", "${file:/run/secrets/billing-token-store-key}",
                "(from system property oauth.agent.clients.billing.token-store-key)");
        assertThat(message).doesNotContain(rawKey);
    }

    @Test
    void aLiteralKeyOnTheCommandLineIsAnErrorNotAlsoAWarning() {
        LoadedConfig loaded = withStore().sys(KEY, rawKey).loadAllowingProblems();
        assertThat(loaded.warnings()).noneMatch(w -> w.contains("token-store-key"));
    }

    @Test
    void aValueThatIsNeitherKeyNorPassphraseIsRefusedNamingItsSourceNotItsValue() {
        String notAKey = "my-store-password-123";
        String message = withStoreAndKey(notAKey).messageOf(KEY);
        assertThat(message).isEqualTo("is neither a base64-encoded 32-byte key nor a passphrase (the value of env var "
                + "BILLING_STORE_KEY); write a key as printed by openssl rand -base64 32, or a passphrase as "
                + "passphrase:<at least 12 characters> (from system property "
                + "oauth.agent.clients.billing.token-store-key)");
    }

    @Test
    void aKeyOfTheWrongLengthSaysHowLongItIs() {
        String message = withStoreAndKey(randomKey(16)).messageOf(KEY);
        assertThat(message).contains("decodes to 16 bytes (the value of env var BILLING_STORE_KEY), but an AES-256 "
                + "key is 32 bytes");
    }

    @Test
    void aShortPassphraseIsRefused() {
        String message = withStoreAndKey("passphrase:short").messageOf(KEY);
        assertThat(message).contains("holds a passphrase shorter than 12 characters", "openssl rand -base64 32");
        assertThat(message).doesNotContain("short)").doesNotContain(":short");
    }

    @Test
    void anUnsetVariableIsNamed() {
        String message = withStore().sys(KEY, "${env:BILLING_STORE_KEY}").messageOf(KEY);
        assertThat(message).contains("refers to env var BILLING_STORE_KEY, which is not set");
    }

    @Test
    void keysAndTheFlagWithoutAStoreHaveNoEffect() {
        ConfigInput input = ConfigInput.withValidClient("billing").sys(KEY, "${env:K}").env("K", rawKey)
                .sys(PREVIOUS, "${env:K}").sys(ACCESS, "true");
        for (String key : new String[] {KEY, PREVIOUS, ACCESS}) {
            assertThat(input.messageOf(key)).startsWith("has no effect without oauth.agent.clients.billing.token-store;");
        }
    }

    @Test
    void aRelativePathIsRefused() {
        String message = ConfigInput.withValidClient("billing").sys(STORE, "tokens/billing.tokens").messageOf(STORE);
        assertThat(message).contains("is a relative path; write it absolute");
    }

    @Test
    void aDirectoryIsNotAStoreFile() {
        String message = ConfigInput.withValidClient("billing").sys(STORE, dir.toString()).messageOf(STORE);
        assertThat(message).contains(dir + " is a directory; name a file in it, e.g. " + dir.resolve("tokens"));
    }

    @Test
    void aMissingDirectoryIsReportedWithTheCommandThatCreatesIt() {
        Path missing = dir.resolve("missing");
        String message = ConfigInput.withValidClient("billing").sys(STORE, missing.resolve("billing.tokens").toString())
                .messageOf(STORE);
        assertThat(message).contains("directory " + missing + " does not exist", "mkdir -m 700 " + missing);
    }

    @Test
    void twoClientsMayNotShareAStore() {
        String file = dir.resolve("shared.tokens").toString();
        LoadedConfig loaded = ConfigInput.withValidClient("billing").validClient("reports")
                .sys("clients.reports.hosts", "reports.example.com")
                .sys(STORE, file).sys(KEY, "${env:K}").env("K", rawKey)
                .sys("clients.reports.token-store", dir.resolve("./shared.tokens").toString())
                .sys("clients.reports.token-store-key", "${env:K}").loadAllowingProblems();

        List<ConfigProblem> problems = loaded.problems();
        assertThat(problems).extracting(ConfigProblem::message).containsExactly("clients 'billing' and 'reports' both "
                + "use token store " + file + "; give each client its own file");
        assertThat(loaded.inactiveClients()).containsExactly("billing", "reports");
    }

    @Test
    void theKeysAreMaskedAndScrubbableButNeverPrinted() throws Exception {
        LoadedConfig loaded = withStoreAndKey(TokenStoreKey.PASSPHRASE_PREFIX + PASSPHRASE)
                .sys(PREVIOUS, "${env:OLD_KEY}").env("OLD_KEY", rawKey).load();

        String printed = loaded.effective().render() + loaded.config();
        assertThat(printed).doesNotContain(PASSPHRASE).doesNotContain(rawKey)
                .contains("**** (env var BILLING_STORE_KEY)");
        ClientSecrets secrets = loaded.config().clientSecrets().get(0);
        assertThat(secrets.tokenStoreKeys()).extracting(Secret::reveal)
                .containsExactly(TokenStoreKey.PASSPHRASE_PREFIX + PASSPHRASE, rawKey);
        assertThat(secrets.toString()).doesNotContain(PASSPHRASE).doesNotContain(rawKey);
    }

    @Test
    void anInvalidKeyIsStillKnownToScrubbing() {
        LoadedConfig loaded = withStoreAndKey("my-store-password-123").loadAllowingProblems();
        assertThat(loaded.config().clientSecrets().get(0).tokenStoreKeys()).extracting(Secret::reveal)
                .containsExactly("my-store-password-123");
    }
}
