package dev.oauthagent.testapps.log4j2app;

import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * A program that logs with log4j2 (its log4j2.xml: three consoles, one direct and one following System.out, a
 * pattern file, a JSON template file, a rolling file and an async random-access file) and logs every leaky line as
 * the message, as a parameter, in the ThreadContext, and a failure with a cause and a suppressed exception, then a
 * 10 MB line.
 * Arguments: see {@link LeakySecrets#fromArgs}, and {@code --log-dir=<dir>} for the log files.
 */
public final class Log4j2App {
    private Log4j2App() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger: the configuration names its files under this directory.
        System.setProperty("leaky.log.dir", logDir(args));
        LeakySecrets secrets = LeakySecrets.fromArgs(args);
        Logger log = LogManager.getLogger(Log4j2App.class);

        for (LeakyLines.Line line : LeakyLines.clean()) {
            log.info(line.text());
        }
        for (LeakyLines.Line line : LeakyLines.leaks(secrets)) {
            log.info(line.text());
            log.warn("parameter: {}", line.text());
            ThreadContext.put("request", line.text());
            log.info("context holds the line");
            ThreadContext.remove("request");
        }
        log.error("the call failed", LeakyLines.failure(secrets));
        log.info(LeakyLines.huge(secrets));

        // Flushes the async appender and closes the files before the program says it is done.
        LogManager.shutdown();
        System.out.println(LeakyLines.DONE);
    }

    private static String logDir(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--log-dir=")) {
                return arg.substring("--log-dir=".length());
            }
        }
        throw new IllegalArgumentException("usage: --log-dir=<dir> (and see LeakySecrets)");
    }
}
