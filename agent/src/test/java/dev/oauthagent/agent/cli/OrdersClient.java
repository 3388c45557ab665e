package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.token.store.TokenStore;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * For the login and logout tests: one device_code client, 'orders', with an encrypted token store in a test
 * folder, configured through system properties and an environment variable as the agent would read them.
 */
final class OrdersClient {
    static final String SECRET = "orders-cli-secret-that-must-not-print";
    static final String PREFIX = "oauth.agent.clients.orders.";

    final Map<String, String> sysprops = new HashMap<>();
    final Map<String, String> env = new HashMap<>();

    OrdersClient(Path dir, URI tokenUrl) {
        sysprops.put(PREFIX + "token-url", tokenUrl.toString());
        sysprops.put(PREFIX + "allow-http", "true");
        sysprops.put(PREFIX + "client-id", "orders-cli");
        sysprops.put(PREFIX + "client-secret", SECRET);
        sysprops.put(PREFIX + "grant-type", "device_code");
        sysprops.put(PREFIX + "device-authorization-url", tokenUrl.resolve("/oauth2/device_authorization").toString());
        sysprops.put(PREFIX + "hosts", "orders.example.com");
        sysprops.put(PREFIX + "token-store", dir.resolve("orders.tokens").toString());
        sysprops.put(PREFIX + "token-store-key", "${env:STORE_KEY}");
        replaceKey();
    }

    /** A new random store key: a store written before cannot be opened with it. */
    void replaceKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("STORE_KEY", Base64.getEncoder().encodeToString(key));
    }

    String key() {
        return env.get("STORE_KEY");
    }

    /** Configured with {@code issuer} instead of token-url; the device endpoint stays configured. */
    void withIssuer(URI issuer) {
        sysprops.remove(PREFIX + "token-url");
        sysprops.put(PREFIX + "issuer", issuer.toString());
    }

    void withoutTokenStore() {
        sysprops.remove(PREFIX + "token-store");
        sysprops.remove(PREFIX + "token-store-key");
    }

    ClientConfig config() {
        return ConfigLoader.load(null, sysprops, env).config().clients().get(0);
    }

    Path storePath() {
        return config().tokenStore().path();
    }

    TokenStore store() {
        return TokenStore.open("orders", config().tokenStore(), TokenStore.DEFAULT_LOCK_WAIT, null);
    }
}
