package dev.oauthagent.agent.token.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An authorization server's view of single-use refresh tokens, shared by processes through a directory: spending
 * a token creates a file named by its hash, which fails if the token was spent before. Creating a file that must
 * not exist is atomic across processes, so a double spend is caught whoever commits it.
 */
final class SpendingServer {
    private final Path spentDir;

    SpendingServer(Path spentDir) {
        this.spentDir = spentDir;
    }

    /** Spends {@code refreshToken} and returns its successor. */
    String spend(String refreshToken) throws DoubleSpendException, IOException {
        try {
            Files.createFile(spentDir.resolve(hash(refreshToken)));
        } catch (FileAlreadyExistsException e) {
            throw new DoubleSpendException();
        }
        return StoreFixture.token("rt-");
    }

    boolean isSpent(String refreshToken) {
        return Files.exists(spentDir.resolve(hash(refreshToken)));
    }

    long spentCount() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(spentDir)) {
            return files.count();
        }
    }

    private static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refresh token was presented a second time: what the store's lock exists to prevent. */
    static final class DoubleSpendException extends Exception {
        private static final long serialVersionUID = 1L;

        DoubleSpendException() {
            super("a refresh token was spent twice");
        }
    }
}
