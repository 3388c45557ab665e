package dev.oauthagent.agent.token.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.cache.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client secret from a file, read again when the file changes; time moves by hand. */
class CurrentSecretTest {
    private static final String FIRST = "first-secret-value-1";
    private static final String SECOND = "second-secret-val-22"; // same length: size alone cannot tell them apart

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Ticker ticker = nanos::get;
    private final List<String> told = new ArrayList<>();
    private final SecretListener listener = (client, id, secret) -> told.add(client + "/" + id + "/" + secret.reveal());

    private CurrentSecret fromFile(Path file) throws IOException {
        return new CurrentSecret("billing", "billing-service", Secret.fromFile(read(file), file), ticker, listener);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
    }

    private void afterInterval() {
        nanos.addAndGet(CurrentSecret.CHECK_INTERVAL_NANOS);
    }

    @Test
    void aRewrittenFileIsReadAgainOnceTheIntervalHasPassedNotBefore() throws IOException {
        Path file = write(dir.resolve("secret"), FIRST + "\n");
        CurrentSecret secret = fromFile(file);
        assertThat(secret.get().reveal()).isEqualTo(FIRST);

        write(file, SECOND + "\n");
        nanos.addAndGet(CurrentSecret.CHECK_INTERVAL_NANOS - 1);
        assertThat(secret.get().reveal()).as("looked at less than an interval ago").isEqualTo(FIRST);

        nanos.addAndGet(1);
        assertThat(secret.get().reveal()).isEqualTo(SECOND);
        assertThat(secret.get().origin()).isEqualTo("file " + file);
        assertThat(told).containsExactly("billing/billing-service/" + SECOND);
    }

    @Test
    void aKubernetesSecretVolumeSwapOfItsDataLinkIsSeenWithSameSizeAndModificationTime() throws IOException {
        // The layout the kubelet writes: key -> ..data/key, ..data -> ..<timestamp>/, swapped by renaming a new link
        Path first = write(Files.createDirectory(dir.resolve("..2026_12_07_first")).resolve("client-secret"), FIRST);
        Files.setLastModifiedTime(first, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000)); // settled
        Files.createSymbolicLink(dir.resolve("..data"), Paths.get(first.getParent().getFileName().toString()));
        Path key = Files.createSymbolicLink(dir.resolve("client-secret"), Paths.get("..data", "client-secret"));
        CurrentSecret secret = fromFile(key);
        assertThat(secret.get().reveal()).isEqualTo(FIRST);

        Path second = write(Files.createDirectory(dir.resolve("..2026_12_07_second")).resolve("client-secret"), SECOND);
        Files.setLastModifiedTime(second, Files.getLastModifiedTime(first));
        Path newLink = Files.createSymbolicLink(dir.resolve("..data_tmp"),
                Paths.get(second.getParent().getFileName().toString()));
        Files.move(newLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(first);
        Files.delete(first.getParent());

        afterInterval();
        assertThat(secret.get().reveal()).isEqualTo(SECOND);
        assertThat(secret.get().origin()).isEqualTo("file " + key);
    }

    @Test
    void anUnchangedStampDoesNotReadTheFile() throws IOException {
        Path file = write(dir.resolve("secret"), FIRST);
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(file, anHourAgo);
        CurrentSecret secret = fromFile(file);
        assertThat(secret.get().reveal()).isEqualTo(FIRST); // the first request reads it, and stamps it
        write(file, SECOND); // same inode, same size
        Files.setLastModifiedTime(file, anHourAgo);

        afterInterval();
        assertThat(secret.get().reveal()).as("same stamp, so the file was not opened").isEqualTo(FIRST);
    }

    @Test
    void aFileJustWrittenIsReadAgainAtTheNextLookEvenWithTheSameStamp() throws IOException {
        Path file = write(dir.resolve("secret"), FIRST);
        FileTime justNow = Files.getLastModifiedTime(file);
        CurrentSecret secret = fromFile(file);
        assertThat(secret.get().reveal()).isEqualTo(FIRST);
        write(file, SECOND); // within the file system's timestamp tick: the stamp may not change
        Files.setLastModifiedTime(file, justNow);

        afterInterval();
        assertThat(secret.get().reveal()).isEqualTo(SECOND);
    }

    @Test
    void aMissingOrEmptyFileKeepsTheValueReadBefore() throws IOException {
        Path file = write(dir.resolve("secret"), FIRST);
        CurrentSecret secret = fromFile(file);
        assertThat(secret.get().reveal()).isEqualTo(FIRST);

        write(file, ""); // a writer that truncates before it writes
        afterInterval();
        assertThat(secret.get().reveal()).isEqualTo(FIRST);
        Files.delete(file);
        afterInterval();
        assertThat(secret.get().reveal()).isEqualTo(FIRST);

        write(file, SECOND);
        afterInterval();
        assertThat(secret.get().reveal()).isEqualTo(SECOND);
        assertThat(told).containsExactly("billing/billing-service/" + SECOND);
    }

    @Test
    void changedOnRereadLooksAtOnceAndSaysWhetherTheValueChanged() throws IOException {
        Path file = write(dir.resolve("secret"), FIRST);
        CurrentSecret secret = fromFile(file);
        assertThat(secret.get().reveal()).isEqualTo(FIRST);

        assertThat(secret.changedOnReread()).as("nothing changed").isFalse();
        write(file, SECOND);
        assertThat(secret.changedOnReread()).as("no interval needed, same size and maybe same time").isTrue();
        assertThat(secret.get().reveal()).isEqualTo(SECOND);
        assertThat(secret.changedOnReread()).isFalse();
    }

    @Test
    void aSecretNotFromAFileNeverChanges() {
        CurrentSecret secret = new CurrentSecret("billing", "id", Secret.of(FIRST, "env var X"), ticker, listener);
        afterInterval();
        assertThat(secret.get().reveal()).isEqualTo(FIRST);
        assertThat(secret.changedOnReread()).isFalse();
        assertThat(secret.toString()).doesNotContain(FIRST);
    }

    private static Path write(Path file, String content) throws IOException {
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
