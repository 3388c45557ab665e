package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ConfigException;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.config.KnownKeys;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code attach <pid> [config=FILE,...]}: loads this jar into a running JVM as an agent ({@code agentmain}).
 *
 * <p>Everything that can be checked from here is checked before the target is touched, so a mistake ends in
 * this terminal rather than as one line in the application's log: the process exists and is a JVM, the
 * configuration file exists, and the configuration is valid as the target will read it (with the target's
 * own system properties and, where /proc allows, its environment). After loading, this command can only
 * say "loaded": agentmain never throws (an agent must not harm its host), so whether the agent started is
 * printed on the application's stderr.
 */
final class AttachCommand implements Command {
    private static final String CONFIG_KEY = KnownKeys.CONFIG.fullKey(null);
    private static final String CONFIG_ENV = "OAUTH_AGENT_CONFIG";
    private static final int FIRST_JAVA_THAT_WARNS = 21;

    private final ProcFs procFs;
    private final Path workingDirectory;
    private final Path codeLocation;
    private final String currentUser;

    AttachCommand() {
        this(ProcFs.system(), Paths.get("").toAbsolutePath(), codeLocation(), System.getProperty("user.name"));
    }

    /** @param codeLocation where this code was loaded from: the agent jar, or a classes directory in development */
    AttachCommand(ProcFs procFs, Path workingDirectory, Path codeLocation, String currentUser) {
        this.procFs = procFs;
        this.workingDirectory = workingDirectory;
        this.codeLocation = codeLocation;
        this.currentUser = currentUser;
    }

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public String summary() {
        return "attach <pid> [config=FILE,...]  load the agent into a running JVM (see docs/attach.md)";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        AttachRequest request = AttachRequest.parse(args, workingDirectory);
        if (request.configFile() != null && !Files.isRegularFile(request.configFile())) {
            context.err().println("oauth-agent attach: the configuration file " + request.configFile()
                    + " does not exist (config=" + request.configAsWritten() + ", relative to " + workingDirectory
                    + "). Fix the path; the agent was NOT loaded.");
            return Cli.EXIT_BAD_CONFIG;
        }
        try {
            checkProcess(request.pid());
            Path jar = agentJar();
            Class<?> api = TargetJvm.attachApi();
            if (api == null) {
                throw new AttachFailure("this Java runtime (" + System.getProperty("java.home") + ") has no attach "
                        + "API (the jdk.attach module). Run this command with a JDK's java, e.g. "
                        + "/path/to/jdk/bin/java -jar oauth-agent.jar attach " + request.pid() + " ...");
            }
            try (TargetJvm target = TargetJvm.attach(api, request.pid())) {
                return validateAndLoad(request, target, jar, context);
            }
        } catch (AttachFailure e) {
            context.err().println("oauth-agent attach: " + e.getMessage());
            return Cli.EXIT_FAILED;
        }
    }

    private int validateAndLoad(AttachRequest request, TargetJvm target, Path jar, CliContext context)
            throws AttachFailure {
        String pid = request.pid();
        Properties properties = target.systemProperties();
        Map<String, String> env = procFs.environment(pid);
        if (env == null) {
            context.err().println("oauth-agent attach: note: cannot read the environment of process " + pid
                    + "; validating with this terminal's environment instead, but the agent will read the "
                    + "application's own: ${env:...} secrets must be set there.");
            env = context.env();
        }
        String userDir = properties.getProperty("user.dir");
        AgentConfig config;
        LoadedConfig loaded = ConfigLoader.load(request.agentArgs(),
                withAbsoluteConfig(toMap(properties), CONFIG_KEY, userDir),
                withAbsoluteConfig(env, CONFIG_ENV, userDir));
        for (String warning : loaded.warnings()) {
            context.err().println("oauth-agent attach: warning: " + warning);
        }
        try {
            // Stricter than the agent's start: whoever attaches is at hand to fix a problem and try again.
            config = loaded.requireNoProblems().config();
        } catch (ConfigException e) {
            context.err().println(e.getMessage());
            context.err().println("oauth-agent attach: the agent was NOT loaded into process " + pid + ". The "
                    + "configuration was read as the agent would read it there, with that process's system "
                    + "properties and environment (a ${env:NAME} must be set where the application runs, not in "
                    + "this terminal); fix it and attach again.");
            return Cli.EXIT_BAD_CONFIG;
        }
        if (!config.enabled()) {
            context.out().println("note: the configuration sets enabled=false; the agent will load and do nothing.");
        } else if (config.clients().isEmpty()) {
            context.out().println("note: no clients are configured; the agent will load but add no tokens.");
        }
        target.loadAgent(jar.toString(), request.agentArgs());
        String java = properties.getProperty("java.specification.version", "?");
        context.out().println("oauth-agent: loaded into process " + pid + " (Java " + java + "). Whether the agent "
                + "started (\"started with N client(s)\") or was already running is printed on the "
                + "application's stderr, not here.");
        if (featureVersion(java) >= FIRST_JAVA_THAT_WARNS) {
            context.out().println("note: Java " + java + " prints a WARNING about a dynamically loaded agent unless "
                    + "the application runs with -XX:+EnableDynamicAgentLoading (see docs/attach.md).");
        }
        return Cli.EXIT_OK;
    }

    /** Refuses pids that do not name a JVM of this user, before the attach API signals them. */
    private void checkProcess(String pid) throws AttachFailure {
        if (procFs.exists(pid) == ProcFs.Answer.NO) {
            throw AttachFailure.noSuchProcess(pid);
        }
        String owner = procFs.owner(pid);
        if (owner != null && !owner.equals(currentUser) && !"root".equals(currentUser)) {
            throw new AttachFailure("process " + pid + " runs as user '" + owner + "', this command as '"
                    + currentUser + "'; a JVM accepts attach only from its own user (or root). Run it as that "
                    + "user, e.g. `sudo -u " + owner + " java -jar oauth-agent.jar attach " + pid + " ...`.");
        }
        if (procFs.isJvm(pid) == ProcFs.Answer.NO) {
            // Checked first because the attach API would send SIGQUIT, which ends most programs that are not JVMs.
            throw new AttachFailure("process " + pid + " is not a Java virtual machine; find the application's "
                    + "pid with `jps -l`.");
        }
    }

    private Path agentJar() throws AttachFailure {
        if (codeLocation == null || !Files.isRegularFile(codeLocation)) {
            throw new AttachFailure("attach loads the jar this command runs from, but it runs from "
                    + codeLocation + ", not a jar. Run it as `java -jar oauth-agent.jar attach ...` with the "
                    + "built agent jar (agent/target/oauth-agent.jar).");
        }
        return codeLocation;
    }

    static Path codeLocation() {
        CodeSource source = AttachCommand.class.getProtectionDomain().getCodeSource();
        try {
            return source == null ? null : Paths.get(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A relative config path in the target's own settings is relative to the target's working directory,
     * not to this command's: resolved there so that validation reads the file the agent will read.
     */
    static Map<String, String> withAbsoluteConfig(Map<String, String> settings, String name, String userDir) {
        Map<String, String> copy = new HashMap<>(settings);
        String path = copy.get(name);
        if (path != null && !path.trim().isEmpty() && userDir != null) {
            try {
                copy.put(name, Paths.get(userDir).resolve(path.trim()).toString());
            } catch (RuntimeException e) {
                // An invalid path stays as it is: the loader reports it with its source.
            }
        }
        return copy;
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }

    /** 8 for "1.8", 25 for "25"; 0 when unknown. */
    static int featureVersion(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        try {
            return Integer.parseInt(v.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
