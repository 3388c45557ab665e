package dev.oauthagent.agent.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch thread's look at a secret's file: a change asks the client for a token at once, nothing else does. */
class SecretFileWatchTest {
    @TempDir
    Path dir;

    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void aKubernetesDataLinkSwapAsksForATokenOnceAndAMomentarilyMissingFileDoesNot() throws IOException {
        Path first = Files.createDirectory(dir.resolve("..first"));
        Files.write(first.resolve("client-secret"), "value-one".getBytes(StandardCharsets.UTF_8));
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(first.resolve("client-secret"), anHourAgo);
        Files.createSymbolicLink(dir.resolve("..data"), Paths.get("..first"));
        Path key = Files.createSymbolicLink(dir.resolve("client-secret"), Paths.get("..data", "client-secret"));
        SecretFileWatch watch = new SecretFileWatch(key, asked::incrementAndGet);

        watch.run();
        assertThat(asked).as("unchanged").hasValue(0);

        Files.delete(dir.resolve("..data")); // mid-swap: the link is gone for a moment
        watch.run();
        assertThat(asked).hasValue(0);

        Path second = Files.createDirectory(dir.resolve("..second"));
        Files.write(second.resolve("client-secret"), "value-two".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(second.resolve("client-secret"), anHourAgo); // same size and time: only the file differs
        Path link = Files.createSymbolicLink(dir.resolve("..data_tmp"), Paths.get("..second"));
        Files.move(link, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        watch.run();
        watch.run();
        assertThat(asked).as("once per change").hasValue(1);
    }
}
