package dev.oauthagent.agent.instrument.apache5;

import dev.oauthagent.bootstrap.ConnectHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Apache HttpClient 5's minimal async clients ({@code HttpAsyncClients.createMinimal()} and
 * {@code createHttp2Minimal()}, classes {@code MinimalHttpAsyncClient} and {@code MinimalH2AsyncClient}) get no
 * token: they have no exec chain, so the per-hop point the agent hooks never runs for them, and the one place they
 * handle a request's headers before it is written is the exchange handler on an I/O thread, where a token cannot be
 * waited for (docs/decisions/0018). Their connections are opened on HttpCore's I/O threads, where the connect watch
 * sees HttpCore alone (a covered library), so they are reported here instead, where they take a request on the
 * caller's thread, through the connect watch's once-per-host-and-library report:
 * <ul>
 *   <li>{@code MinimalHttpAsyncClient.leaseEndpoint(HttpHost, ..)}: the target of every request (and every
 *       {@code lease});</li>
 *   <li>{@code MinimalH2AsyncClient.execute(..)} marks the thread while it runs; the HTTP/2 session pool it
 *       uses (5.1: HttpCore's {@code H2ConnPool.connectSession}, for a new connection; from 5.5:
 *       {@code InternalH2ConnPool.getSession}, per request), which the covered HTTP/2 client uses as well, reports
 *       only on a marked thread.</li>
 * </ul>
 * Nothing here changes a request; a failure of ours is logged at debug and the request goes on.
 */
final class MinimalClients {
    private static final Logger log = LoggerFactory.getLogger(MinimalClients.class);
    /** The minimal HTTP/2 client's class while its {@code execute} runs on this thread. */
    private static final ThreadLocal<Class<?>> EXECUTING = new ThreadLocal<Class<?>>();

    private final LibraryBindings bindings;
    private final Supplier<ConnectHook> watch;

    /**
     * @param watch the connect watch that reports a request for a configured host (null when it is off, or on
     *     the agent's own calls)
     */
    MinimalClients(LibraryBindings bindings, Supplier<ConnectHook> watch) {
        this.bindings = bindings;
        this.watch = watch;
    }

    /** {@code client} (a minimal HTTP/1.1 client) leases a connection to {@code target}, an {@code HttpHost}. */
    void requesting(Object client, Object target) {
        report(client.getClass(), target);
    }

    /** {@code client} (a minimal HTTP/2 client) starts executing a request on this thread. */
    void executing(Object client) {
        EXECUTING.set(client.getClass());
    }

    /** Its {@code execute} returned or threw. */
    void executed() {
        EXECUTING.remove();
    }

    /** An HTTP/2 pool is asked for a session to {@code routeOrHost}: reported if a minimal client asks. */
    void sessionRequested(Object routeOrHost) {
        Class<?> client = EXECUTING.get();
        if (client != null) {
            report(client, routeOrHost);
        }
    }

    private void report(Class<?> client, Object routeOrHost) {
        ConnectHook hook = watch.get();
        if (hook == null || routeOrHost == null) {
            return;
        }
        try {
            Apache5Members members = bindings.forLibraryClass(client);
            if (members == null) {
                return;
            }
            Object host = members.hostOf(routeOrHost);
            int port = members.port(host);
            if (port < 0) {
                port = "https".equalsIgnoreCase(members.scheme(host)) ? 443 : 80;
            }
            hook.requesting(members.hostName(host), port, client);
        } catch (Throwable t) {
            log.debug("cannot tell where a request of {} goes ({})", client.getName(), t.toString());
        }
    }
}
