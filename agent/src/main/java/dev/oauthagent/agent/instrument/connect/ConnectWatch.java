package dev.oauthagent.agent.instrument.connect;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.bootstrap.AgentCall;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.ConnectHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The agent side of the connect advice. A connection to a host no client lists costs the host check alone (the
 * route table's, which allocates nothing for a host it saw recently); only one to a configured host looks at who
 * opens it ({@link UncoveredConnections}). That work runs marked as the agent's own call, so a connection it might
 * cause (a log appender's) is not looked at again.
 */
final class ConnectWatch implements ConnectHook {
    private static final Logger log = LoggerFactory.getLogger(ConnectWatch.class);

    private final ConfiguredHosts hosts;
    private final UncoveredConnections uncovered;

    ConnectWatch(ConfiguredHosts hosts, UncoveredConnections uncovered) {
        this.hosts = hosts;
        this.uncovered = uncovered;
    }

    /**
     * Makes the watch the hook the connect advice calls. Here, not in the instrumentation: see
     * {@link dev.oauthagent.agent.instrument.LibraryInstrumentation} on bootstrap types.
     */
    static void install(final Injector injector) {
        ConfiguredHosts hosts = new ConfiguredHosts() {
            @Override
            public String clientFor(String host, int port) {
                return injector.clientForEndpoint(host, port);
            }
        };
        Supplier<Opener> openers = new Supplier<Opener>() {
            @Override
            public Opener get() {
                return ConnectionOpener.ofCurrentThread();
            }
        };
        Consumer<String> warn = new Consumer<String>() {
            @Override
            public void accept(String line) {
                log.warn(line);
            }
        };
        Bridge.installConnect(new ConnectWatch(hosts, new UncoveredConnections(openers, warn)));
    }

    @Override
    public void opening(SocketAddress address) {
        if (uncovered.isFull() || !(address instanceof InetSocketAddress)) {
            return;
        }
        InetSocketAddress endpoint = (InetSocketAddress) address;
        report(endpoint.getHostString(), endpoint.getPort(), null);
    }

    @Override
    public void requesting(String host, int port, Class<?> client) {
        if (!uncovered.isFull()) {
            report(host, port, client);
        }
    }

    /** Who takes it: {@code client}, or when null whoever the current stack shows opens the connection. */
    private void report(String host, int port, Class<?> client) {
        String clientName = hosts.clientFor(host, port);
        if (clientName == null) {
            return;
        }
        boolean wasActive = AgentCall.enter();
        try {
            if (client == null) {
                uncovered.opening(host, port, clientName);
            } else {
                uncovered.requesting(host, port, clientName, Opener.ofClass(client));
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("cannot tell which client opens a connection to a configured host ({})", e.toString());
        } finally {
            AgentCall.exit(wasActive);
        }
    }
}
