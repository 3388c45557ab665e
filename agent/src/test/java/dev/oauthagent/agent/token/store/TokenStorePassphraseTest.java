package dev.oauthagent.agent.token.store;

import static dev.oauthagent.agent.token.store.StoreFixture.ENDPOINT;
import static dev.oauthagent.agent.token.store.StoreFixture.assertNoSecret;
import static dev.oauthagent.agent.token.store.StoreFixture.passphrase;
import static dev.oauthagent.agent.token.store.StoreFixture.randomKey;
import static dev.oauthagent.agent.token.store.StoreFixture.secretOf;
import static dev.oauthagent.agent.token.store.StoreFixture.store;
import static dev.oauthagent.agent.token.store.StoreFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passphrase is stretched with PBKDF2 at the documented count and a random salt, and rotates like a key. */
class TokenStorePassphraseTest {
    @TempDir
    Path dir;

    private final String refreshToken = token("rt-");

    private Path file() {
        return dir.resolve("billing.tokens");
    }

    @Test
    void theStoreAsShippedStretchesAPassphraseWith600000IterationsAndA16ByteSalt() throws Exception {
        TokenStoreKey key = passphrase("env var PASSPHRASE");
        TokenStore store = TokenStore.open("billing", new TokenStoreConfig(file(), key, null, false),
                TokenStore.DEFAULT_LOCK_WAIT, null);
        store.write(TokenRecord.of(ENDPOINT, refreshToken));

        StoreHeader header = StoreHeader.parse(Files.readAllBytes(file()), null).header;
        assertThat(header.kdf).isEqualTo(StoreHeader.KDF_PBKDF2);
        assertThat(header.iterations).isEqualTo(600_000);
        assertThat(header.salt).hasSize(16);
        assertThat(TokenStore.open("billing", new TokenStoreConfig(file(), key, null, false),
                TokenStore.DEFAULT_LOCK_WAIT, null).read().refreshToken()).isEqualTo(refreshToken);
    }

    @Test
    void twoStoresWithTheSamePassphraseUseDifferentSalts() throws Exception {
        TokenStoreKey key = passphrase("env var PASSPHRASE");
        Path other = dir.resolve("other.tokens");
        store("billing", file(), key).write(TokenRecord.of(ENDPOINT, refreshToken));
        store("billing", other, key).write(TokenRecord.of(ENDPOINT, refreshToken));

        assertThat(StoreHeader.parse(Files.readAllBytes(file()), null).header.salt)
                .isNotEqualTo(StoreHeader.parse(Files.readAllBytes(other), null).header.salt);
    }

    @Test
    void aWrongPassphraseIsAWrongKey() throws Exception {
        TokenStoreKey key = passphrase("env var PASSPHRASE");
        store("billing", file(), key).write(TokenRecord.of(ENDPOINT, refreshToken));
        TokenStoreKey wrong = passphrase("env var OTHER_PASSPHRASE");

        TokenStoreException e = assertThrows(TokenStoreException.class, store("billing", file(), wrong)::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.WRONG_KEY);
        assertThat(e.getMessage()).contains("a passphrase from env var OTHER_PASSPHRASE");
        assertNoSecret(e.getMessage(), refreshToken, secretOf(key), secretOf(wrong));
    }

    @Test
    void aStoreMovesFromAPassphraseToARawKeyAndBack() throws Exception {
        TokenStoreKey oldPassphrase = passphrase("env var OLD");
        TokenStoreKey newKey = randomKey("env var NEW");
        store("billing", file(), oldPassphrase).write(TokenRecord.of(ENDPOINT, refreshToken));

        store("billing", new TokenStoreConfig(file(), newKey, oldPassphrase, false), null)
                .update(current -> StoreUpdate.keep());
        assertThat(StoreHeader.parse(Files.readAllBytes(file()), null).header.kdf).isEqualTo(StoreHeader.KDF_RAW);
        assertThat(store("billing", file(), newKey).read().refreshToken()).isEqualTo(refreshToken);

        TokenStoreKey newestPassphrase = passphrase("env var NEWEST");
        store("billing", new TokenStoreConfig(file(), newestPassphrase, newKey, false), null)
                .update(current -> StoreUpdate.keep());
        assertThat(StoreHeader.parse(Files.readAllBytes(file()), null).header.kdf).isEqualTo(StoreHeader.KDF_PBKDF2);
        assertThat(store("billing", file(), newestPassphrase).read().refreshToken()).isEqualTo(refreshToken);
    }
}
