package dev.oauthagent.agent.token.store;

import static dev.oauthagent.agent.token.store.StoreFixture.ENDPOINT;
import static dev.oauthagent.agent.token.store.StoreFixture.assertNoSecret;
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
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No changed bit goes unnoticed: one bit flipped anywhere in the header (version, key derivation, key id,
 * client), the nonce, the ciphertext or the tag makes the file fail to open, with a message that names the
 * file and holds nothing of it; the file is left as it is.
 */
class TokenStoreTamperTest {
    private static final Set<TokenStoreException.Reason> TAMPERING = EnumSet.of(
            TokenStoreException.Reason.DAMAGED, TokenStoreException.Reason.WRONG_KEY,
            TokenStoreException.Reason.WRONG_CLIENT, TokenStoreException.Reason.FOREIGN,
            TokenStoreException.Reason.NEWER_FORMAT);

    @TempDir
    Path dir;

    private final String refreshToken = token("rt-");

    @Test
    void aFlippedBitAnywhereInAFileUnderARawKeyIsDetected() throws Exception {
        flipEveryBitOfEveryByte(randomKey("env var KEY"));
    }

    @Test
    void aFlippedBitAnywhereInAFileUnderAPassphraseIsDetected() throws Exception {
        // Bit flips in the iteration count may ask for up to MAX_ITERATIONS: one flip per byte keeps this fast.
        flipOneBitOfEveryByte(StoreFixture.passphrase("env var PASSPHRASE"));
    }

    @Test
    void eachPartOfTheFileIsCovered() throws Exception {
        TokenStoreKey key = randomKey("env var KEY");
        Path file = write(key);
        byte[] original = Files.readAllBytes(file);
        StoreHeader.Parsed parsed = StoreHeader.parse(original, null);
        int nonceStart = parsed.length - StoreHeader.NONCE_BYTES;
        int tagStart = original.length - StoreHeader.TAG_BYTES;

        assertThat(reasonAfterFlip(file, key, original, StoreHeader.MAGIC.length)).as("version")
                .isEqualTo(TokenStoreException.Reason.DAMAGED);
        assertThat(reasonAfterFlip(file, key, original, nonceStart - 1)).as("client name")
                .isEqualTo(TokenStoreException.Reason.WRONG_CLIENT);
        assertThat(reasonAfterFlip(file, key, original, nonceStart)).as("nonce")
                .isEqualTo(TokenStoreException.Reason.DAMAGED);
        assertThat(reasonAfterFlip(file, key, original, parsed.length)).as("ciphertext")
                .isEqualTo(TokenStoreException.Reason.DAMAGED);
        assertThat(reasonAfterFlip(file, key, original, tagStart)).as("tag")
                .isEqualTo(TokenStoreException.Reason.DAMAGED);
    }

    private Path write(TokenStoreKey key) throws TokenStoreException {
        Path file = dir.resolve("billing.tokens");
        store("billing", file, key).write(TokenRecord.of(ENDPOINT, refreshToken));
        return file;
    }

    private void flipEveryBitOfEveryByte(TokenStoreKey key) throws Exception {
        Path file = write(key);
        byte[] original = Files.readAllBytes(file);
        for (int i = 0; i < original.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                assertThat(reasonAfterFlip(file, key, original, i, bit)).as("byte %d bit %d", i, bit).isIn(TAMPERING);
            }
        }
    }

    private void flipOneBitOfEveryByte(TokenStoreKey key) throws Exception {
        Path file = write(key);
        byte[] original = Files.readAllBytes(file);
        for (int i = 0; i < original.length; i++) {
            assertThat(reasonAfterFlip(file, key, original, i)).as("byte %d", i).isIn(TAMPERING);
        }
    }

    private TokenStoreException.Reason reasonAfterFlip(Path file, TokenStoreKey key, byte[] original, int index)
            throws Exception {
        return reasonAfterFlip(file, key, original, index, 0);
    }

    private TokenStoreException.Reason reasonAfterFlip(Path file, TokenStoreKey key, byte[] original, int index,
            int bit) throws Exception {
        byte[] tampered = original.clone();
        tampered[index] ^= (byte) (1 << bit);
        Files.write(file, tampered);
        TokenStore store = store("billing", new TokenStoreConfig(file, key, null, false), null);
        TokenStoreException e = assertThrows(TokenStoreException.class, store::read);
        assertThat(e.getMessage()).contains(file.toString());
        assertNoSecret(e.getMessage(), refreshToken, secretOf(key), ENDPOINT);
        assertThrows(TokenStoreException.class, () -> store.write(TokenRecord.of(ENDPOINT, token("rt-"))));
        assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(tampered);
        return e.reason();
    }
}
