package dev.oauthagent.agent.instrument.connect;

/** Sees the frames of the current thread's stack, innermost first, until it has seen enough. */
interface FrameVisitor {

    /**
     * @param type the frame's class, or null where only its name is known (Java 8)
     * @param className its binary name
     * @return true to stop the walk
     */
    boolean visit(Class<?> type, String className);
}
