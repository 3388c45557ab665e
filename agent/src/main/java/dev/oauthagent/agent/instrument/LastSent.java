package dev.oauthagent.agent.instrument;

/**
 * The {@code Authorization} value the agent put on the last request this thread wrote, and for which key (the
 * connection, or the request object). Where a client keeps no trace of a header it did not get from the
 * application (HttpURLConnection removes it from its header list once the response is read; OkHttp writes a
 * copy of the request the application never sees), the response hook finds the sent value here: a request is
 * written and its response read on the same thread. A response read on another thread than its request, or
 * after another request on the same thread, is missed: its token is then only replaced when it expires. One
 * mutable holder per thread and instance: nothing is allocated per request.
 */
public final class LastSent {
    private final ThreadLocal<Slot> perThread = new ThreadLocal<Slot>() {
        @Override
        protected Slot initialValue() {
            return new Slot();
        }
    };

    private static final class Slot {
        Object key;
        String authorization;
    }

    public void record(Object key, String authorization) {
        Slot last = perThread.get();
        last.key = key;
        last.authorization = authorization;
    }

    /** The value the agent sent for {@code key} from this thread, or null; forgets it either way. */
    public String take(Object key) {
        Slot last = perThread.get();
        String value = last.key == key ? last.authorization : null;
        last.key = null;
        last.authorization = null;
        return value;
    }
}
