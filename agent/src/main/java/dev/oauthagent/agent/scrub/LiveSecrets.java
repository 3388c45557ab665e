package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientSecrets;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.config.TokenStoreKey;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenListener;
import dev.oauthagent.agent.token.store.StoredTokenListener;
import dev.oauthagent.agent.token.store.TokenRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The secrets the agent holds right now, compiled for the redactor: the configured ones (client secrets,
 * their Basic header values, trust store passwords, also of clients that do not run because of a configuration
 * problem, and {@code scrub.values}) for the life of the JVM, and each
 * access token, with the refresh token and ID token the server returned alongside it, from the moment it is
 * fetched until its lifetime plus {@link #GRACE} has passed (an application may log a token it read a while
 * ago). The tokens read from or written to a token store ({@link #storedTokens}) stay scrubbed for the life of
 * the JVM, the last {@link #MAX_STORED_PER_CLIENT} per client: a refresh token lives for days, and one read from
 * the store was never in a token response this JVM saw. A client secret read again from its file with a new value
 * ({@link #secretRead}) joins them for the life of the JVM, the last {@link #MAX_ROTATED_PER_CLIENT} per client; the
 * value configured at start stays too: a request sent with an old secret may still be logged. Every change compiles a new {@link SecretSet} off the
 * logging path, on the token cache's thread, and publishes it with one volatile write.
 */
public final class LiveSecrets implements SecretSource, TokenListener, StoredTokenListener, SecretListener {
    /** How long a token stays scrubbed after it expired. */
    static final long GRACE = TimeUnit.MINUTES.toNanos(5);
    /**
     * Tokens per client, each counted once with the refresh and ID token that came with it; a server that hands
     * out long-lived tokens at a high rate must not grow the set without end.
     */
    static final int MAX_TOKENS_PER_CLIENT = 8;
    /** Stored records per client whose tokens stay scrubbed: the current one and those it rotated out. */
    static final int MAX_STORED_PER_CLIENT = 4;
    /** New values of a client's secret kept scrubbed, besides the one it started with. */
    static final int MAX_ROTATED_PER_CLIENT = 4;

    /** Configured values shorter than this are not scrubbed (and start-up warns about them). */
    public static final int MIN_SCRUBBED_LENGTH = SecretSet.MIN_LENGTH;

    private final List<String> fixed;
    private final Ticker ticker;
    private final Object lock = new Object();
    /** Guarded by lock, oldest first. */
    private final List<LiveToken> tokens = new ArrayList<>();
    /** Guarded by lock: per client, the tokens of its stored records, oldest first. */
    private final Map<String, LinkedList<String[]>> stored = new HashMap<>();
    /** Guarded by lock: per client, the values of its secret read again from a file, oldest first. */
    private final Map<String, LinkedList<String[]>> rotated = new HashMap<>();
    private volatile SecretSet current;
    /** Guarded by lock; null until the logging hooks connect. */
    private Listener listener;

    /** Told of every new set, in order, before the change that made it returns. */
    interface Listener {
        void changed(SecretSet set);
    }

    LiveSecrets(List<String> fixed, Ticker ticker) {
        this.fixed = Collections.unmodifiableList(new ArrayList<>(fixed));
        this.ticker = ticker;
        this.current = SecretSet.of(this.fixed);
    }

    /** The configured secrets of {@code config}; tokens arrive through {@link #tokenObtained}. */
    public static LiveSecrets fromConfig(AgentConfig config) {
        return new LiveSecrets(configuredSecrets(config), Ticker.system());
    }

    /** A fixed set of values and no tokens yet (benchmarks, tools). */
    public static LiveSecrets of(List<String> values) {
        return new LiveSecrets(values, Ticker.system());
    }

    static List<String> configuredSecrets(AgentConfig config) {
        List<String> values = new ArrayList<>();
        for (ClientSecrets client : config.clientSecrets()) {
            Secret secret = client.clientSecret();
            if (secret != null && !secret.isEmpty()) {
                values.add(secret.reveal());
                if (client.clientId() != null) {
                    values.addAll(SecretForms.basicCredentials(client.clientId(), secret.reveal()));
                }
            }
            Secret truststorePassword = client.truststorePassword();
            if (truststorePassword != null && !truststorePassword.isEmpty()) {
                values.add(truststorePassword.reveal());
            }
            Secret proxyPassword = client.proxyPassword();
            if (proxyPassword != null && !proxyPassword.isEmpty()) {
                values.add(proxyPassword.reveal());
                if (client.proxyUser() != null) {
                    values.addAll(SecretForms.basicCredentials(client.proxyUser().reveal(), proxyPassword.reveal()));
                }
            }
            Secret keyPassword = client.privateKeyPassword();
            if (keyPassword != null && !keyPassword.isEmpty()) {
                values.add(keyPassword.reveal());
            }
            for (Secret param : client.tokenParams()) {
                values.add(param.reveal());
            }
            for (Secret storeKey : client.tokenStoreKeys()) {
                values.add(storeKey.reveal());
                String passphrase = TokenStoreKey.passphraseOf(storeKey);
                if (passphrase != null) {
                    values.add(passphrase); // as a tool may print it: without the "passphrase:" marker
                }
            }
        }
        for (Secret value : config.scrub().values()) {
            values.add(value.reveal());
        }
        return values;
    }

    /**
     * The configured secrets too short to be scrubbed (see {@link SecretSet#MIN_LENGTH}), by origin, so that
     * start-up can warn about them.
     */
    public static List<String> unscrubbableOrigins(AgentConfig config) {
        List<String> origins = new ArrayList<>();
        for (ClientSecrets client : config.clientSecrets()) {
            addIfShort(origins, client.clientSecret(), "the client secret of client '" + client.clientName() + "'");
            addIfShort(origins, client.truststorePassword(),
                    "the trust store password of client '" + client.clientName() + "'");
        }
        for (Secret value : config.scrub().values()) {
            addIfShort(origins, value, "a value of oauth.agent.scrub.values");
        }
        return origins;
    }

    private static void addIfShort(List<String> origins, Secret secret, String what) {
        if (secret != null && !secret.isEmpty() && !SecretSet.isScrubbable(secret.reveal())) {
            origins.add(what + " (from " + secret.origin() + ")");
        }
    }

    @Override
    public SecretSet current() {
        return current;
    }

    /**
     * Hands {@code listener} the current set now and every later one as it is made, under the same lock that
     * makes it: a token's set reaches the listener before {@link #tokenObtained} returns, so before the token
     * cache hands the token to anyone who could log it. One listener (the logging hooks); a second replaces it.
     */
    void onChange(Listener listener) {
        synchronized (lock) {
            this.listener = listener;
            listener.changed(current);
        }
    }

    @Override
    public void tokenObtained(String clientName, AccessToken token) {
        long now = ticker.read();
        synchronized (lock) {
            dropExpired(now);
            if (countOf(clientName) >= MAX_TOKENS_PER_CLIENT) {
                removeOldest(clientName);
            }
            long until = now + TimeUnit.SECONDS.toNanos(token.lifetimeSeconds()) + GRACE;
            // The refresh and ID token share the access token's deadline. The agent never sends them (it fetches
            // a new token with client credentials), so only the response they came in and whatever the
            // application or a library logged about it can hold them: the same window as the access token's.
            tokens.add(new LiveToken(clientName, valuesOf(token), until));
            rebuild();
        }
    }

    private static String[] valuesOf(AccessToken token) {
        List<String> values = new ArrayList<>(3);
        values.add(token.value());
        if (token.refreshToken() != null) {
            values.add(token.refreshToken());
        }
        if (token.idToken() != null) {
            values.add(token.idToken());
        }
        return values.toArray(new String[0]);
    }

    /**
     * Keeps the tokens of a record the token store read or wrote. Reads repeat the newest record most of the
     * time, so that one is not compiled again.
     */
    @Override
    public void storedTokens(String clientName, TokenRecord record) {
        String[] values = record.accessToken() == null ? new String[] {record.refreshToken()}
                : new String[] {record.refreshToken(), record.accessToken()};
        synchronized (lock) {
            if (keepLast(stored, clientName, values, MAX_STORED_PER_CLIENT)) {
                rebuild();
            }
        }
    }

    /** A rotated client secret, with its Basic header values: scrubbed before the first request sends it. */
    @Override
    public void secretRead(String clientName, String clientId, Secret secret) {
        List<String> values = new ArrayList<>();
        values.add(secret.reveal());
        if (clientId != null) {
            values.addAll(SecretForms.basicCredentials(clientId, secret.reveal()));
        }
        synchronized (lock) {
            if (keepLast(rotated, clientName, values.toArray(new String[0]), MAX_ROTATED_PER_CLIENT)) {
                rebuild();
            }
        }
    }

    /**
     * A client assertion, scrubbed from before it is sent until it expires: a bearer credential for that long. Kept
     * apart from the client's tokens, so that assertions never push a live token out of the set.
     */
    @Override
    public void assertionSigned(String clientName, String assertion, long lifetimeSeconds) {
        long now = ticker.read();
        String owner = clientName + " assertion";
        synchronized (lock) {
            dropExpired(now);
            if (countOf(owner) >= MAX_TOKENS_PER_CLIENT) {
                removeOldest(owner);
            }
            tokens.add(new LiveToken(owner, new String[] {assertion}, now + TimeUnit.SECONDS.toNanos(lifetimeSeconds)));
            rebuild();
        }
    }

    private int countOf(String owner) {
        int count = 0;
        for (LiveToken t : tokens) {
            count += t.client.equals(owner) ? 1 : 0;
        }
        return count;
    }

    /** Adds {@code values} as the newest of the client's, dropping the oldest past {@code max}; false if already last. */
    private static boolean keepLast(Map<String, LinkedList<String[]>> byClient, String clientName, String[] values,
            int max) {
        LinkedList<String[]> ofClient = byClient.get(clientName);
        if (ofClient == null) {
            ofClient = new LinkedList<>();
            byClient.put(clientName, ofClient);
        }
        if (!ofClient.isEmpty() && Arrays.equals(ofClient.getLast(), values)) {
            return false;
        }
        ofClient.addLast(values);
        if (ofClient.size() > max) {
            ofClient.removeFirst();
        }
        return true;
    }

    /** Forgets tokens past their lifetime and grace; the cache's next token does this too. */
    public void dropExpired() {
        long now = ticker.read();
        synchronized (lock) {
            if (dropExpired(now)) {
                rebuild();
            }
        }
    }

    private boolean dropExpired(long now) {
        boolean dropped = false;
        for (Iterator<LiveToken> it = tokens.iterator(); it.hasNext(); ) {
            if (now - it.next().scrubUntil >= 0) {
                it.remove();
                dropped = true;
            }
        }
        return dropped;
    }

    private void removeOldest(String clientName) {
        for (Iterator<LiveToken> it = tokens.iterator(); it.hasNext(); ) {
            if (it.next().client.equals(clientName)) {
                it.remove();
                return;
            }
        }
    }

    private void rebuild() {
        List<String> all = new ArrayList<>(fixed);
        for (LiveToken t : tokens) {
            Collections.addAll(all, t.values);
        }
        addAll(all, stored);
        addAll(all, rotated);
        current = SecretSet.of(all);
        if (listener != null) {
            listener.changed(current);
        }
    }

    private static void addAll(List<String> all, Map<String, LinkedList<String[]>> byClient) {
        for (List<String[]> ofClient : byClient.values()) {
            for (String[] values : ofClient) {
                Collections.addAll(all, values);
            }
        }
    }

    @Override
    public String toString() {
        return "LiveSecrets{" + current + "}";
    }

    private static final class LiveToken {
        final String client;
        /** The access token, then the refresh and ID token when the server returned them. */
        final String[] values;
        final long scrubUntil;

        LiveToken(String client, String[] values, long scrubUntil) {
            this.client = client;
            this.values = values;
            this.scrubUntil = scrubUntil;
        }
    }
}
