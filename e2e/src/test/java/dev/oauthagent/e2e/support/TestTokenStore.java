package dev.oauthagent.e2e.support;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.store.TokenStore;
import dev.oauthagent.agent.token.store.TokenStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * A client's encrypted token store in a test's folder, with a fresh random key: the agent in a child JVM reads
 * the key from the environment variable {@link #KEY_ENV}, and the test opens the same file in-process with the
 * agent's own {@link TokenStore}, to seed a refresh token or to learn which one a child stored (without printing
 * it: {@link TokenRecord#toString()} shows fingerprints only).
 */
public final class TestTokenStore {
    /** The environment variable the configuration's {@code token-store-key} names. */
    public static final String KEY_ENV = "E2E_TOKEN_STORE_KEY";

    private final String clientName;
    private final Path path;
    private final byte[] key = new byte[TokenStoreKey.KEY_BYTES];

    private TestTokenStore(String clientName, Path path) {
        this.clientName = clientName;
        this.path = path;
        new SecureRandom().nextBytes(key);
    }

    /** The store of client {@code clientName}, {@code dir/<clientName>.tokens} (not created yet). */
    public static TestTokenStore in(Path dir, String clientName) {
        return new TestTokenStore(clientName, dir.resolve(clientName + ".tokens").toAbsolutePath());
    }

    public Path path() {
        return path;
    }

    /** The value for {@link #KEY_ENV}: the key in base64, as {@code openssl rand -base64 32} makes one. */
    public String keyBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** The client's {@code token-store} and {@code token-store-key} lines, each ending in a newline. */
    public String configLines() {
        String prefix = "oauth.agent.clients." + clientName + ".";
        return prefix + "token-store=" + path + "\n" + prefix + "token-store-key=${env:" + KEY_ENV + "}\n";
    }

    /** What the store holds now, or null when there is no file. */
    public TokenRecord read() {
        try {
            return store().read();
        } catch (TokenStoreException e) {
            throw new IllegalStateException(e.getMessage(), e); // says what is wrong with the file, never its content
        }
    }

    /** Writes {@code record}, access token included if it has one, as a {@code login} would. */
    public void write(TokenRecord record) {
        try {
            store().write(record);
        } catch (TokenStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public boolean exists() {
        return Files.exists(path);
    }

    public Set<PosixFilePermission> permissions() {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + path, e);
        }
    }

    /** Keeps the access token too, so a seeded one reaches the child; reading is the same either way. */
    private TokenStore store() {
        TokenStoreConfig config = new TokenStoreConfig(path, TokenStoreKey.ofRawKey(key, "env var " + KEY_ENV), null,
                true);
        return TokenStore.open(clientName, config, Duration.ofSeconds(30), null);
    }

    @Override
    public String toString() {
        return "TestTokenStore[" + clientName + " at " + path + "]";
    }
}
