package dev.oauthagent.agent.token.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's browser: {@code java.awt.Desktop} when the JVM has a display and the desktop can browse, else
 * the platform's opener ({@code xdg-open} on Linux and BSD, {@code open} on macOS) when it is installed, waited
 * for a few seconds at most. java.awt is reached reflectively: a headless or jlinked runtime may lack it, and
 * loading it must not start a toolkit where there is no display.
 *
 * <p>Whatever happens here, the flow prints the URL as well, so a failure to open a browser costs nothing.
 */
public final class SystemBrowser implements BrowserLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(SystemBrowser.class);
    private static final long OPENER_WAIT_SECONDS = 5;

    @Override
    public boolean open(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false; // only web URLs go to an opener: nothing it could take for an option or a file
        }
        return openWithDesktop(url) || openWithCommand(url);
    }

    private static boolean openWithDesktop(URI url) {
        try {
            Class<?> environment = Class.forName("java.awt.GraphicsEnvironment");
            if ((Boolean) environment.getMethod("isHeadless").invoke(null)) {
                return false;
            }
            Class<?> desktop = Class.forName("java.awt.Desktop");
            if (!(Boolean) desktop.getMethod("isDesktopSupported").invoke(null)) {
                return false;
            }
            Object instance = desktop.getMethod("getDesktop").invoke(null);
            Class<?> action = Class.forName("java.awt.Desktop$Action");
            Object browse = action.getField("BROWSE").get(null);
            if (!(Boolean) desktop.getMethod("isSupported", action).invoke(instance, browse)) {
                return false;
            }
            Method open = desktop.getMethod("browse", URI.class);
            open.invoke(instance, url);
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debug("no desktop browser: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private static boolean openWithCommand(URI url) {
        String opener = opener();
        if (opener == null) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(opener, url.toASCIIString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/dev/null")))
                    .start();
            if (!process.waitFor(OPENER_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true; // still starting the browser: leave it running
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.debug("{} did not start: {}", opener, e.getClass().getSimpleName());
            return false;
        }
    }

    /** The full path of the platform's opener, or null when there is none. */
    private static String opener() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String name = os.contains("mac") ? "open" : os.contains("win") ? null : "xdg-open";
        if (name == null) {
            return null; // Windows has a desktop whenever it has a browser; Desktop covers it
        }
        if (name.equals("xdg-open") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return null; // without a display xdg-open falls back to a text browser, which would take the terminal
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
