package dev.oauthagent.testapps.leaky;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a java.util.logging program logs of the leaky lines: each one as the message and as a {0} parameter,
 * then the failure with its secret-bearing causes, then the 10 MB line. Shared by the test apps that log
 * through java.util.logging's API (jul-app, and juli-app under Tomcat's JULI), whatever their handlers.
 */
public final class JulLeaks {
    private JulLeaks() {
    }

    public static void logAll(Logger log, LeakySecrets secrets) {
        for (LeakyLines.Line line : LeakyLines.leaks(secrets)) {
            log.info(line.text());
            log.log(Level.WARNING, "as a parameter: {0}", line.text());
        }
        log.log(Level.SEVERE, "the billing call failed", LeakyLines.failure(secrets));
        log.info(LeakyLines.huge(secrets));
    }
}
