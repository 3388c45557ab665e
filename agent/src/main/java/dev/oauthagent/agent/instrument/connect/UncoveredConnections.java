package dev.oauthagent.agent.instrument.connect;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reports a connection to a configured host that a client the agent does not instrument opens: its requests carry
 * no token, which the user would otherwise only see as 401s. Once per host and library; at most
 * {@link #MAX_REPORTS} of them, then one line saying further ones are not reported, and from then on nothing is
 * looked at, so an application that opens many connections cannot grow this or pay for it without end.
 */
final class UncoveredConnections {
    static final int MAX_REPORTS = 256;

    private final Supplier<Opener> openers;
    private final Consumer<String> warn;
    private final Set<String> reported = ConcurrentHashMap.<String>newKeySet();
    private volatile boolean full;

    /**
     * @param openers who opens the connection being opened now (a walk of the current stack)
     * @param warn where a report goes (the agent's log at warn)
     */
    UncoveredConnections(Supplier<Opener> openers, Consumer<String> warn) {
        this.openers = openers;
        this.warn = warn;
    }

    /** Whether nothing more will be reported: the connect watch then skips even its host check. */
    boolean isFull() {
        return full;
    }

    /** A connection to {@code host}:{@code port}, a host of client {@code clientName}, is being opened. */
    void opening(String host, int port, String clientName) {
        if (!full) {
            report(host, port, clientName, openers.get());
        }
    }

    /**
     * A request for {@code host}:{@code port}, a host of client {@code clientName}, taken by {@code opener} where
     * its connect cannot tell who it is for (an async client's I/O thread runs the library's core code alone).
     */
    void requesting(String host, int port, String clientName, Opener opener) {
        if (!full) {
            report(host, port, clientName, opener);
        }
    }

    private void report(String host, int port, String clientName, Opener opener) {
        if (opener.isCovered()) {
            return;
        }
        String endpoint = host.toLowerCase(Locale.ROOT) + ":" + port;
        String key = endpoint + " " + opener.libraryKey();
        if (reported.contains(key)) {
            return;
        }
        if (reported.size() >= MAX_REPORTS) {
            full = true;
            warn.accept("connections to configured hosts opened by clients the agent does not instrument were "
                    + "reported for " + MAX_REPORTS + " hosts and libraries; further ones are not reported");
            return;
        }
        if (reported.add(key)) {
            warn.accept("no token on connections to " + endpoint + " (a host of client '" + clientName + "') opened by "
                    + opener.describe() + " on thread '" + Thread.currentThread().getName() + "': the agent does not "
                    + "instrument that client, so its requests carry no token. " + opener.fix()
                    + " (said once per host and library)");
        }
    }
}
