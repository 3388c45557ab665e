package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The secrets of one client that could be loaded, whether or not the client runs: log scrubbing hides them
 * either way, since a client that does not run because of a typo in its hosts still has a real secret that the
 * application or a library may log. Any of them may be null. {@link #toString()} masks them.
 */
public final class ClientSecrets {
    private final String clientName;
    private final String clientId;
    private final Secret clientSecret;
    private final Secret truststorePassword;
    private final List<Secret> tokenStoreKeys;
    private final Secret proxyUser;
    private final Secret proxyPassword;
    private final List<Secret> tokenParams;
    private final Secret privateKeyPassword;

    ClientSecrets(String clientName, String clientId, Secret clientSecret, Secret truststorePassword,
            List<Secret> tokenStoreKeys) {
        this(clientName, clientId, clientSecret, truststorePassword, tokenStoreKeys, null, null,
                Collections.<Secret>emptyList(), null);
    }

    ClientSecrets(String clientName, String clientId, Secret clientSecret, Secret truststorePassword,
            List<Secret> tokenStoreKeys, Secret proxyUser, Secret proxyPassword, List<Secret> tokenParams,
            Secret privateKeyPassword) {
        this.clientName = clientName;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.truststorePassword = truststorePassword;
        this.tokenStoreKeys = Collections.unmodifiableList(new ArrayList<>(tokenStoreKeys));
        this.proxyUser = proxyUser;
        this.proxyPassword = proxyPassword;
        this.tokenParams = Collections.unmodifiableList(new ArrayList<>(tokenParams));
        this.privateKeyPassword = privateKeyPassword;
    }

    static ClientSecrets of(ClientConfig client) {
        List<Secret> storeKeys = new ArrayList<>();
        TokenStoreConfig store = client.tokenStore();
        if (store != null) {
            storeKeys.add(store.key().secret());
            if (store.previousKey() != null) {
                storeKeys.add(store.previousKey().secret());
            }
        }
        return new ClientSecrets(client.name(), client.clientId(), client.clientSecret(), client.truststorePassword(),
                storeKeys, client.proxyUser(), client.proxyPassword(),
                new ArrayList<>(client.tokenParams().values()),
                client.privateKey() == null ? null : client.privateKey().password());
    }

    public String clientName() { return clientName; }

    /** Not a secret, but part of the Basic header value that is one. */
    public String clientId() { return clientId; }

    public Secret clientSecret() { return clientSecret; }

    public Secret truststorePassword() { return truststorePassword; }

    /** The values of token-store-key and token-store-key-previous that could be read (see {@link TokenStoreKey}). */
    public List<Secret> tokenStoreKeys() { return tokenStoreKeys; }

    /** Not a secret alone, but part of the Proxy-Authorization value that is one; null without proxy credentials. */
    public Secret proxyUser() { return proxyUser; }

    public Secret proxyPassword() { return proxyPassword; }

    /** The values of token-params.*: vendor parameters may be keys. */
    public List<Secret> tokenParams() { return tokenParams; }

    /** The passphrase or keystore password of private-key; null without one. */
    public Secret privateKeyPassword() { return privateKeyPassword; }

    @Override
    public String toString() {
        return "ClientSecrets{" + clientName + ", clientSecret=" + clientSecret + ", truststorePassword="
                + truststorePassword + ", tokenStoreKeys=" + tokenStoreKeys + ", proxyPassword=" + proxyPassword
                + ", tokenParams=" + tokenParams + ", privateKeyPassword=" + privateKeyPassword + "}";
    }
}
