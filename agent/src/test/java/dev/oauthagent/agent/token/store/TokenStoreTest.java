package dev.oauthagent.agent.token.store;

import static dev.oauthagent.agent.token.store.StoreFixture.ENDPOINT;
import static dev.oauthagent.agent.token.store.StoreFixture.NOW;
import static dev.oauthagent.agent.token.store.StoreFixture.assertNoSecret;
import static dev.oauthagent.agent.token.store.StoreFixture.randomKey;
import static dev.oauthagent.agent.token.store.StoreFixture.secretOf;
import static dev.oauthagent.agent.token.store.StoreFixture.store;
import static dev.oauthagent.agent.token.store.StoreFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one store writes it reads back; what it cannot read it reports and leaves alone. */
class TokenStoreTest {
    @TempDir
    Path dir;

    private final TokenStoreKey key = randomKey("env var BILLING_STORE_KEY");
    private final String refreshToken = token("rt-");

    private Path file() {
        return dir.resolve("billing.tokens");
    }

    private TokenStore billing() {
        return store("billing", file(), key);
    }

    @Test
    void noFileReadsAsNoRecord() throws Exception {
        assertThat(billing().read()).isNull();
        assertThat(file()).doesNotExist();
    }

    @Test
    void aWrittenRecordReadsBackInANewStoreObject() throws Exception {
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));

        TokenRecord read = billing().read();
        assertThat(read.refreshToken()).isEqualTo(refreshToken);
        assertThat(read.tokenEndpoint()).isEqualTo(ENDPOINT);
        assertThat(read.issuedBy(ENDPOINT)).isTrue();
        assertThat(read.issuedBy("https://other.example.com/token")).isFalse();
        assertThat(read.savedAt()).isEqualTo(NOW);
        assertThat(read.accessToken()).isNull();
    }

    @Test
    void theFileHoldsNoTokenInClear() throws Exception {
        String accessToken = token("at-");
        store("billing", new TokenStoreConfig(file(), key, null, true), null)
                .write(TokenRecord.of(ENDPOINT, refreshToken).withAccessToken(accessToken, NOW.plusSeconds(300)));

        String content = new String(Files.readAllBytes(file()), StandardCharsets.ISO_8859_1);
        assertNoSecret(content, refreshToken, accessToken, ENDPOINT, secretOf(key));
    }

    @Test
    void theAccessTokenIsDroppedUnlessTheClientAsksToKeepIt() throws Exception {
        String accessToken = token("at-");
        Instant expiry = NOW.plusSeconds(300);
        TokenRecord withAccess = TokenRecord.of(ENDPOINT, refreshToken).withAccessToken(accessToken, expiry);

        assertThat(billing().write(withAccess).accessToken()).isNull();
        assertThat(billing().read().accessToken()).isNull();

        TokenStore keeping = store("billing", new TokenStoreConfig(file(), key, null, true), null);
        keeping.write(withAccess);
        TokenRecord read = keeping.read();
        assertThat(read.accessToken()).isEqualTo(accessToken);
        assertThat(read.accessTokenExpiresAt()).isEqualTo(expiry);
    }

    @Test
    void everyWriteUsesAFreshNonce() throws Exception {
        TokenStore store = billing();
        store.write(TokenRecord.of(ENDPOINT, refreshToken));
        byte[] first = Files.readAllBytes(file());
        store.write(TokenRecord.of(ENDPOINT, refreshToken));
        byte[] second = Files.readAllBytes(file());

        assertThat(first.length).isEqualTo(second.length);
        int nonceEnd = StoreHeader.parse(first, null).length;
        int nonceStart = nonceEnd - StoreHeader.NONCE_BYTES;
        assertThat(Arrays.copyOfRange(second, nonceStart, nonceEnd))
                .isNotEqualTo(Arrays.copyOfRange(first, nonceStart, nonceEnd));
        assertThat(Arrays.copyOfRange(second, nonceEnd, second.length))
                .isNotEqualTo(Arrays.copyOfRange(first, nonceEnd, first.length));
    }

    @Test
    void theStoreAndItsLockFileAreCreatedOwnerOnlyAndNoTemporaryFileRemains() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));
        billing().write(TokenRecord.of(ENDPOINT, token("rt-")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        Path lock = dir.resolve("billing.tokens.lock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("billing.tokens", "billing.tokens.lock");
    }

    @Test
    void aFileWrittenWithThePreviousKeyIsReadAndRewrittenUnderTheCurrentOneAtTheNextWrite() throws Exception {
        TokenStoreKey oldKey = randomKey("file /run/secrets/old-key");
        store("billing", file(), oldKey).write(TokenRecord.of(ENDPOINT, refreshToken));
        TokenStore rotated = store("billing", new TokenStoreConfig(file(), key, oldKey, false), null);

        assertThat(rotated.read().refreshToken()).isEqualTo(refreshToken);
        byte[] stillOld = Files.readAllBytes(file());
        assertThat(store("billing", file(), oldKey).read().refreshToken()).isEqualTo(refreshToken);

        // An update that keeps the record still rewrites it, now under the current key.
        TokenRecord kept = rotated.update(current -> StoreUpdate.keep());
        assertThat(kept.refreshToken()).isEqualTo(refreshToken);
        assertThat(Files.readAllBytes(file())).isNotEqualTo(stillOld);
        assertThat(billing().read().refreshToken()).as("readable with the current key alone").isEqualTo(refreshToken);
        TokenStoreException old = assertThrows(TokenStoreException.class, () -> store("billing", file(), oldKey).read());
        assertThat(old.reason()).isEqualTo(TokenStoreException.Reason.WRONG_KEY);
    }

    @Test
    void aWrongKeyIsReportedWithTheKeysOriginsAndTheFixAndTheFileIsNotOverwritten() throws Exception {
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));
        byte[] before = Files.readAllBytes(file());
        TokenStoreKey other = randomKey("env var WRONG_KEY");
        TokenStore wrong = store("billing", file(), other);

        TokenStoreException e = assertThrows(TokenStoreException.class, wrong::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.WRONG_KEY);
        assertThat(e.getMessage()).contains("client 'billing'", file().toString(), "env var WRONG_KEY",
                "token-store-key-previous", "java -jar oauth-agent.jar login billing");
        assertNoSecret(e.getMessage(), refreshToken, secretOf(key), secretOf(other));

        assertThrows(TokenStoreException.class, () -> wrong.write(TokenRecord.of(ENDPOINT, token("rt-"))));
        assertThrows(TokenStoreException.class, () -> wrong.update(current -> StoreUpdate.delete()));
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aForeignFileIsReportedAndLeftAlone() throws Exception {
        byte[] foreign = "{\"refresh_token\":\"not ours\"}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), foreign);

        TokenStoreException e = assertThrows(TokenStoreException.class, billing()::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.FOREIGN);
        assertThat(e.getMessage()).contains(file().toString(), "is not an oauth-agent token store",
                "oauth.agent.clients.billing.token-store", "move it away");
        assertThat(e.getMessage()).doesNotContain("not ours");
        assertThrows(TokenStoreException.class, () -> billing().write(TokenRecord.of(ENDPOINT, refreshToken)));
        assertThat(Files.readAllBytes(file())).isEqualTo(foreign);
    }

    @Test
    void anEmptyFileIsForeign() throws Exception {
        Files.write(file(), new byte[0]);
        assertThat(assertThrows(TokenStoreException.class, billing()::read).reason())
                .isEqualTo(TokenStoreException.Reason.FOREIGN);
    }

    @Test
    void everyTruncationIsReportedAsDamageAndLeftAlone() throws Exception {
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));
        byte[] whole = Files.readAllBytes(file());
        for (int length = StoreHeader.MAGIC.length; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            Files.write(file(), cut);
            TokenStoreException e = assertThrows(TokenStoreException.class, billing()::read, "cut at " + length);
            assertThat(e.reason()).as("cut at %d", length).isEqualTo(TokenStoreException.Reason.DAMAGED);
            assertThat(e.getMessage()).contains(file().toString(), "is damaged or was altered", "move it away");
            assertThrows(TokenStoreException.class, () -> billing().update(current -> StoreUpdate.keep()));
            assertThat(Files.readAllBytes(file())).isEqualTo(cut);
        }
    }

    @Test
    void aFileLargerThanAnyStoreIsNotRead() throws Exception {
        Files.write(file(), new byte[TokenStore.MAX_FILE_BYTES + 1]);
        TokenStoreException e = assertThrows(TokenStoreException.class, billing()::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.FOREIGN);
        assertThat(e.getMessage()).contains("larger than 1024 KiB");
    }

    @Test
    void anotherClientsFileIsReportedByName() throws Exception {
        store("reports", file(), key).write(TokenRecord.of(ENDPOINT, refreshToken));

        TokenStoreException e = assertThrows(TokenStoreException.class, billing()::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.WRONG_CLIENT);
        assertThat(e.getMessage()).contains("holds the tokens of client 'reports', not of 'billing'",
                "its own file");
    }

    @Test
    void aDirectoryOrASymbolicLinkIsNotAStoreFile() throws Exception {
        Files.createDirectory(file());
        TokenStoreException directory = assertThrows(TokenStoreException.class, billing()::read);
        assertThat(directory.reason()).isEqualTo(TokenStoreException.Reason.UNREADABLE);
        assertThat(directory.getMessage()).contains("is a directory");
        Files.delete(file());

        Path real = dir.resolve("real.tokens");
        store("billing", real, key).write(TokenRecord.of(ENDPOINT, refreshToken));
        Files.createSymbolicLink(file(), real);
        TokenStoreException link = assertThrows(TokenStoreException.class, billing()::read);
        assertThat(link.getMessage()).contains("is a symbolic link");
        assertThat(Files.isSymbolicLink(file())).isTrue();
    }

    @Test
    void anUnreadableFileIsReportedWithTheFix() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file()), "not running as root, who reads any file");

        TokenStoreException e = assertThrows(TokenStoreException.class, billing()::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.UNREADABLE);
        assertThat(e.getMessage()).contains(file().toString(), "cannot be read (AccessDeniedException",
                "readable and writable by the application's user");
    }

    @Test
    void deleteRemovesEvenAFileTheStoreCannotOpen() throws Exception {
        Files.write(file(), "garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(billing().delete()).isTrue();
        assertThat(file()).doesNotExist();
        assertThat(billing().delete()).isFalse();
    }

    @Test
    void aRefresherThatDeletesRemovesTheRecord() throws Exception {
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));
        assertThat(billing().update(current -> StoreUpdate.delete())).isNull();
        assertThat(file()).doesNotExist();
        assertThat(billing().read()).isNull();
    }

    @Test
    void whatTheRefresherThrowsPassesThroughAndTheFileStaysAsItWas() throws Exception {
        billing().write(TokenRecord.of(ENDPOINT, refreshToken));
        byte[] before = Files.readAllBytes(file());
        IOException failure = new IOException("token endpoint down");

        IOException thrown = assertThrows(IOException.class, () -> billing().update(current -> {
            throw failure;
        }));
        assertThat(thrown).isSameAs(failure);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(billing().update(current -> StoreUpdate.keep()).refreshToken()).as("the lock was released")
                .isEqualTo(refreshToken);
    }

    @Test
    void theListenerLearnsEveryRecordReadOrWrittenBeforeItIsReturned() throws Exception {
        StoreFixture.RecordingListener listener = new StoreFixture.RecordingListener();
        TokenStore store = store("billing", new TokenStoreConfig(file(), key, null, false), listener);
        String rotated = token("rt-");

        store.write(TokenRecord.of(ENDPOINT, refreshToken));
        assertThat(listener.refreshTokens).containsExactly("billing:" + refreshToken);
        store.update(current -> {
            assertThat(listener.refreshTokens).as("told of the record before the refresher sees it")
                    .containsExactly("billing:" + refreshToken, "billing:" + refreshToken);
            return StoreUpdate.replace(TokenRecord.of(ENDPOINT, rotated));
        });
        assertThat(listener.refreshTokens).endsWith("billing:" + rotated);
    }

    @Test
    void aFailingListenerDoesNotCostTheRecord() throws Exception {
        TokenStore store = store("billing", new TokenStoreConfig(file(), key, null, false), (client, record) -> {
            throw new IllegalStateException("listener bug");
        });
        store.write(TokenRecord.of(ENDPOINT, refreshToken));
        assertThat(store.read().refreshToken()).isEqualTo(refreshToken);
    }

    @Test
    void toStringsShowFingerprintsAndOriginsOnly() throws Exception {
        String accessToken = token("at-");
        TokenStoreKey previous = StoreFixture.passphrase("file /run/secrets/old");
        TokenStore store = store("billing", new TokenStoreConfig(file(), key, previous, true), null);
        TokenRecord record = store.write(TokenRecord.of(ENDPOINT, refreshToken).withAccessToken(accessToken,
                NOW.plusSeconds(60)));

        String shown = store + " " + record + " " + new TokenStoreConfig(file(), key, previous, true) + " " + key
                + " " + previous + " " + StoreUpdate.replace(record);
        assertNoSecret(shown, refreshToken, accessToken, secretOf(key), secretOf(previous));
        assertThat(shown).contains(record.refreshTokenFingerprint(), "env var BILLING_STORE_KEY", "file /run/secrets/old");
    }

    static String[] filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
        }
    }
}
