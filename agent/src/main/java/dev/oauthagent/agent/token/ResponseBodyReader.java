package dev.oauthagent.agent.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body up to a size limit and within the request's total deadline. A token response is a
 * few hundred bytes; a body past the limit is the wrong endpoint or an attack, so reading stops at once
 * rather than buffering it.
 */
final class ResponseBodyReader {
    static final int MAX_BYTES = 1024 * 1024;

    private ResponseBodyReader() {
    }

    static byte[] read(InputStream in, int maxBytes, TotalDeadline deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[8192];
        while (true) {
            // Before every read, not only after: past the deadline the abort may have handed the stream to the
            // JDK's keep-alive cleaner, and a read would wait for it (TotalDeadline#aborted).
            deadline.check();
            int n = in.read(buffer);
            if (n == -1) {
                return out.toByteArray();
            }
            if (out.size() + n > maxBytes) {
                throw new TooLargeException();
            }
            out.write(buffer, 0, n);
        }
    }

    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("response body over the size limit");
        }
    }
}
