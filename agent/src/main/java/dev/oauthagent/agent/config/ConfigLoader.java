package dev.oauthagent.agent.config;

import dev.oauthagent.agent.route.Route;

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Loads the agent's configuration from its sources, by precedence per key: agent arguments > system
 * properties > environment variables > properties file > defaults. Validates everything and reports every
 * problem at once in {@link LoadedConfig#problems()}.
 *
 * <p>A problem turns off only what it concerns ({@link ProblemList} states the policy): the clients that
 * loaded run, and log scrubbing stays on for every secret that could be read. {@code strict=true} asks the
 * caller to refuse any problem instead ({@link LoadedConfig#strict()}).
 *
 * <p>Pure apart from reading files: the system properties and environment are passed in, so tests (and
 * {@code java -jar oauth-agent.jar config}) can load any configuration without touching the JVM's own.
 *
 * <p>A disabled agent ({@code enabled=false}) loads with no clients and reports its problems all the same,
 * so turning the agent off is always a safe way out.
 */
public final class ConfigLoader {
    private static final Duration MIN_METRICS_LOG_INTERVAL = Duration.ofSeconds(1);
    static final List<String> LOG_LEVELS = Collections.unmodifiableList(Arrays.asList("error", "warn", "info", "debug"));

    private ConfigLoader() {
    }

    /** Loads from this JVM's system properties and environment. */
    public static LoadedConfig loadFromJvm(String agentArgs) {
        Properties props = System.getProperties();
        Map<String, String> systemProperties = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            systemProperties.put(name, props.getProperty(name));
        }
        return load(agentArgs, systemProperties, System.getenv());
    }

    /**
     * @param agentArgs the {@code -javaagent:...=<args>} string, may be null
     * @param systemProperties all system properties; only {@code oauth.agent.*} are read
     * @param env the environment; only {@code OAUTH_AGENT_*} are read as keys, any may be referenced by
     *            {@code ${env:NAME}}
     */
    public static LoadedConfig load(String agentArgs, Map<String, String> systemProperties, Map<String, String> env) {
        ProblemList problems = new ProblemList();
        return load(AgentArguments.parse(agentArgs, problems), systemProperties, env, problems);
    }

    /**
     * Loads with the properties file a command-line tool was given, named in messages by {@code fileOrigin}
     * (e.g. "option --config"), as an agent argument {@code config=} would be.
     */
    public static LoadedConfig loadWithFile(String file, String fileOrigin, Map<String, String> systemProperties,
            Map<String, String> env) {
        List<SourcedValue> args = Collections.singletonList(
                new SourcedValue(KnownKeys.CONFIG.fullKey(null), file.trim(), ConfigSource.ARG, fileOrigin));
        return load(args, systemProperties, env, new ProblemList());
    }

    private static LoadedConfig load(List<SourcedValue> args, Map<String, String> systemProperties,
            Map<String, String> env, ProblemList problems) {
        List<SourcedValue> sysprops = SystemPropertySource.read(systemProperties);
        List<SourcedValue> file = readPropertiesFile(args, sysprops, env, problems);
        List<SourcedValue> envValues = EnvironmentSource.read(env,
                Settings.validClientNames(Arrays.asList(args, sysprops, file)), problems);
        Settings settings = Settings.merge(Arrays.asList(args, sysprops, envValues, file), problems);
        EffectiveConfig effective = EffectiveConfig.of(settings);

        Boolean enabled = global(settings, KnownKeys.ENABLED, ValueParsers.BOOLEAN, problems);
        String logLevel = global(settings, KnownKeys.LOG_LEVEL, ValueParsers.LOG_LEVEL, problems);
        Boolean strict = global(settings, KnownKeys.STRICT, ValueParsers.BOOLEAN, problems);
        Duration metricsLogInterval = metricsLogInterval(settings, problems);
        List<ClientConfigReader.Result> results = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        SecretReferences references = new SecretReferences(env);
        for (String name : settings.clientNames()) {
            ClientConfigReader.Result result = ClientConfigReader.read(name, settings, references, problems);
            results.add(result);
            routes.add(result.routes);
        }
        RouteOverlapCheck.check(routes, problems);
        TokenStoreSharingCheck.check(results, problems);
        ScrubConfig scrub = ScrubConfigReader.read(settings, references, problems);

        List<ConfigProblem> found = problems.list();
        String level = logLevel == null ? KnownKeys.LOG_LEVEL.defaultValue() : logLevel;
        List<String> warnings = CommandLineSecrets.warnings(args, sysprops);
        for (ClientConfigReader.Result result : results) {
            warnings.addAll(result.warnings);
        }
        if (Boolean.FALSE.equals(enabled)) {
            return new LoadedConfig(new AgentConfig(false, level, Collections.<ClientConfig>emptyList()), effective,
                    found, false, Collections.<String>emptyList(), warnings);
        }
        Set<String> stopped = stoppedClients(found, settings.clientNames());
        List<ClientConfig> clients = new ArrayList<>();
        List<ClientSecrets> inactiveSecrets = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (ClientConfigReader.Result result : results) {
            if (result.config != null && !stopped.contains(result.routes.clientName())) {
                clients.add(result.config);
            } else {
                inactive.add(result.routes.clientName());
                inactiveSecrets.add(result.secrets);
            }
        }
        return new LoadedConfig(new AgentConfig(true, level, clients, scrub, inactiveSecrets, metricsLogInterval),
                effective, found,
                Boolean.TRUE.equals(strict), inactive, warnings);
    }

    /** The clients that the problems keep from running. */
    private static Set<String> stoppedClients(List<ConfigProblem> problems, Set<String> allClients) {
        Set<String> stopped = new HashSet<>();
        for (ConfigProblem p : problems) {
            if (p.reach() == ConfigProblem.Reach.EVERY_CLIENT) {
                return allClients;
            }
            stopped.addAll(p.clients());
        }
        return stopped;
    }

    /** Null when unset (no summary lines) or invalid (a problem). */
    private static Duration metricsLogInterval(Settings settings, ProblemList problems) {
        KnownKey key = KnownKeys.METRICS_LOG_INTERVAL;
        SourcedValue v = settings.get(key.fullKey(null));
        if (v == null || v.value.isEmpty()) {
            return null;
        }
        Duration interval = global(settings, key, ValueParsers.POSITIVE_DURATION, problems);
        if (interval != null && interval.compareTo(MIN_METRICS_LOG_INTERVAL) < 0) {
            problems.add(key.fullKey(null), "'" + v.value + "' is shorter than 1s: a line per client that often would"
                    + " flood the log; use e.g. 15m (from " + v.origin + ")");
            return null;
        }
        return interval;
    }

    static <T> T global(Settings settings, KnownKey key, ValueParser<T> parser, ProblemList problems) {
        SourcedValue v = settings.get(key.fullKey(null));
        String raw = v == null || v.value.isEmpty() ? key.defaultValue() : v.value;
        try {
            return parser.parse(raw);
        } catch (InvalidValueException e) {
            problems.add(key.fullKey(null), e.getMessage() + " (from " + v.origin + ")");
            return null;
        }
    }

    /** The file named by {@code config} in the highest source that names one; none is fine. */
    private static List<SourcedValue> readPropertiesFile(List<SourcedValue> args, List<SourcedValue> sysprops,
            Map<String, String> env, ProblemList problems) {
        String configKey = KnownKeys.CONFIG.fullKey(null);
        SourcedValue path = find(args, configKey);
        if (path == null) {
            path = find(sysprops, configKey);
        }
        if (path == null) {
            path = findEnv(env, KeyNames.envName(configKey));
        }
        if (path == null || path.value.isEmpty()) {
            return Collections.emptyList();
        }
        try {
            return PropertiesFileSource.read(Paths.get(path.value), path.origin, problems);
        } catch (InvalidPathException e) {
            problems.add(configKey, "'" + path.value + "' is not a valid path (from " + path.origin + ")");
            return Collections.emptyList();
        }
    }

    private static SourcedValue find(List<SourcedValue> values, String key) {
        for (SourcedValue v : values) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        return null;
    }

    private static SourcedValue findEnv(Map<String, String> env, String variable) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().toUpperCase(Locale.ROOT).equals(variable) && e.getValue() != null) {
                return new SourcedValue(KnownKeys.CONFIG.fullKey(null), e.getValue().trim(), ConfigSource.ENV,
                        "env var " + e.getKey());
            }
        }
        return null;
    }
}
