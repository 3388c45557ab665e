package dev.oauthagent.e2e.support;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URL a test server announces on its ready line; a server that never gets ready is not left running. */
final class ReadyUrl {
    private ReadyUrl() {
    }

    /** @param ready a pattern whose group 1 is the URL */
    static URI await(JavaProcess process, Pattern ready, Duration timeout) {
        try {
            Matcher line = ready.matcher(process.awaitLine(ready, timeout));
            if (!line.matches()) {
                throw new IllegalStateException("unexpected ready line from " + process);
            }
            return URI.create(line.group(1));
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }
}
