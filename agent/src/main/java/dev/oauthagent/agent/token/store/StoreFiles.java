package dev.oauthagent.agent.token.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The file operations of one store: read the file, replace it atomically, delete it, open its lock file, check
 * its directory.
 *
 * <p>Every file the store creates (the new version of the store, its lock file) is created owner-only (mode
 * 600) by the create call itself, never {@code chmod}-ed afterwards, so there is no moment at which another
 * user could open it. A file system without POSIX permissions cannot do that; the store then works with the
 * directory's defaults and {@link #ownerOnlyPossible()} is false, for the caller to warn.
 *
 * <p>A write never changes the store in place: the new content goes to a temporary file in the same
 * directory, is flushed to the disk, and is renamed over the store in one atomic step; readers (and a crash)
 * see the old file or the new one, never a mix. On failure the temporary file is deleted.
 */
final class StoreFiles {
    static final String LOCK_SUFFIX = ".lock";
    static final String TEMP_SUFFIX = ".tmp";

    private final Path path;
    private final Path directory;
    private final StoreMessages messages;
    private final boolean posix;

    StoreFiles(Path path, StoreMessages messages) {
        this.path = path;
        this.directory = path.toAbsolutePath().getParent();
        this.messages = messages;
        this.posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    Path path() {
        return path;
    }

    Path lockFile() {
        return directory.resolve(path.getFileName() + LOCK_SUFFIX);
    }

    boolean ownerOnlyPossible() {
        return posix;
    }

    /** The directory exists, is one, and no user but its owner (and group) may replace files in it. */
    void checkDirectory() throws TokenStoreException {
        if (!Files.exists(directory)) {
            throw messages.directoryMissing();
        }
        if (!Files.isDirectory(directory)) {
            throw messages.directoryNotADirectory();
        }
        if (posix) {
            try {
                if (Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw messages.directoryWritableByOthers();
                }
            } catch (IOException e) {
                throw messages.unreadable(e);
            }
        }
    }

    /**
     * The file's bytes, or null when there is no file. A symbolic link is refused rather than followed: the
     * next write would replace the link itself with a file, which is not what whoever made the link meant.
     */
    byte[] read(int maxBytes) throws TokenStoreException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw messages.unreadable(e);
        }
        if (attributes.isSymbolicLink()) {
            throw messages.notAFile("a symbolic link, which the store's next write would replace with a file");
        }
        if (attributes.isDirectory()) {
            throw messages.notAFile("a directory");
        }
        if (!attributes.isRegularFile()) {
            throw messages.notAFile("not a regular file (a FIFO, a device or a socket)");
        }
        if (attributes.size() > maxBytes) {
            throw messages.tooLarge(maxBytes);
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length > maxBytes) {
                throw messages.tooLarge(maxBytes);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            return null; // deleted since the check: as if it had not been there
        } catch (IOException e) {
            throw messages.unreadable(e);
        }
    }

    /** Replaces the file with {@code content} in one atomic step, leaving no temporary file behind. */
    void replace(byte[] content) throws TokenStoreException {
        Path temp;
        try {
            temp = Files.createTempFile(directory, "." + path.getFileName() + ".", TEMP_SUFFIX, ownerOnly());
        } catch (IOException e) {
            throw messages.unwritable(e);
        }
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (AtomicMoveNotSupportedException e) {
            throw messages.noAtomicReplace(e);
        } catch (IOException e) {
            throw messages.unwritable(e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
        syncDirectory();
    }

    /** @return whether there was a file */
    boolean delete() throws TokenStoreException {
        try {
            boolean deleted = Files.deleteIfExists(path);
            syncDirectory();
            return deleted;
        } catch (IOException e) {
            throw messages.unwritable(e);
        }
    }

    /** The lock file, created owner-only if missing. It is never deleted: see {@link StoreLock}. */
    FileChannel openLockFile() throws TokenStoreException {
        try {
            Set<OpenOption> options = new HashSet<>(Arrays.<OpenOption>asList(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            return FileChannel.open(lockFile(), options, ownerOnly());
        } catch (IOException e) {
            throw messages.unwritable(e);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
    }

    /**
     * Makes the rename itself durable: on Linux a crash right after it could otherwise bring back the old
     * file. Best effort: some systems cannot open a directory for this, and the rename has happened anyway.
     */
    private void syncDirectory() {
        if (!posix) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // the data is written and renamed; only its durability across a power cut is less certain
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // nothing more to do: the temporary file holds only ciphertext, and is owner-only
        }
    }
}
