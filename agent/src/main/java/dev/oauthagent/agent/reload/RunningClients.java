package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.KnownKeys;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.cache.TokenCache;

import java.util.Map;
import java.util.Set;

/**
 * The agent's clients as {@link PropertiesFileWatch} reaches them: a client with a {@link SwappableTokenSource}
 * (one acting for itself) gets a new token endpoint client built from the changed configuration, and asks for a
 * token with it at once; one acting for a person keeps its login's source until a restart.
 */
public final class RunningClients implements PropertiesFileWatch.LiveClients {
    private final Map<String, TokenCache> caches;
    private final Map<String, SwappableTokenSource> sources;
    private final SecretListener secrets;

    public RunningClients(Map<String, TokenCache> caches, Map<String, SwappableTokenSource> sources,
            SecretListener secrets) {
        this.caches = caches;
        this.sources = sources;
        this.secrets = secrets;
    }

    @Override
    public Set<String> names() {
        return caches.keySet();
    }

    @Override
    public boolean canApplyLive(String clientName) {
        return sources.containsKey(clientName);
    }

    @Override
    public void apply(ClientConfig config, Set<String> keys) {
        if (keys.contains(KnownKeys.CLIENT_SECRET.name()) && config.clientSecret() != null) {
            secrets.secretRead(config.name(), config.clientId(), config.clientSecret()); // scrubbed before it is sent
        }
        sources.get(config.name()).swap(new TokenEndpointClient(config, secrets));
        caches.get(config.name()).credentialsChanged();
    }
}
