package dev.oauthagent.agent.token.store;

import static dev.oauthagent.agent.token.store.StoreFixture.ENDPOINT;
import static dev.oauthagent.agent.token.store.StoreFixture.randomKey;
import static dev.oauthagent.agent.token.store.StoreFixture.store;
import static dev.oauthagent.agent.token.store.StoreFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's directory (and key) are checked before use, and a write that fails leaves neither a temporary file nor a change. */
class StoreDirectoryTest {
    @TempDir
    Path dir;

    private final TokenStoreKey key = randomKey("env var KEY");

    @Test
    void aMissingDirectoryIsReportedWithTheCommandThatCreatesIt() {
        Path file = dir.resolve("missing").resolve("billing.tokens");
        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> store("billing", file, key).write(TokenRecord.of(ENDPOINT, token("rt-"))));
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.UNSAFE_DIRECTORY);
        assertThat(e.getMessage()).contains("its directory " + file.getParent() + " does not exist",
                "mkdir -m 700 " + file.getParent());
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsReported() throws Exception {
        Path notADirectory = Files.createFile(dir.resolve("plain-file"));
        Path file = notADirectory.resolve("billing.tokens");
        TokenStoreException e = assertThrows(TokenStoreException.class, store("billing", file, key)::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.UNSAFE_DIRECTORY);
        assertThat(e.getMessage()).contains(notADirectory + " is not a directory",
                "oauth.agent.clients.billing.token-store");
    }

    @Test
    void aStoreNeedsAKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TokenStoreConfig(dir.resolve("billing.tokens"), null, null, false));
        assertThat(e.getMessage()).isEqualTo("a token store needs a path and a key");
    }

    @Test
    void aDirectoryEveryUserMayWriteIsRefused() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = shared.resolve("billing.tokens");

        TokenStoreException e = assertThrows(TokenStoreException.class, store("billing", file, key)::read);
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.UNSAFE_DIRECTORY);
        assertThat(e.getMessage()).contains("is writable by every user", "chmod 700 " + shared);
        assertThat(shared.resolve("billing.tokens.lock")).doesNotExist();
    }

    @Test
    void aFailedReplaceLeavesNoTemporaryFileAndNamesTheFile() throws Exception {
        // A non-empty directory where the store should be: the rename onto it fails after the temporary file
        // was written and flushed.
        Path file = dir.resolve("billing.tokens");
        Files.createDirectories(file.resolve("occupied"));
        StoreFiles files = new StoreFiles(file,
                new StoreMessages("billing", new TokenStoreConfig(file, key, null, false)));

        TokenStoreException e = assertThrows(TokenStoreException.class, () -> files.replace(new byte[] {1, 2, 3}));
        assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.UNWRITABLE);
        assertThat(e.getMessage()).contains("token store " + file, "cannot be written", "the file is unchanged");
        assertThat(TokenStoreTest.filesIn(dir)).containsExactly("billing.tokens");
        assertThat(TokenStoreTest.filesIn(file)).containsExactly("occupied");
    }

    @Test
    void aFailedTemporaryFileLeavesTheStoreAsItWas() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("billing.tokens");
        TokenStore store = store("billing", file, key);
        String stored = token("rt-");
        store.write(TokenRecord.of(ENDPOINT, stored));
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(dir), "not running as root, who writes anywhere");
            TokenStoreException e = assertThrows(TokenStoreException.class,
                    () -> store.write(TokenRecord.of(ENDPOINT, token("rt-"))));
            assertThat(e.reason()).isEqualTo(TokenStoreException.Reason.UNWRITABLE);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(TokenStoreTest.filesIn(dir)).containsExactlyInAnyOrder("billing.tokens", "billing.tokens.lock");
    }
}
