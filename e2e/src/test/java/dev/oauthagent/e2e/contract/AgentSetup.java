package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.SecretForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent configuration of one contract run: some clients, given to the agent either as environment
 * variables only (secrets as {@code ${env:...}} references) or as a properties file only (secrets literal).
 */
public final class AgentSetup {
    /** One configured client. */
    public record Client(String name, URI tokenUrl, String clientId, String secret, List<String> hosts,
            List<String> paths, boolean allowHttp, Map<String, String> extra) {

        public static Client of(String name, URI tokenUrl, String clientId, String secret) {
            return new Client(name, tokenUrl, clientId, secret, List.of(), List.of(), false, Map.of());
        }

        public Client hosts(String... newHosts) {
            return new Client(name, tokenUrl, clientId, secret, List.of(newHosts), paths, allowHttp, extra);
        }

        public Client paths(String... newPaths) {
            return new Client(name, tokenUrl, clientId, secret, hosts, List.of(newPaths), allowHttp, extra);
        }

        public Client withAllowHttp() {
            return new Client(name, tokenUrl, clientId, secret, hosts, paths, true, extra);
        }

        public Client failOpen() {
            return with("fail-mode", "open");
        }

        public Client waitTimeout(Duration timeout) {
            return with("wait-timeout", timeout.toMillis() + "ms");
        }

        /** Any other client key, e.g. {@code with("override-existing", "true")}. */
        public Client with(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(extra);
            more.put(key, value);
            return new Client(name, tokenUrl, clientId, secret, hosts, paths, allowHttp, Map.copyOf(more));
        }

        /** Every key but the secret, in properties-file form. */
        Map<String, String> keys() {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("token-url", tokenUrl.toString());
            keys.put("client-id", clientId);
            keys.put("hosts", String.join(",", hosts));
            if (!paths.isEmpty()) {
                keys.put("paths", String.join(",", paths));
            }
            keys.put("allow-http", Boolean.toString(allowHttp));
            keys.putAll(extra);
            return keys;
        }
    }

    private final List<Client> clients;

    private AgentSetup(List<Client> clients) {
        this.clients = List.copyOf(clients);
    }

    public static AgentSetup of(Client... clients) {
        return new AgentSetup(List.of(clients));
    }

    public List<Client> clients() {
        return clients;
    }

    /** Every client's credentials in every form they can leak in, label to text, for "never printed" checks. */
    public Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Client client : clients) {
            secrets.putAll(SecretForms.clientCredentials("client '" + client.name() + "'", client.clientId(),
                    client.secret()));
        }
        return secrets;
    }

    /**
     * The configuration as environment variables only: {@code OAUTH_AGENT_CLIENTS_<NAME>_<KEY>}, the secret
     * as a reference to a variable of the application's own ({@code CONTRACT_<NAME>_SECRET}). Debug logging,
     * so every token the agent gets is logged (by fingerprint) and every line it can print is checked for leaks;
     * scrubbing off, so that a leak of the agent's own making is not hidden by its own scrubber.
     */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OAUTH_AGENT_LOG_LEVEL", "debug");
        env.put("OAUTH_AGENT_SCRUB_ENABLED", "false");
        for (Client client : clients) {
            String prefix = "OAUTH_AGENT_CLIENTS_" + envName(client.name()) + "_";
            client.keys().forEach((key, value) -> env.put(prefix + envName(key), value));
            String secretVariable = "CONTRACT_" + envName(client.name()) + "_SECRET";
            env.put(prefix + "CLIENT_SECRET", "${env:" + secretVariable + "}");
            env.put(secretVariable, client.secret());
        }
        return env;
    }

    /**
     * The configuration as a properties file only (secrets written literally), for {@code config=<file>}; debug
     * logging and scrubbing off, as {@link #asEnvironment()}.
     */
    public Path writePropertiesFile(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("oauth.agent.log-level=debug");
        lines.add("oauth.agent.scrub.enabled=false");
        for (Client client : clients) {
            String prefix = "oauth.agent.clients." + client.name() + ".";
            client.keys().forEach((key, value) -> lines.add(prefix + key + "=" + value));
            lines.add(prefix + "client-secret=" + client.secret());
        }
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
