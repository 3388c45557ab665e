package dev.oauthagent.agent.instrument.urlconnection;

/** The status code of an HTTP/1.x status line such as "HTTP/1.1 401 Unauthorized". */
final class StatusLine {
    private StatusLine() {
    }

    /** The three-digit code, or -1 when {@code line} is not a status line. */
    static int code(String line) {
        if (line == null || !line.startsWith("HTTP/")) {
            return -1;
        }
        int space = line.indexOf(' ');
        if (space < 0 || line.length() < space + 4) {
            return -1;
        }
        int code = 0;
        for (int i = space + 1; i < space + 4; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        boolean ends = line.length() == space + 4 || line.charAt(space + 4) == ' ';
        return ends ? code : -1;
    }
}
