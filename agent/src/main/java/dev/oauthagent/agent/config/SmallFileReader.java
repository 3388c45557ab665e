package dev.oauthagent.agent.config;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a small regular file for premain, where nothing may stall or exhaust the application's start: a FIFO
 * nothing writes to would block {@code open} for ever, a device ({@code /dev/zero}, {@code /dev/urandom})
 * never ends, and a huge file would fill the heap. So the file must be a regular file once symbolic links are
 * followed (checked with its attributes, which never opens it), it is read up to a cap (a file may grow, and
 * {@code /proc} files report size 0), and the read runs on a daemon thread that is abandoned when it takes
 * longer than a timeout: the attribute check cannot guard against a stale network mount, nor against a file
 * swapped for a FIFO between the check and the open.
 */
final class SmallFileReader {
    /** How long premain waits for one file; a local regular file takes microseconds. */
    static final long TIMEOUT_MILLIS = 5000;

    private final long maxBytes;
    private final long timeoutMillis;

    SmallFileReader(long maxBytes, long timeoutMillis) {
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeoutMillis;
    }

    /** Why a file was not read; {@link #getMessage()} completes "the file ..." and names the fix. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * The file's bytes.
     *
     * @throws Refused not a regular file, larger than the cap, or not read in time
     * @throws NoSuchFileException missing
     * @throws AccessDeniedException not readable by this JVM's user
     * @throws IOException another failure
     */
    byte[] read(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class); // follows links
        if (attributes.isDirectory()) {
            throw new Refused("is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file (a FIFO, a device or a socket, which could block or never "
                    + "end)");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge();
        }
        return readWithin(path);
    }

    /** Reads without the attribute check, bounded in size and time; package-private for the timeout's test. */
    byte[] readWithin(Path path) throws IOException {
        Read read = new Read(path, maxBytes);
        Thread reader = new Thread(read, "oauth-agent-file-read");
        reader.setDaemon(true); // a read that never returns must not keep the JVM alive
        reader.start();
        try {
            reader.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("could not be read: the JVM's start was interrupted");
        }
        if (reader.isAlive()) {
            throw new Refused("could not be read within " + timeoutMillis + " ms (a stale network mount, or a "
                    + "FIFO nothing writes to)");
        }
        // join() makes the finished thread's writes visible here.
        if (read.failure != null) {
            throw read.failure;
        }
        if (read.tooLarge) {
            throw tooLarge();
        }
        return read.bytes;
    }

    private Refused tooLarge() {
        return new Refused("is larger than " + describeSize(maxBytes));
    }

    static String describeSize(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    /** A class, not a lambda: this runs in premain (see PremainPathBytecodeTest). */
    private static final class Read implements Runnable {
        private final Path path;
        private final long maxBytes;
        byte[] bytes;
        boolean tooLarge;
        IOException failure;

        Read(Path path, long maxBytes) {
            this.path = path;
            this.maxBytes = maxBytes;
        }

        @Override
        public void run() {
            // java.io rather than Files.newInputStream, whose channel classes would load in premain.
            try (InputStream in = new FileInputStream(path.toFile())) {
                byte[] buffer = new byte[(int) Math.min(maxBytes + 1, 8192)];
                int length = 0;
                int n;
                while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                    length += n;
                    if (length > maxBytes) {
                        tooLarge = true;
                        return;
                    }
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, buffer.length * 2L));
                    }
                }
                bytes = Arrays.copyOf(buffer, length);
            } catch (FileNotFoundException e) {
                // java.io's one exception for "missing" and "permission denied"
                failure = Files.exists(path) && !Files.isReadable(path)
                        ? new AccessDeniedException(path.toString()) : new NoSuchFileException(path.toString());
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException(e.getClass().getSimpleName(), e);
            }
        }
    }
}
