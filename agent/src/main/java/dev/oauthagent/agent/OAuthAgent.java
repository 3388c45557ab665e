package dev.oauthagent.agent;

import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.security.CodeSource;

/**
 * Entry point for {@code -javaagent} (premain), runtime attach (agentmain) and the command line (main). Does
 * nothing itself but hand over to {@link AgentStartup}, or to the command line's {@code Cli}, in the agent's own
 * class loader ({@link AgentClassLoader}): a premain that throws would take the application down with it, so
 * everything happens behind a catch-all.
 *
 * <p>The JVM loads this class with the application class loader; the agent's other classes are loaded by the
 * {@link AgentClassLoader}, one per JVM (a runtime attach after premain finds the same one, so the agent
 * still knows that it already runs). Outside a jar (unit tests, an IDE) they stay in this class's loader.
 */
public final class OAuthAgent {
    private static final String STARTUP = "dev.oauthagent.agent.AgentStartup";
    private static final String CLI = "dev.oauthagent.agent.cli.Cli";

    private static ClassLoader agentLoader;

    private OAuthAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    /** {@code java -jar oauth-agent.jar <command>}: the jar's Main-Class. */
    public static void main(String[] args) throws Throwable {
        File jar = agentJar();
        ClassLoader loader = jar != null ? AgentClassLoader.openForCommandLine(jar, jar.toURI().toURL())
                : OAuthAgent.class.getClassLoader();
        try {
            Class.forName(CLI, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void start(String agentArgs, Instrumentation inst, boolean attached) {
        PrintStream stderr = System.err;
        try {
            Class<?> startup = Class.forName(STARTUP, true, agentLoader());
            startup.getMethod("start", String.class, Instrumentation.class, PrintStream.class, boolean.class)
                    .invoke(null, agentArgs, inst, stderr, attached);
        } catch (InvocationTargetException e) {
            notActive(stderr, e.getCause());
        } catch (Throwable t) {
            notActive(stderr, t);
        }
    }

    private static synchronized ClassLoader agentLoader() throws Exception {
        if (agentLoader == null) {
            File jar = agentJar();
            agentLoader = jar != null ? AgentClassLoader.open(jar, jar.toURI().toURL()) : OAuthAgent.class.getClassLoader();
        }
        return agentLoader;
    }

    /** The agent jar this class came from; null outside a jar (unit tests, an IDE). */
    private static File agentJar() throws Exception {
        CodeSource source = OAuthAgent.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        File file = location == null ? null : new File(location.toURI());
        return file != null && file.isFile() ? file : null;
    }

    private static void notActive(PrintStream stderr, Throwable t) {
        stderr.println("oauth-agent: failed to start (" + t + "). Please report this as a bug.");
        stderr.println(AgentStartup.NOT_ACTIVE);
    }
}
