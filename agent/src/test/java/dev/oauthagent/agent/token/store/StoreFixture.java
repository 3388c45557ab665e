package dev.oauthagent.agent.token.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Keys, tokens and stores for the token store's tests; every value random, so no test can pass on a constant. */
public final class StoreFixture {
    static final String ENDPOINT = "https://auth.example.com/oauth2/token";
    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    /** Fast enough for tests; the real count is asserted by TokenStorePassphraseTest. */
    static final int TEST_ITERATIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreFixture() {
    }

    static TokenStoreKey randomKey(String origin) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return TokenStoreKey.ofRawKey(key, origin);
    }

    static TokenStoreKey passphrase(String origin) {
        return TokenStoreKey.ofPassphrase("pass phrase " + randomText(12), origin);
    }

    /** A token-like value: letters and digits, 32 characters after the prefix. */
    static String token(String prefix) {
        return prefix + randomText(32);
    }

    static String randomText(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static TokenStore store(String client, Path file, TokenStoreKey key) {
        return store(client, new TokenStoreConfig(file, key, null, false), null);
    }

    static TokenStore store(String client, TokenStoreConfig config, StoredTokenListener listener) {
        return store(client, config, Duration.ofSeconds(30), listener);
    }

    static TokenStore store(String client, TokenStoreConfig config, Duration lockWait, StoredTokenListener listener) {
        return new TokenStore(client, config, lockWait, listener, TEST_ITERATIONS, RANDOM,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The text holds none of the values, nor their base64 or any 12-character piece of them. */
    public static void assertNoSecret(String text, String... secrets) {
        for (String secret : secrets) {
            assertThat(text).as("text holds no part of a secret").doesNotContain(secret);
            for (int i = 0; i + 12 <= secret.length(); i++) {
                assertThat(text).as("text holds no 12-character piece of a secret")
                        .doesNotContain(secret.substring(i, i + 12));
            }
        }
    }

    /** The secrets of a key as configured: its base64 text or its passphrase. */
    static String secretOf(TokenStoreKey key) {
        String passphrase = TokenStoreKey.passphraseOf(key.secret());
        return passphrase != null ? passphrase : key.secret().reveal();
    }

    /** Records every record the store tells of. */
    static final class RecordingListener implements StoredTokenListener {
        final List<String> refreshTokens = new ArrayList<>();

        @Override
        public synchronized void storedTokens(String clientName, TokenRecord record) {
            refreshTokens.add(clientName + ":" + record.refreshToken());
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
