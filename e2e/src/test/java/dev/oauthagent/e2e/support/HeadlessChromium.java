package dev.oauthagent.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through its {@code chromedriver} with a profile of its own that is
 * deleted on {@link #close()}. Selenium is pointed at both programs, so Selenium Manager never downloads a browser
 * or a driver.
 *
 * <p>When either program is missing, the set-up installs both with {@code apt-get} (as root, which CI containers
 * run as), and otherwise fails with what to install: {@code mvn verify} on a fresh Debian or Ubuntu machine needs
 * nothing done by hand.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver");
    private static final Duration APT_LIMIT = Duration.ofMinutes(10);
    /** Held: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser, installing chromium first when it is missing. */
    public static HeadlessChromium start() {
        ensureInstalled();
        // Selenium warns that it has no DevTools for this chromium's version; the test uses none.
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory(Files.createDirectories(E2ePaths.childTmpRoot()), "chromium-profile-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a profile folder for chromium: " + e, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            FileTrees.delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileTrees.delete(profile);
        }
    }

    private static synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        String missing = "chromium (" + BROWSER + ") and its driver (" + DRIVER + ") are needed by the end-to-end"
                + " test of the code flow in a browser";
        if (!new File("/usr/bin/apt-get").canExecute() || !isRoot()) {
            throw new IllegalStateException(missing + ", and they can be installed here only by root with apt-get."
                    + " Install them: sudo apt-get install -y " + String.join(" ", PACKAGES) + " (Debian, Ubuntu)");
        }
        Path log = E2ePaths.logDir().resolve("apt-get-chromium.log");
        if (aptGet(log, "install") != 0) {
            aptGet(log, "update");
            aptGet(log, "install");
        }
        if (!installed()) {
            throw new IllegalStateException(missing + ", and apt-get install -y " + String.join(" ", PACKAGES)
                    + " did not install them: see " + log);
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes()).strip();
            return id.waitFor(10, TimeUnit.SECONDS) && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return apt-get's exit status, or -1 when it did not finish within {@link #APT_LIMIT} */
    private static int aptGet(Path log, String command) {
        List<String> line = command.equals("install")
                ? List.of("apt-get", "install", "-y", "--no-install-recommends", PACKAGES.get(0), PACKAGES.get(1))
                : List.of("apt-get", command);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process apt = builder.start();
            if (!apt.waitFor(APT_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                apt.destroyForcibly();
                return -1;
            }
            return apt.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", line) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", line), e);
        }
    }
}
