package dev.oauthagent.testapps.slf4jsimpleapp;

import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;

/**
 * A program that logs with slf4j-simple. slf4j-simple has one destination per JVM, read once from system
 * properties: this program sends it to {@code <log-dir>/simple.log}, as an application configures a log file,
 * unless {@code -Dorg.slf4j.simpleLogger.logFile} is given (e.g. {@code System.err}, slf4j-simple's default).
 * Every leaky line is logged as the message, as a {} parameter and through an exception; then a 10 MB line.
 * Arguments: see {@link LeakySecrets#fromArgs}, and {@code --log-dir=<dir>}.
 */
public final class Slf4jSimpleApp {
    private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    private Slf4jSimpleApp() {
    }

    public static void main(String[] args) throws Exception {
        LeakySecrets secrets = LeakySecrets.fromArgs(args);
        if (System.getProperty(LOG_FILE) == null) {
            // Before the first LoggerFactory call: slf4j-simple reads its settings once.
            System.setProperty(LOG_FILE, new File(logDir(args), "simple.log").getPath());
        }
        Logger log = LoggerFactory.getLogger(Slf4jSimpleApp.class);

        for (LeakyLines.Line line : LeakyLines.clean()) {
            log.info(line.text());
        }
        for (LeakyLines.Line line : LeakyLines.leaks(secrets)) {
            log.info(line.text());
            log.warn("as a parameter: {}", line.text());
        }
        log.error("the billing call failed", LeakyLines.failure(secrets));
        log.info(LeakyLines.huge(secrets));
        System.out.println(LeakyLines.DONE);
    }

    private static File logDir(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--log-dir=")) {
                return new File(arg.substring("--log-dir=".length()));
            }
        }
        throw new IllegalArgumentException("usage: --log-dir=<dir> (and the arguments of LeakySecrets)");
    }
}
