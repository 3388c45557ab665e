package dev.oauthagent.agent.instrument;

import java.io.IOException;

/** The class {@link HookPointTransformerTest} inserts calls into; shaped like the JDK methods the agent hooks. */
public class HookTarget {
    public String label = "target";
    public final StringBuilder trace = new StringBuilder();

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
}
