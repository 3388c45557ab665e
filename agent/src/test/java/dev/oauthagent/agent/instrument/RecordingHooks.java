package dev.oauthagent.agent.instrument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Static methods the inserted calls of {@link HookPointTransformerTest} reach; they record what they got. */
public final class RecordingHooks {
    static final List<String> CALLS = new ArrayList<>();
    static IOException refusal;
    static String replacement;

    private RecordingHooks() {
    }

    public static void beforeWrite(Object target, Object label) throws IOException {
        CALLS.add("beforeWrite " + label + " on " + target.getClass().getSimpleName());
        if (refusal != null) {
            throw refusal;
        }
    }

    public static void afterRead(Object target, Object label) {
        CALLS.add("afterRead " + label);
    }

    public static Object afterNext(Object next, Object target, Object response) {
        CALLS.add("afterNext next=" + next + " response=" + response);
        return next != null ? next : replacement;
    }

    static void reset() {
        CALLS.clear();
        refusal = null;
        replacement = null;
    }
}
