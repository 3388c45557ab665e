package dev.oauthagent.agent.config;

import java.nio.file.Path;

/**
 * Where a client's private key is: a PEM or keystore file, the password that opens it (a passphrase or the
 * keystore's password; null for a plain PEM) and, for a keystore, the entry's alias (null: its only key). Checked
 * at start by loading the key once; the key itself is not kept here, so that it is read again when the file changes.
 */
public final class PrivateKeyConfig {
    private final Path path;
    private final Secret password;
    private final String alias;

    public PrivateKeyConfig(Path path, Secret password, String alias) {
        this.path = path;
        this.password = password;
        this.alias = alias;
    }

    public Path path() { return path; }
    /** Null when the key is a plain PEM. */
    public Secret password() { return password; }
    /** Null: the keystore's only key, or a PEM. */
    public String alias() { return alias; }

    /** The password as the key loaders take it; null without one. */
    public char[] passwordChars() {
        return password == null ? null : password.reveal().toCharArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PrivateKeyConfig)) {
            return false;
        }
        PrivateKeyConfig other = (PrivateKeyConfig) o;
        return path.equals(other.path) && (password == null ? other.password == null : password.equals(other.password))
                && (alias == null ? other.alias == null : alias.equals(other.alias));
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path + (alias == null ? "" : " (alias " + alias + ")") + (password == null ? "" : ", password "
                + password);
    }
}
