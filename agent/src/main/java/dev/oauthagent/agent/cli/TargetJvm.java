package dev.oauthagent.agent.cli;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * A connection to another JVM through the JDK's attach API ({@code com.sun.tools.attach.VirtualMachine}).
 * byte-buddy-agent finds the API wherever this JVM keeps it (the jdk.attach module on Java 9+, tools.jar on
 * Java 8, IBM's API on OpenJ9); the calls are reflective because the agent is compiled for Java 8, whose
 * platform does not include the API.
 *
 * <p>One connection serves both steps of {@code attach}: reading the target's system properties (so its
 * configuration is validated with the values it will see) and loading the agent.
 */
final class TargetJvm implements Closeable {
    private final Class<?> api;
    private final Object machine;
    private final String pid;

    private TargetJvm(Class<?> api, Object machine, String pid) {
        this.api = api;
        this.machine = machine;
        this.pid = pid;
    }

    /** The VirtualMachine class of this JVM's attach API, or null when this Java runtime has none. */
    static Class<?> attachApi() {
        ByteBuddyAgent.AttachmentProvider.Accessor accessor = ByteBuddyAgent.AttachmentProvider.DEFAULT.attempt();
        return accessor.isAvailable() ? accessor.getVirtualMachineType() : null;
    }

    static TargetJvm attach(Class<?> api, String pid) throws AttachFailure {
        try {
            return new TargetJvm(api, api.getMethod("attach", String.class).invoke(null, pid), pid);
        } catch (InvocationTargetException e) {
            throw AttachFailure.connecting(pid, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw AttachFailure.connecting(pid, e);
        }
    }

    Properties systemProperties() throws AttachFailure {
        try {
            return (Properties) api.getMethod("getSystemProperties").invoke(machine);
        } catch (InvocationTargetException e) {
            throw AttachFailure.connecting(pid, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw AttachFailure.connecting(pid, e);
        }
    }

    /**
     * Returns once the target has run the agent's {@code agentmain}; ours never throws, so success here
     * means "loaded", not "started" (the target prints which on its stderr).
     */
    void loadAgent(String jar, String agentArgs) throws AttachFailure {
        try {
            api.getMethod("loadAgent", String.class, String.class).invoke(machine, jar, agentArgs);
        } catch (InvocationTargetException e) {
            throw AttachFailure.loading(pid, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw AttachFailure.loading(pid, e);
        }
    }

    @Override
    public void close() {
        try {
            api.getMethod("detach").invoke(machine);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The target drops the connection when this process exits anyway; nothing to tell the user.
        }
    }
}
