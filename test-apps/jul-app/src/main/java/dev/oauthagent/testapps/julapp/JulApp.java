package dev.oauthagent.testapps.julapp;

import dev.oauthagent.testapps.leaky.JulLeaks;
import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;

import java.io.File;
import java.io.IOException;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.XMLFormatter;

/**
 * A program that logs with java.util.logging as legacy code does: the root logger's ConsoleHandler from the
 * JDK's default logging.properties (stderr, SimpleFormatter), plus file handlers under {@code --log-dir}: one
 * with SimpleFormatter, one with XMLFormatter, and a small rotating one with a formatter of its own, so that
 * files opened by rotation are covered too. Every leaky line is logged as the message, as a {0} parameter and
 * through an exception; then a 10 MB line. Arguments: see {@link LeakySecrets#fromArgs}, and
 * {@code --log-dir=<dir>}. With {@code --wait-for=<file>} it sets up its handlers and logs the clean lines, then
 * waits for that file before it fetches and logs the secrets: a test attaches the agent meanwhile.
 */
public final class JulApp {
    /** Small enough that the leaky lines fill several generations before the huge line. */
    private static final int ROTATE_AT_BYTES = 1024;
    private static final int GENERATIONS = 100;
    /** Printed on stdout with {@code --wait-for=<file>}: the handlers are set up, waiting for that file. */
    private static final String WAITING = "JUL_APP_WAITING_FOR_AGENT";
    private static final long WAIT_FOR_AGENT_NANOS = 120L * 1000 * 1000 * 1000;

    private JulApp() {
    }

    public static void main(String[] args) throws Exception {
        Logger log = Logger.getLogger("jul-app");
        File logDir = logDir(args);
        log.addHandler(fileHandler(new File(logDir, "jul-simple.log").getPath(), new SimpleFormatter()));
        log.addHandler(fileHandler(new File(logDir, "jul-xml.log").getPath(), new XMLFormatter()));
        FileHandler rotating = new FileHandler(new File(logDir, "jul-rotating-%g.log").getPath(), ROTATE_AT_BYTES,
                GENERATIONS, false);
        rotating.setFormatter(new OneLineFormatter());
        log.addHandler(rotating);

        for (LeakyLines.Line line : LeakyLines.clean()) {
            log.info(line.text());
        }
        String attachSignal = option(args, "--wait-for=");
        if (attachSignal != null) {
            // The handlers exist and have written: an agent attached now finds them made before it.
            System.out.println(WAITING);
            System.out.flush();
            awaitFile(new File(attachSignal));
        }
        JulLeaks.logAll(log, LeakySecrets.fromArgs(args));

        for (Handler handler : log.getHandlers()) {
            handler.close();
        }
        System.out.println(LeakyLines.DONE);
    }

    private static Handler fileHandler(String path, Formatter formatter) throws IOException {
        FileHandler handler = new FileHandler(path, false);
        handler.setFormatter(formatter);
        return handler;
    }

    private static File logDir(String[] args) {
        String dir = option(args, "--log-dir=");
        if (dir == null) {
            throw new IllegalArgumentException("usage: --log-dir=<dir> [--wait-for=<file>] (and the arguments of "
                    + "LeakySecrets)");
        }
        return new File(dir);
    }

    private static String option(String[] args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }

    private static void awaitFile(File file) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_FOR_AGENT_NANOS;
        while (!file.exists()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no " + file + " after 120 s: nobody attached the agent");
            }
            Thread.sleep(50);
        }
    }

    /** An application's own Formatter: level, message with its parameters, and the exception's messages. */
    private static final class OneLineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder();
            line.append(record.getLevel()).append(" | ").append(formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
                for (Throwable suppressed : t.getSuppressed()) {
                    line.append(" | suppressed ").append(suppressed);
                }
            }
            return line.append(System.lineSeparator()).toString();
        }
    }
}
