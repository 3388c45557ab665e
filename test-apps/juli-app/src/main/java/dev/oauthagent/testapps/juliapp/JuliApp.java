package dev.oauthagent.testapps.juliapp;

import dev.oauthagent.testapps.leaky.JulLeaks;
import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;

import org.apache.juli.AsyncFileHandler;
import org.apache.juli.FileHandler;
import org.apache.juli.OneLineFormatter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A program that logs as a web application on Tomcat does: java.util.logging under Tomcat's
 * {@code ClassLoaderLogManager} (set with {@code -Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager},
 * as catalina.sh does), with JULI's file handlers writing dated files under {@code --log-dir}:
 * {@code catalina.<date>.log} from a {@code FileHandler} with Tomcat's {@code OneLineFormatter}, and
 * {@code localhost.<date>.log} from an {@code AsyncFileHandler} with {@code SimpleFormatter}, made with the
 * (directory, prefix, suffix) constructors that Tomcat's own logging.properties entries amount to. Every leaky line
 * is logged as the message, as a {0} parameter and through an exception; then a 10 MB line. Arguments: see
 * {@link LeakySecrets#fromArgs}, and {@code --log-dir=<dir>}.
 */
public final class JuliApp {
    private static final String MANAGER = "org.apache.juli.ClassLoaderLogManager";
    /** Logged last; the async handler's file must end with it before the handlers are closed. */
    private static final String LAST_LINE = "juli-app: last line";
    private static final long DRAIN_NANOS = 60L * 1000 * 1000 * 1000;

    private JuliApp() {
    }

    public static void main(String[] args) throws Exception {
        if (!LogManager.getLogManager().getClass().getName().equals(MANAGER)) {
            throw new IllegalStateException("run with -Djava.util.logging.manager=" + MANAGER + "; the LogManager is "
                    + LogManager.getLogManager().getClass().getName());
        }
        File logDir = logDir(args);
        Logger log = Logger.getLogger("juli-app");
        FileHandler catalina = new FileHandler(logDir.getPath(), "catalina.", ".log");
        catalina.setFormatter(new OneLineFormatter());
        AsyncFileHandler localhost = new AsyncFileHandler(logDir.getPath(), "localhost.", ".log");
        localhost.setFormatter(new SimpleFormatter());
        log.addHandler(catalina);
        log.addHandler(localhost);

        for (LeakyLines.Line line : LeakyLines.clean()) {
            log.info(line.text());
        }
        JulLeaks.logAll(log, LeakySecrets.fromArgs(args));
        log.info(LAST_LINE);

        awaitLastLine(logDir, "localhost.");
        for (Handler handler : log.getHandlers()) {
            handler.close();
        }
        System.out.println(LeakyLines.DONE);
    }

    /**
     * AsyncFileHandler writes on its own thread and its close() does not wait for the records still queued:
     * wait until its file holds the last one.
     */
    private static void awaitLastLine(File logDir, String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (!endsWithLastLine(logDir, prefix)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no '" + LAST_LINE + "' in " + logDir + "/" + prefix + "* after 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static boolean endsWithLastLine(File logDir, String prefix) throws IOException {
        File[] files = logDir.listFiles();
        for (File file : files == null ? new File[0] : files) {
            if (file.getName().startsWith(prefix)) {
                String text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
                if (text.contains(LAST_LINE)) {
                    return true;
                }
            }
        }
        return false;
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
