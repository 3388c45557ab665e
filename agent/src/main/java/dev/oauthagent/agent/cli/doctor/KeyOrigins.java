package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.EffectiveConfig;

/**
 * Names a client's configuration key with where its value came from ("oauth.agent.clients.billing.client-id,
 * set in the properties file"), so a fix says which file or variable to edit. A secret's origin is its own
 * ({@code env var BILLING_SECRET}); no value is ever shown.
 */
public final class KeyOrigins {
    private final ClientConfig client;
    private final EffectiveConfig effective;

    /** @param effective the configuration with each value's source, or null when unknown */
    public KeyOrigins(ClientConfig client, EffectiveConfig effective) {
        this.client = client;
        this.effective = effective;
    }

    /** "oauth.agent.clients.billing.scopes" */
    public String key(String name) {
        return "oauth.agent.clients." + client.name() + "." + name;
    }

    /** "oauth.agent.clients.billing.scopes (set in the properties file)"; the key alone when its source is unknown. */
    public String keyWithOrigin(String name) {
        String key = key(name);
        if (name.equals("client-secret") && client.clientSecret() != null) {
            return key + " (from " + client.clientSecret().origin() + ")";
        }
        EffectiveConfig.Entry entry = effective == null ? null : effective.entry(key);
        return entry == null ? key : key + " (" + describe(entry) + ")";
    }

    private static String describe(EffectiveConfig.Entry entry) {
        switch (entry.source()) {
            case ARG:
                return "set in the agent arguments";
            case SYSPROP:
                return "set as a system property";
            case ENV:
                return "set in the environment";
            case FILE:
                return "set in the properties file";
            default:
                return "not set, so the default";
        }
    }
}
