package dev.oauthagent.agent.token.auth.key;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A private key as loaded, and the certificate chain its keystore entry holds (empty for a PEM key). */
public final class KeyEntry {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    KeyEntry(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
    }

    public PrivateKey key() { return key; }

    /** The entry's own certificate first; empty when the file holds none. */
    public List<X509Certificate> chain() { return chain; }

    @Override
    public String toString() {
        return "KeyEntry{" + key.getAlgorithm() + " key, " + chain.size() + " certificates}";
    }
}
