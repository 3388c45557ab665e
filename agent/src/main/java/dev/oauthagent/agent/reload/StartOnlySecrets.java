package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.config.TokenStoreConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The secrets of a client that apply only at start, each from a file: the truststore and private key passwords
 * open files read at start, and the token store's keys must match what the store was written with. Client secrets,
 * private keys and proxy credentials are read again instead.
 */
public final class StartOnlySecrets {
    private StartOnlySecrets() {
    }

    public static List<StartOnlyFileWatch> watches(ClientConfig client) {
        List<StartOnlyFileWatch> watches = new ArrayList<>();
        add(watches, client, "truststore-password", client.truststorePassword());
        add(watches, client, "private-key-password", client.privateKey() == null ? null
                : client.privateKey().password());
        TokenStoreConfig store = client.tokenStore();
        if (store != null) {
            add(watches, client, "token-store-key", store.key().secret());
            add(watches, client, "token-store-key-previous", store.previousKey() == null ? null
                    : store.previousKey().secret());
        }
        return watches;
    }

    private static void add(List<StartOnlyFileWatch> watches, ClientConfig client, String key, Secret secret) {
        if (secret != null && secret.file() != null) {
            watches.add(new StartOnlyFileWatch(client.name(), key, secret.file()));
        }
    }
}
