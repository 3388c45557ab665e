package dev.oauthagent.agent.instrument.okhttp;

/** The version of the OkHttp copy a class belongs to, for log lines: "4.12.0", or "(version unknown)". */
final class OkHttpVersion {
    private OkHttpVersion() {
    }

    static String of(Class<?> okHttpClass) {
        ClassLoader loader = okHttpClass.getClassLoader();
        try {
            // 4.x and 5.x; a constant in 4.x, a field read at run time in 5.x.
            return String.valueOf(Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION").get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notFourOrLater) {
            try {
                // 3.x: "okhttp/3.14.9"
                String agent = String.valueOf(Class.forName("okhttp3.internal.Version", false, loader)
                        .getMethod("userAgent").invoke(null));
                return agent.startsWith("okhttp/") ? agent.substring("okhttp/".length()) : agent;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unknown) {
                return "(version unknown)";
            }
        }
    }
}
