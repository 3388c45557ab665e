package dev.oauthagent.agent.token.device;

import java.io.PrintStream;

/** A plain line per change of state, with the time left at that moment; nothing while the state stays. */
final class LineProgress implements PollProgress {
    private final PrintStream out;
    private String state;

    LineProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(String state, long secondsLeft) {
        if (!state.equals(this.state)) {
            this.state = state;
            out.println("  " + state + " (" + TimeLeft.format(secondsLeft) + " left)");
            out.flush();
        }
    }

    @Override
    public void finish(String outcome) {
        out.println("  " + outcome);
        out.flush();
    }
}
