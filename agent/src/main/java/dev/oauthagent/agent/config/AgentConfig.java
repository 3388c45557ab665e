package dev.oauthagent.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The whole validated configuration: global settings and the clients, in name order. Immutable. */
public final class AgentConfig {
    private final boolean enabled;
    private final String logLevel;
    private final List<ClientConfig> clients;
    private final ScrubConfig scrub;
    private final List<ClientSecrets> clientSecrets;
    private final Duration metricsLogInterval;

    public AgentConfig(boolean enabled, String logLevel, List<ClientConfig> clients) {
        this(enabled, logLevel, clients, ScrubConfig.DEFAULTS);
    }

    public AgentConfig(boolean enabled, String logLevel, List<ClientConfig> clients, ScrubConfig scrub) {
        this(enabled, logLevel, clients, scrub, Collections.<ClientSecrets>emptyList(), null);
    }

    /**
     * @param inactiveClientSecrets the loadable secrets of configured clients that do not run
     * @param metricsLogInterval how often to log a metrics summary; null for never
     */
    AgentConfig(boolean enabled, String logLevel, List<ClientConfig> clients, ScrubConfig scrub,
            List<ClientSecrets> inactiveClientSecrets, Duration metricsLogInterval) {
        this.enabled = enabled;
        this.metricsLogInterval = metricsLogInterval;
        this.logLevel = logLevel;
        this.clients = Collections.unmodifiableList(new ArrayList<>(clients));
        this.scrub = scrub;
        List<ClientSecrets> secrets = new ArrayList<>();
        for (ClientConfig client : clients) {
            secrets.add(ClientSecrets.of(client));
        }
        secrets.addAll(inactiveClientSecrets);
        this.clientSecrets = Collections.unmodifiableList(secrets);
    }

    public boolean enabled() { return enabled; }

    /** One of error, warn, info, debug. */
    public String logLevel() { return logLevel; }

    public List<ClientConfig> clients() { return clients; }

    public ScrubConfig scrub() { return scrub; }

    /** How often to log each client's metrics summary; null for never. */
    public Duration metricsLogInterval() { return metricsLogInterval; }

    /** The secrets of every configured client, running or not: what log scrubbing hides besides tokens. */
    public List<ClientSecrets> clientSecrets() { return clientSecrets; }

    public ClientConfig client(String name) {
        for (ClientConfig c : clients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "AgentConfig{enabled=" + enabled + ", logLevel=" + logLevel + ", clients=" + clients + ", scrub=" + scrub + "}";
    }
}
