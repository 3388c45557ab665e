package dev.oauthagent.agent.token.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that makes read, refresh and write one step for every JVM sharing a store: an exclusive lock on a
 * lock file next to the store ({@code <store>.lock}), taken with a bounded wait.
 *
 * <p>Why a separate lock file: the store itself is replaced by a rename on every write, so a lock on it would
 * lock a file that is no longer the store. The lock file stays (it is never deleted: deleting it while another
 * process waits on it would let two processes hold "the" lock on two different files). It is empty; the
 * operating system drops the lock when its process ends, so a crashed JVM leaves no stale lock.
 *
 * <p>Why a lock inside the JVM as well: file locks belong to the whole JVM. A second thread's {@code tryLock}
 * on the same file throws instead of waiting, and on some systems closing any channel of the file releases
 * every lock the JVM holds on it. So threads first take a lock per lock file inside the JVM, and only its
 * holder opens the lock file, locks it, and closes it.
 */
final class StoreLock implements AutoCloseable {
    private static final ConcurrentMap<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long MAX_PAUSE_MILLIS = 100;

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StoreLock(ReentrantLock inProcess, FileChannel channel, FileLock fileLock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits at most {@code waitNanos} for the store's lock, across threads and processes. */
    static StoreLock acquire(StoreFiles files, long waitNanos, StoreMessages messages) throws TokenStoreException {
        Path lockFile = files.lockFile();
        long start = System.nanoTime();
        ReentrantLock inProcess = inProcessLock(lockFile);
        try {
            if (!inProcess.tryLock(waitNanos, TimeUnit.NANOSECONDS)) {
                throw messages.busy(lockFile, TimeUnit.NANOSECONDS.toMillis(waitNanos));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw messages.interrupted(lockFile);
        }
        boolean locked = false;
        try {
            StoreLock lock = lockFile(files, start, waitNanos, inProcess, messages);
            locked = true;
            return lock;
        } finally {
            if (!locked) {
                inProcess.unlock();
            }
        }
    }

    private static StoreLock lockFile(StoreFiles files, long start, long waitNanos, ReentrantLock inProcess,
            StoreMessages messages) throws TokenStoreException {
        FileChannel channel = files.openLockFile();
        boolean locked = false;
        try {
            long pause = FIRST_PAUSE_MILLIS;
            while (true) {
                FileLock lock = tryLock(channel, files, messages);
                if (lock != null) {
                    locked = true;
                    return new StoreLock(inProcess, channel, lock);
                }
                long left = waitNanos - (System.nanoTime() - start);
                if (left <= 0) {
                    throw messages.busy(files.lockFile(), TimeUnit.NANOSECONDS.toMillis(waitNanos));
                }
                Thread.sleep(Math.min(pause, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw messages.interrupted(files.lockFile());
        } finally {
            if (!locked) {
                closeQuietly(channel);
            }
        }
    }

    /** The lock, or null when another process holds it. */
    private static FileLock tryLock(FileChannel channel, StoreFiles files, StoreMessages messages)
            throws TokenStoreException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds it through another name of the same file (a hard link): wait as for others
        } catch (IOException e) {
            throw messages.unwritable(e);
        }
    }

    /** One lock per lock file, by its absolute path; a JVM uses a handful of stores, so they are never dropped. */
    private static ReentrantLock inProcessLock(Path lockFile) {
        String key = lockFile.toAbsolutePath().normalize().toString();
        ReentrantLock lock = IN_PROCESS.get(key);
        if (lock == null) {
            ReentrantLock made = new ReentrantLock();
            lock = IN_PROCESS.putIfAbsent(key, made);
            if (lock == null) {
                lock = made;
            }
        }
        return lock;
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        } finally {
            closeQuietly(channel);
            inProcess.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel; nothing else to undo
        }
    }
}
