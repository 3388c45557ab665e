package dev.oauthagent.agent.instrument;

import java.io.IOException;

/** The class {@link HookPointTransformerTest} inserts calls into; shaped like the JDK methods the agent hooks. */
public class HookTarget {
    public String label = "target";
    public final StringBuilder trace = new StringBuilder();

    public HookTarget() {
    }

    /** Like slf4j-simple's OutputChoice(PrintStream): the hook replaces the argument before super() runs. */
    public HookTarget(String label) {
        this.label = label;
    }

    /** Like logback's writeBytes(byte[]): the hook may replace the array; branches keep frames in play. */
    public String line(byte[] bytes) {
        if (bytes.length == 0) {
            return "empty";
        }
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Like SyslogOutputStream.write(byte[], int, int): the hook may replace the range; a loop over it. */
    public String range(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = offset; i < offset + length; i++) {
            out.append((char) bytes[i]);
        }
        return out.toString();
    }

    /** Like HttpURLConnection.writeRequests(): the hook at entry may refuse with an IOException. */
    public void write() throws IOException {
        trace.append("write;");
    }

    /** Like getInputStream0(): returns from several places and may throw; catches an exception of its own. */
    public String read(int mode) throws IOException {
        try {
            if (mode == 2) {
                throw new IllegalStateException("handled inside");
            }
        } catch (IllegalStateException e) {
            trace.append("caught;");
            return "recovered";
        }
        if (mode == 1) {
            throw new IOException("read failed");
        }
        return "body";
    }

    /** Like MultiExchange.responseFilters(Response): returns the next thing to do, or null. */
    public String next(String response) {
        return response.startsWith("redirect") ? "follow " + response : null;
    }

    /** Like MainClientExec.needAuthentication(...): a boolean decided in branches, returned from two places. */
    public boolean retry(int status) {
        if (status == 407) {
            return true;
        }
        return status == 401 && label.isEmpty();
    }
}
