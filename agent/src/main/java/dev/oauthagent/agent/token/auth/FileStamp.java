package dev.oauthagent.agent.token.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What tells a file's content changed without reading it: the file that the path resolves to (a Kubernetes secret
 * volume swaps the {@code ..data} symbolic link to a new directory, so the path stays and the file behind it is a
 * new one, often with the same size and modification time), its file key (device and inode where the platform has
 * one), size and modification time. A few system calls, no open.
 */
public final class FileStamp {
    /** Far more than any file system's timestamp granularity. */
    static final long SETTLED_MILLIS = 2000;

    private final String realPath;
    private final Object fileKey;
    private final long size;
    private final long modifiedMillis;

    private FileStamp(String realPath, Object fileKey, long size, long modifiedMillis) {
        this.realPath = realPath;
        this.fileKey = fileKey;
        this.size = size;
        this.modifiedMillis = modifiedMillis;
    }

    /**
     * The file was last modified long enough ago that a change now would show in its modification time: file
     * systems stamp writes with a coarse clock (milliseconds, or the kernel's tick), so a same-size rewrite soon
     * after the last one may keep every part of the stamp.
     */
    public boolean isSettled() {
        return Math.abs(System.currentTimeMillis() - modifiedMillis) > SETTLED_MILLIS;
    }

    /** Null when the file cannot be looked at (missing for a moment during a swap, no permission). */
    public static FileStamp of(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class); // follows links
            return new FileStamp(path.toRealPath().toString(), attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileStamp)) {
            return false;
        }
        FileStamp other = (FileStamp) o;
        return realPath.equals(other.realPath) && (fileKey == null ? other.fileKey == null : fileKey.equals(other.fileKey))
                && size == other.size && modifiedMillis == other.modifiedMillis;
    }

    @Override
    public int hashCode() {
        return realPath.hashCode();
    }

    @Override
    public String toString() {
        return "FileStamp{" + realPath + ", " + fileKey + ", " + size + " bytes, modified " + modifiedMillis + "}";
    }
}
