package dev.oauthagent.testapps.logbackapp;

import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A program that logs with slf4j and logback, configured by its own {@code logback.xml}: a console appender
 * with a pattern, a file appender with a pattern, a JSON file from logstash-logback-encoder and one from
 * logback's own JsonEncoder, all under {@code --log-dir}. It logs every leaky line as the message, as a
 * parameter and in the MDC, an exception carrying secrets in its message, cause and suppressed exception, and
 * a 10 MB line. Arguments: see {@link LeakySecrets#fromArgs}, plus {@code --log-dir=<dir>}.
 */
public final class LogbackApp {
    private LogbackApp() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger: logback.xml names its files under ${LOG_DIR}.
        System.setProperty("LOG_DIR", logDir(args));
        LeakySecrets secrets = LeakySecrets.fromArgs(args);
        Logger log = LoggerFactory.getLogger(LogbackApp.class);

        for (LeakyLines.Line line : LeakyLines.clean()) {
            log.info(line.text());
        }
        for (LeakyLines.Line line : LeakyLines.leaks(secrets)) {
            log.info(line.text());
            log.warn("as a parameter: {}", line.text());
            MDC.put("leak", line.text());
            log.info("with the MDC");
            MDC.remove("leak");
        }
        log.error("the call failed", LeakyLines.failure(secrets));
        log.info(LeakyLines.huge(secrets));

        // Closes the files (and writes the encoders' footers) before the test reads them.
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        System.out.println(LeakyLines.DONE);
    }

    private static String logDir(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--log-dir=")) {
                return arg.substring("--log-dir=".length());
            }
        }
        throw new IllegalArgumentException("usage: --log-dir=<dir> (and see LeakySecrets.fromArgs)");
    }
}
