package dev.oauthagent.agent.instrument.urlconnection;

/**
 * The {@code Authorization} value the agent put on the last request this thread wrote, and on which
 * connection. {@code HttpURLConnection} removes a header it did not get from the application from its header
 * list as soon as the response is read, so the response hook cannot look the sent value up there; the
 * request is written and its response read on the same thread (the connection holds its lock throughout), so
 * the thread remembers it. A response read on another thread than its request is missed: its token is then
 * only replaced when it expires. One mutable holder per thread: nothing is allocated per request.
 */
final class LastSent {
    private static final ThreadLocal<LastSent> PER_THREAD = new ThreadLocal<LastSent>() {
        @Override
        protected LastSent initialValue() {
            return new LastSent();
        }
    };

    private Object connection;
    private String authorization;

    private LastSent() {
    }

    static void record(Object connection, String authorization) {
        LastSent last = PER_THREAD.get();
        last.connection = connection;
        last.authorization = authorization;
    }

    /** The value the agent sent on {@code connection} from this thread, or null; forgets it. */
    static String take(Object connection) {
        LastSent last = PER_THREAD.get();
        String value = last.connection == connection ? last.authorization : null;
        last.connection = null;
        last.authorization = null;
        return value;
    }
}
