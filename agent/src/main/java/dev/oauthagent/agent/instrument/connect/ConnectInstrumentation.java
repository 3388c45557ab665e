package dev.oauthagent.agent.instrument.connect;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Watches the JDK's TCP connects so that a connection to a configured host opened by a client the agent does not
 * instrument is reported ({@link UncoveredConnections}): that client's requests carry no token. Every TCP
 * connection a JVM opens through the JDK passes the start of one of these methods, each of which gets one call
 * into {@code dev.oauthagent.bootstrap.ConnectAdvice} with the address:
 * <ul>
 *   <li>{@code java.net.Socket.connect(SocketAddress, int)}: every blocking socket ({@code HttpURLConnection},
 *       OkHttp, Apache's classic clients, TLS sockets, which connect through it);</li>
 *   <li>{@code sun.nio.ch.SocketChannelImpl.connect(SocketAddress)}: channels (java.net.http, Jetty, Netty's NIO
 *       transport, Apache's async clients);</li>
 *   <li>{@code sun.nio.ch.SocketAdaptor.connect(SocketAddress, int)}: a channel's socket view, which overrides
 *       {@code Socket.connect};</li>
 *   <li>{@code sun.nio.ch.AsynchronousSocketChannelImpl}'s two {@code connect}s.</li>
 * </ul>
 * Native transports (Netty's epoll, kqueue, io_uring) connect outside the JDK and are not seen.
 *
 * <p>Not held at the start-up gate ({@link #targetClasses} is empty): holding {@code java.net.Socket} would hold
 * whatever the JVM connects while the agent starts, for the sake of a report; a connection opened before the watch
 * is installed is merely not reported. Classes already loaded are retransformed when it is installed.
 */
public final class ConnectInstrumentation implements LibraryInstrumentation {
    private static final String ADVICE = "dev/oauthagent/bootstrap/ConnectAdvice";
    private static final String OPENING = "(Ljava/net/SocketAddress;)V";
    private static final String ASYNC_CHANNEL = "sun.nio.ch.AsynchronousSocketChannelImpl";

    @Override
    public String name() {
        return "TCP connect (connections of clients the agent does not instrument)";
    }

    @Override
    public String[] targetClasses() {
        return new String[0];
    }

    @Override
    public String withoutIt() {
        return "connections that clients the agent does not instrument open to configured hosts are not reported";
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        ConnectWatch.install(injector);
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                opening("java.net.Socket", "connect", "(Ljava/net/SocketAddress;I)V"),
                opening("sun.nio.ch.SocketChannelImpl", "connect", "(Ljava/net/SocketAddress;)Z"),
                opening("sun.nio.ch.SocketAdaptor", "connect", "(Ljava/net/SocketAddress;I)V"),
                opening(ASYNC_CHANNEL, "connect", "(Ljava/net/SocketAddress;)Ljava/util/concurrent/Future;"),
                opening(ASYNC_CHANNEL, "connect",
                        "(Ljava/net/SocketAddress;Ljava/lang/Object;Ljava/nio/channels/CompletionHandler;)V"));
    }

    private static HookPoint opening(String className, String method, String descriptor) {
        return HookPoint.atEntry(className, method, descriptor).pushArgument(0).calls(ADVICE, "opening", OPENING);
    }

    @Override
    public void disable() {
        Bridge.installConnect(null);
    }
}
