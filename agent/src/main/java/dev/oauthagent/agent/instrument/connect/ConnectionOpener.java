package dev.oauthagent.agent.instrument.connect;

import dev.oauthagent.agent.instrument.ClientLibraries;
import dev.oauthagent.agent.instrument.ClientLibrary;

/**
 * Who opens a connection, judged from the stack at the JDK's connect, innermost frame first: the first frame of a
 * known client library ({@link ClientLibraries}), else the first frame that is not the JDK's (a library or the
 * application itself). Frames of the JDK that belong to no known library (its socket and TLS layers,
 * {@code AccessController}) and the agent's own are passed over; the walk stops at the first decisive frame, so
 * its cost is the depth of the client's connect path, about a dozen frames for the JDK's HttpURLConnection.
 */
final class ConnectionOpener implements FrameVisitor {
    private static final String AGENT_PREFIX = "dev.oauthagent.";
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "sun.", "jdk.", "com.sun."};
    /** Where the JDK's own classes live on Java 9+ (boot or platform loader); on Java 8 the extension loader. */
    private static final ClassLoader PLATFORM = ClassLoader.getSystemClassLoader().getParent();

    private ClientLibrary library;
    private Class<?> type;
    private String className;
    private String firstJdkName;
    private Class<?> firstJdkType;

    /** The opener of the connection the current thread is opening. */
    static Opener ofCurrentThread() {
        ConnectionOpener opener = new ConnectionOpener();
        CallerFrames.walk(opener);
        return opener.result();
    }

    @Override
    public boolean visit(Class<?> frameType, String frameClassName) {
        if (frameClassName.startsWith(AGENT_PREFIX)) {
            return false;
        }
        ClientLibrary known = ClientLibraries.ofClass(frameClassName);
        if (known != null || !isJdk(frameType, frameClassName)) {
            library = known;
            type = frameType;
            className = frameClassName;
            return true;
        }
        if (firstJdkName == null && !isSocketLayer(frameClassName)) {
            firstJdkName = frameClassName;
            firstJdkType = frameType;
        }
        return false;
    }

    /** What the frames showed; the JDK's first non-socket class when no frame outside the JDK was found. */
    Opener result() {
        if (className != null) {
            return new Opener(library, type, className, false);
        }
        return new Opener(null, firstJdkType, firstJdkName == null ? "(unknown)" : firstJdkName, true);
    }

    private static boolean isJdk(Class<?> frameType, String frameClassName) {
        if (frameType != null) {
            ClassLoader loader = frameType.getClassLoader();
            return loader == null || loader == PLATFORM;
        }
        for (String prefix : JDK_PREFIXES) {
            if (frameClassName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's connect machinery itself: never the answer to "who opened it". */
    private static boolean isSocketLayer(String frameClassName) {
        return frameClassName.startsWith("java.net.") || frameClassName.startsWith("sun.nio.ch.")
                || frameClassName.startsWith("java.nio.") || frameClassName.startsWith("sun.security.ssl.")
                || frameClassName.startsWith("javax.net.") || frameClassName.startsWith("java.security.")
                || frameClassName.startsWith("java.lang.");
    }
}
