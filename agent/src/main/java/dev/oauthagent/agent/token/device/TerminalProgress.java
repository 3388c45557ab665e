package dev.oauthagent.agent.token.device;

import java.io.PrintStream;

/** One status line rewritten in place with a carriage return, padded so a shorter text hides a longer one. */
final class TerminalProgress implements PollProgress {
    private final PrintStream out;
    private String shown = "";

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(String state, long secondsLeft) {
        String line = "  " + TimeLeft.format(secondsLeft) + " left: " + state;
        if (!line.equals(shown)) {
            rewrite(line);
            out.flush();
        }
    }

    @Override
    public void finish(String outcome) {
        rewrite("  " + outcome);
        out.println();
        out.flush();
    }

    private void rewrite(String line) {
        StringBuilder s = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < shown.length(); i++) {
            s.append(' ');
        }
        out.print(s);
        shown = line;
    }
}
