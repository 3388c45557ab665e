package dev.oauthagent.agent.config;

import dev.oauthagent.agent.route.Route;

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Loads the agent's configuration from its sources, by precedence per key: agent arguments > system
 * properties > environment variables > properties file > defaults. Validates everything and reports every
 * problem at once in a {@link ConfigException}.
 *
 * <p>Pure apart from reading files: the system properties and environment are passed in, so tests (and
 * {@code java -jar oauth-agent.jar config}) can load any configuration without touching the JVM's own.
 *
 * <p>A disabled agent ({@code enabled=false}) never fails: it loads with no clients and returns what it
 * found in {@link LoadedConfig#ignoredProblems()}, so turning the agent off is always a safe way out.
 */
public final class ConfigLoader {
    static final List<String> LOG_LEVELS = Collections.unmodifiableList(Arrays.asList("error", "warn", "info", "debug"));

    private ConfigLoader() {
    }

    /** Loads from this JVM's system properties and environment. */
    public static LoadedConfig loadFromJvm(String agentArgs) throws ConfigException {
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
    public static LoadedConfig load(String agentArgs, Map<String, String> systemProperties, Map<String, String> env)
            throws ConfigException {
        ProblemList problems = new ProblemList();
        List<SourcedValue> args = AgentArguments.parse(agentArgs, problems);
        List<SourcedValue> sysprops = SystemPropertySource.read(systemProperties);
        List<SourcedValue> file = readPropertiesFile(args, sysprops, env, problems);
        List<SourcedValue> envValues = EnvironmentSource.read(env,
                Settings.validClientNames(Arrays.asList(args, sysprops, file)), problems);
        Settings settings = Settings.merge(Arrays.asList(args, sysprops, envValues, file), problems);
        EffectiveConfig effective = EffectiveConfig.of(settings);

        Boolean enabled = global(settings, KnownKeys.ENABLED, ValueParsers.BOOLEAN, problems);
        String logLevel = global(settings, KnownKeys.LOG_LEVEL, ValueParsers.LOG_LEVEL, problems);
        List<ClientConfig> clients = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        SecretReferences references = new SecretReferences(env);
        for (String name : settings.clientNames()) {
            ClientConfigReader.Result result = ClientConfigReader.read(name, settings, references, problems);
            routes.add(result.routes);
            if (result.config != null) {
                clients.add(result.config);
            }
        }
        RouteOverlapCheck.check(routes, problems);
        ScrubConfig scrub = ScrubConfigReader.read(settings, references, problems);

        if (Boolean.FALSE.equals(enabled)) {
            String level = logLevel == null ? KnownKeys.LOG_LEVEL.defaultValue() : logLevel;
            return new LoadedConfig(new AgentConfig(false, level, Collections.<ClientConfig>emptyList()), effective,
                    problems.list());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list(), effective);
        }
        return new LoadedConfig(new AgentConfig(true, logLevel, clients, scrub), effective,
                Collections.<ConfigProblem>emptyList());
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
