package dev.oauthagent.agent.config;

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

    ClientSecrets(String clientName, String clientId, Secret clientSecret, Secret truststorePassword) {
        this.clientName = clientName;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.truststorePassword = truststorePassword;
    }

    static ClientSecrets of(ClientConfig client) {
        return new ClientSecrets(client.name(), client.clientId(), client.clientSecret(), client.truststorePassword());
    }

    public String clientName() { return clientName; }

    /** Not a secret, but part of the Basic header value that is one. */
    public String clientId() { return clientId; }

    public Secret clientSecret() { return clientSecret; }

    public Secret truststorePassword() { return truststorePassword; }

    @Override
    public String toString() {
        return "ClientSecrets{" + clientName + ", clientSecret=" + clientSecret + ", truststorePassword="
                + truststorePassword + "}";
    }
}
