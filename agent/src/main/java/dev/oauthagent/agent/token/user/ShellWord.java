package dev.oauthagent.agent.token.user;

/** A value written into a command line a user pastes into a POSIX shell. */
final class ShellWord {
    private ShellWord() {
    }

    /** The value itself when the shell keeps it as one word unchanged, else in single quotes. */
    static String quote(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
