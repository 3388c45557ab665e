package dev.oauthagent.agent;

import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.security.CodeSource;

/**
 * Entry point for {@code -javaagent} (premain) and runtime attach (agentmain). Does nothing itself but hand
 * over to {@link AgentStartup} in the agent's own class loader ({@link AgentClassLoader}): a premain that
 * throws would take the application down with it, so everything happens behind a catch-all.
 *
 * <p>The JVM loads this class with the application class loader; the agent's other classes are loaded by the
 * {@link AgentClassLoader}, one per JVM (a runtime attach after premain finds the same one, so the agent
 * still knows that it already runs). Outside a jar (unit tests, an IDE) they stay in this class's loader.
 */
public final class OAuthAgent {
    private static final String STARTUP = "dev.oauthagent.agent.AgentStartup";

    private static ClassLoader agentLoader;

    private OAuthAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
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
            CodeSource source = OAuthAgent.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            File file = location == null ? null : new File(location.toURI());
            agentLoader = file != null && file.isFile()
                    ? AgentClassLoader.open(file, location)
                    : OAuthAgent.class.getClassLoader();
        }
        return agentLoader;
    }

    private static void notActive(PrintStream stderr, Throwable t) {
        stderr.println("oauth-agent: failed to start (" + t + "). Please report this as a bug.");
        stderr.println(AgentStartup.NOT_ACTIVE);
    }
}
