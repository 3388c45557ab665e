package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.AgentArguments;
import dev.oauthagent.agent.config.KnownKeys;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code attach <pid> [key=value[,key=value...]]...} asks for: the target's process id and the agent
 * argument string it will get, in the same syntax as {@code -javaagent:oauth-agent.jar=...}. Several
 * words after the pid are joined with {@code ,}.
 *
 * <p>A relative {@code config=} path is made absolute here, against the directory this command runs in:
 * the target resolves paths against its own working directory, which is rarely the user's.
 */
final class AttachRequest {
    private static final String CONFIG_KEY = KnownKeys.CONFIG.fullKey(null);

    private final String pid;
    private final String agentArgs;
    private final Path configFile;
    private final String configAsWritten;

    private AttachRequest(String pid, String agentArgs, Path configFile, String configAsWritten) {
        this.pid = pid;
        this.agentArgs = agentArgs;
        this.configFile = configFile;
        this.configAsWritten = configAsWritten;
    }

    /**
     * @param args the words after {@code attach}
     * @param workingDirectory what a relative {@code config=} path is relative to
     * @throws IllegalArgumentException when the words do not make a request (a usage error)
     */
    static AttachRequest parse(List<String> args, Path workingDirectory) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing the process id; usage: attach <pid> [config=FILE,...]. "
                    + "Find the application's pid with `jps -l`.");
        }
        String pid = checkedPid(args.get(0));
        List<String> pairs = new ArrayList<>();
        for (String word : args.subList(1, args.size())) {
            pairs.addAll(AgentArguments.splitPairs(word));
        }
        Path configFile = null;
        String configAsWritten = null;
        List<String> escaped = new ArrayList<>();
        for (String pair : pairs) {
            if (pair.trim().isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq > 0 && AgentArguments.fullKey(pair.substring(0, eq).trim()).equals(CONFIG_KEY)) {
                configAsWritten = pair.substring(eq + 1).trim();
                configFile = absolute(configAsWritten, workingDirectory);
                pair = pair.substring(0, eq + 1) + configFile;
            }
            escaped.add(AgentArguments.escape(pair));
        }
        return new AttachRequest(pid, escaped.isEmpty() ? null : String.join(",", escaped), configFile,
                configAsWritten);
    }

    private static String checkedPid(String word) {
        if (!word.matches("[0-9]{1,18}") || Long.parseLong(word) == 0) {
            // Not echoed: a word in the pid's place may be anything, a secret pasted in the wrong order too.
            throw new IllegalArgumentException("the first argument must be the process id of the running JVM "
                    + "(a positive number); find it with `jps -l` or `ps`. Usage: attach <pid> [config=FILE,...]");
        }
        return word;
    }

    private static Path absolute(String path, Path workingDirectory) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("config= names no file; write config=/path/agent.properties");
        }
        try {
            return workingDirectory.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("config=" + path + " is not a valid path (" + e.getReason() + ")");
        }
    }

    String pid() {
        return pid;
    }

    /** The agent argument string to pass, or null for none (the target then reads only its own settings). */
    String agentArgs() {
        return agentArgs;
    }

    /** The absolute {@code config=} file, or null when the arguments name none. */
    Path configFile() {
        return configFile;
    }

    /** The {@code config=} value as the user typed it, for messages; null when none. */
    String configAsWritten() {
        return configAsWritten;
    }
}
