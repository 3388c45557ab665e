package dev.oauthagent.agent.config;

import java.nio.file.Path;

/**
 * Where and how one client keeps its refresh token between runs: the file, the key it is encrypted with, the
 * key it may still be encrypted with after a key change, and whether the access token is kept too. Immutable;
 * {@link #toString()} masks the keys.
 */
public final class TokenStoreConfig {
    private final Path path;
    private final TokenStoreKey key;
    private final TokenStoreKey previousKey;
    private final boolean keepAccessToken;

    /**
     * @param previousKey null when there was no key change
     * @param keepAccessToken also store the access token and its expiry (default: the refresh token only)
     */
    public TokenStoreConfig(Path path, TokenStoreKey key, TokenStoreKey previousKey, boolean keepAccessToken) {
        if (path == null || key == null) {
            throw new IllegalArgumentException("a token store needs a path and a key");
        }
        this.path = path;
        this.key = key;
        this.previousKey = previousKey;
        this.keepAccessToken = keepAccessToken;
    }

    /** Absolute. */
    public Path path() { return path; }

    public TokenStoreKey key() { return key; }

    /** Null when none is configured. */
    public TokenStoreKey previousKey() { return previousKey; }

    public boolean keepAccessToken() { return keepAccessToken; }

    @Override
    public String toString() {
        return "TokenStoreConfig{path=" + path + ", key=" + key + ", previousKey=" + previousKey
                + ", keepAccessToken=" + keepAccessToken + "}";
    }
}
