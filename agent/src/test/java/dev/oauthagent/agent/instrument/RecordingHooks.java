package dev.oauthagent.agent.instrument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Static methods the inserted calls of {@link HookPointTransformerTest} reach; they record what they got. */
public final class RecordingHooks {
    static final List<String> CALLS = new ArrayList<>();
    static IOException refusal;
    static String replacement;
    static byte[] lineReplacement;
    static int retryStatus;

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

    public static boolean afterRetry(boolean decided, Object target, int status) {
        CALLS.add("afterRetry decided=" + decided + " status=" + status);
        return decided || status == retryStatus;
    }

    public static byte[] replaceLine(byte[] line) {
        CALLS.add("replaceLine " + new String(line, StandardCharsets.ISO_8859_1));
        return lineReplacement != null ? lineReplacement : line;
    }

    public static byte[] replaceRange(byte[] bytes, int offset, int length) {
        CALLS.add("replaceRange " + new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        return lineReplacement != null ? lineReplacement : bytes;
    }

    public static int offsetAfter(byte[] result, byte[] original, int offset) {
        return result == original ? offset : 0;
    }

    public static int lengthAfter(byte[] result, byte[] original, int length) {
        return result == original ? length : result.length;
    }

    public static String replaceLabel(String label) {
        return "hooked " + label;
    }

    static void reset() {
        CALLS.clear();
        refusal = null;
        replacement = null;
        retryStatus = 0;
        lineReplacement = null;
    }
}
