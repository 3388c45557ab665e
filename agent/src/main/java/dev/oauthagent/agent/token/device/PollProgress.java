package dev.oauthagent.agent.token.device;

import java.io.PrintStream;

/**
 * Shows the person how the wait goes: the time left and what the poller is doing. On a terminal one line
 * rewritten in place ({@link TerminalProgress}); elsewhere (a log file, a CI console) a plain line per change of
 * state ({@link LineProgress}), never one per poll.
 */
interface PollProgress {

    /** Called about once a second while waiting, and whenever the state changes. */
    void update(String state, long secondsLeft);

    /** The last word: the flow ended with {@code outcome}. */
    void finish(String outcome);

    /** @param terminal whether the stream is an interactive terminal (the caller knows: System.console()) */
    static PollProgress on(PrintStream out, boolean terminal) {
        return terminal ? new TerminalProgress(out) : new LineProgress(out);
    }
}
