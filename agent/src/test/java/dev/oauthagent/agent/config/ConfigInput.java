package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.route.RouteTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the three injected inputs of {@link ConfigLoader#load} for a test. */
final class ConfigInput {
    static final String SECRET = "s3cr3t-Value-That-Must-Never-Print";

    private String agentArgs;
    private final Map<String, String> sysprops = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    static ConfigInput empty() {
        return new ConfigInput();
    }

    /** A complete, valid client set as system properties, secret as a literal. */
    static ConfigInput withValidClient(String name) {
        return new ConfigInput().validClient(name);
    }

    /** Valid clients "billing" and "reports" with these hosts and paths; a null paths value is left unset. */
    static ConfigInput twoClients(String billingHosts, String billingPaths, String reportsHosts, String reportsPaths) {
        ConfigInput input = withValidClient("billing").validClient("reports")
                .sys("clients.billing.hosts", billingHosts).sys("clients.reports.hosts", reportsHosts);
        if (billingPaths != null) {
            input.sys("clients.billing.paths", billingPaths);
        }
        if (reportsPaths != null) {
            input.sys("clients.reports.paths", reportsPaths);
        }
        return input;
    }

    ConfigInput validClient(String name) {
        return sys("clients." + name + ".token-url", "https://auth.example.com/oauth2/token")
                .sys("clients." + name + ".client-id", name + "-id")
                .sys("clients." + name + ".client-secret", SECRET)
                .sys("clients." + name + ".hosts", name + ".example.com");
    }

    ConfigInput args(String agentArgs) {
        this.agentArgs = agentArgs;
        return this;
    }

    /** @param key full key, or short form to which {@code oauth.agent.} is prefixed */
    ConfigInput sys(String key, String value) {
        sysprops.put(key.startsWith("oauth.agent.") ? key : "oauth.agent." + key, value);
        return this;
    }

    ConfigInput removeSys(String key) {
        sysprops.remove(key.startsWith("oauth.agent.") ? key : "oauth.agent." + key);
        return this;
    }

    ConfigInput env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Loads a configuration expected to have no problem (the {@code throws} reports any), and checks that what
     * loads also builds a route table: every valid configuration of the config tests proves that the loader
     * never accepts hosts or paths that RouteTable would refuse.
     */
    LoadedConfig load() throws ConfigException {
        return loadAllowingProblems().requireNoProblems();
    }

    /** Loads as the agent does at start: the clients without problems run, the problems are listed. */
    LoadedConfig loadAllowingProblems() {
        LoadedConfig loaded = ConfigLoader.load(agentArgs, sysprops, env);
        assertThatCode(() -> RouteTable.from(loaded.config().clients()))
                .as("RouteTable.from the clients of a configuration that loaded").doesNotThrowAnyException();
        return loaded;
    }

    /** Loads expecting problems; the exception lists them as a caller that accepts none would see them. */
    ConfigException failure() {
        return assertThrows(ConfigException.class, this::load);
    }

    /** Loads expecting failure and returns the problems of the given full (or short) key. */
    List<ConfigProblem> problemsOf(String key) {
        boolean verbatim = key.startsWith("oauth.agent.") || key.startsWith("OAUTH_") || key.startsWith("agent argument");
        return problemsOfExactKey(verbatim ? key : "oauth.agent." + key);
    }

    /** Loads expecting failure and returns the problems reported under exactly this key. */
    List<ConfigProblem> problemsOfExactKey(String full) {
        ConfigException e = failure();
        List<ConfigProblem> matching = e.problems().stream().filter(p -> p.key().equals(full))
                .collect(Collectors.toList());
        assertThat(matching).as("problems of %s among %s", full, e.problems()).isNotEmpty();
        return matching;
    }

    /** The message of the single problem of that key. */
    String messageOf(String key) {
        List<ConfigProblem> problems = problemsOf(key);
        assertThat(problems).hasSize(1);
        return problems.get(0).message();
    }
}
