package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ${file:}} secret (and the properties file) is read in premain: whatever the path points at, loading
 * must come back (with a problem naming the key, the path and why) instead of blocking or exhausting the
 * application's start.
 */
class FileReferenceLimitsTest {
    /** Generous: a fixed loader answers at once; this only turns a hang into a failure. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final String KEY = "clients.billing.client-secret";

    @TempDir
    Path dir;

    private final List<Path> fifos = new ArrayList<>();

    @AfterEach
    void releaseBlockedReaders() throws IOException {
        for (Path fifo : fifos) {
            // Opening a FIFO read-write never blocks (Linux) and releases a reader stuck in open(); closing it
            // again gives that reader end-of-file, so no thread of this JVM stays blocked after the test.
            new RandomAccessFile(fifo.toFile(), "rw").close();
        }
    }

    @Test
    void aFifoNothingWritesToIsRefusedWithoutBlocking() throws Exception {
        Path fifo = fifo("secret-pipe");

        String message = assertTimeoutPreemptively(HANG_GUARD, () -> messageFor(fifo));

        assertThat(message).contains("file " + fifo, "is not a regular file", "FIFO");
    }

    @Test
    void aDeviceThatNeverEndsIsRefused() {
        Path zero = Paths.get("/dev/zero");
        assumeTrue(Files.exists(zero), "needs /dev/zero");

        String message = assertTimeoutPreemptively(HANG_GUARD, () -> messageFor(zero));

        assertThat(message).contains("file /dev/zero", "is not a regular file");
    }

    @Test
    void aFileOverTheCapIsRefusedNamingTheCap() throws IOException {
        byte[] big = new byte[(int) SecretReferences.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) 'x');
        Path file = Files.write(dir.resolve("huge"), big);

        assertThat(messageFor(file)).contains("file " + file, "is larger than 64 KiB");
    }

    @Test
    void aFileOfExactlyTheCapIsRead() throws Exception {
        byte[] content = new byte[(int) SecretReferences.MAX_FILE_BYTES];
        Arrays.fill(content, (byte) 'x');
        Path file = Files.write(dir.resolve("just-fits"), content);

        ClientConfig client = secretFrom(file).load().config().client("billing");

        assertThat(client.clientSecret().reveal()).hasSize(content.length);
    }

    @Test
    void aSymbolicLinkToARegularFileIsFollowed() throws Exception {
        Path target = Files.write(dir.resolve("real-secret"),
                (ConfigInput.SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        Path link = Files.createSymbolicLink(dir.resolve("link-to-secret"), target);

        ClientConfig client = secretFrom(link).load().config().client("billing");

        assertThat(client.clientSecret().reveal()).isEqualTo(ConfigInput.SECRET);
        assertThat(client.clientSecret().origin()).isEqualTo("file " + link);
    }

    @Test
    void aSymbolicLinkToAFifoIsRefusedLikeTheFifo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link-to-pipe"), fifo("pipe-behind-link"));

        String message = assertTimeoutPreemptively(HANG_GUARD, () -> messageFor(link));

        assertThat(message).contains("file " + link, "is not a regular file");
    }

    @Test
    void aPropertiesFileThatIsAFifoIsRefusedWithoutBlocking() throws Exception {
        // The configuration file is read in premain too, with the same reader.
        Path fifo = fifo("agent.properties");

        String message = assertTimeoutPreemptively(HANG_GUARD,
                () -> ConfigInput.empty().args("config=" + fifo).messageOf("oauth.agent.config"));

        assertThat(message).contains("properties file " + fifo, "is not a regular file", "agent argument config");
    }

    @Test
    void aReadThatDoesNotFinishInTimeIsAbandoned() throws Exception {
        // Past the attribute check, e.g. a file swapped for a FIFO after it: the read itself is bounded in time.
        Path fifo = fifo("late-pipe");
        SmallFileReader reader = new SmallFileReader(1024, 100);

        SmallFileReader.Refused refused = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(SmallFileReader.Refused.class, () -> reader.readWithin(fifo)));

        assertThat(refused.getMessage()).contains("could not be read within 100 ms");
    }

    @Test
    void aFileThatOutgrowsItsAttributesIsCutAtTheCap() throws IOException {
        // Past the attribute check the size is counted while reading, as /proc files report size 0.
        Path file = Files.write(dir.resolve("grown"), new byte[2049]);
        SmallFileReader reader = new SmallFileReader(2048, SmallFileReader.TIMEOUT_MILLIS);

        SmallFileReader.Refused refused = assertThrows(SmallFileReader.Refused.class, () -> reader.readWithin(file));

        assertThat(refused.getMessage()).isEqualTo("is larger than 2 KiB");
    }

    private String messageFor(Path file) {
        return secretFrom(file).messageOf(KEY);
    }

    private static ConfigInput secretFrom(Path file) {
        return ConfigInput.withValidClient("billing").sys(KEY, "${file:" + file + "}");
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "needs mkfifo: " + e.getMessage());
            throw e;
        }
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).as("mkfifo finished").isTrue();
        assumeTrue(mkfifo.exitValue() == 0, "mkfifo failed");
        fifos.add(fifo);
        return fifo;
    }
}
