package dev.oauthagent.bootstrap;

import java.net.SocketAddress;

/**
 * What the advice at the JDK's TCP connect calls ({@code java.net.Socket.connect}, {@code SocketChannel.connect},
 * {@code AsynchronousSocketChannel.connect}): every connection the application opens, whichever library opens
 * it, passes here before it is made. The agent only looks (it never changes or fails a connection): a connection
 * to a configured host opened by a client it does not instrument is reported, because that client's requests
 * carry no token. Implementations never throw.
 */
public interface ConnectHook {

    /** Before a TCP connection to {@code address} is opened (also for one that then fails). */
    void opening(SocketAddress address);

    /**
     * A request for {@code host}:{@code port} taken by {@code client}, a class of a library the agent knows it does
     * not instrument, on the caller's thread: for a library whose connections are opened where nothing tells whose
     * request they carry (Apache HttpClient 5's minimal async clients, whose I/O threads run HttpCore alone).
     */
    void requesting(String host, int port, Class<?> client);
}
