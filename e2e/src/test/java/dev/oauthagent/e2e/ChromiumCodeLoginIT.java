package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.CodeLogin;
import dev.oauthagent.e2e.support.HeadlessChromium;
import dev.oauthagent.e2e.support.JavaProcess;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * {@code login} for the authorization code flow with the person in a real browser: headless chromium opens the
 * address the login printed, signs in on the server's login form, ticks the scopes, submits the consent and lands
 * on the agent's loopback page, which says in plain words that the login worked and shows no code or token.
 * (chromium is installed by {@link HeadlessChromium} when missing.)
 */
class ChromiumCodeLoginIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void personLogsInInABrowserAndTheLoopbackPageSaysTheLoginWorked() {
        AuthServer server = AuthServer.shared();
        try (CodeLogin login = CodeLogin.start(server, dir, AuthServer.PKCE_CLIENT_ID, null, null);
                HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            URI address = URI.create(login.authorizationUrl(PATIENCE));
            int loopbackPort = URI.create(query(address, "redirect_uri")).getPort();

            browser.get(address.toString());
            await(browser, b -> b.getCurrentUrl().contains("/login"), "the server's login form");
            browser.findElement(By.name("username")).sendKeys(AuthServer.USER_NAME);
            browser.findElement(By.name("password")).sendKeys(server.userPassword());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            await(browser, b -> !b.findElements(By.id("submit-consent")).isEmpty(), "the consent page");
            for (WebElement scope : browser.findElements(By.cssSelector("input[type=checkbox][name=scope]"))) {
                if (!scope.isSelected()) {
                    scope.click();
                }
            }
            browser.findElement(By.id("submit-consent")).click();
            await(browser, b -> URI.create(b.getCurrentUrl()).getPort() == loopbackPort
                    && !b.findElements(By.tagName("h1")).isEmpty(), "the agent's loopback page");

            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).contains("Login worked")
                    .contains("The login for client 'desktop' worked: oauth-agent has its tokens. You can close this"
                            + " window.");
            assertThat(browser.getPageSource()).doesNotContain("code=")
                    .doesNotContain("eyJ").doesNotContainPattern("[A-Za-z0-9_-]{40,}");
            JavaProcess cli = login.process();
            assertThat(cli.awaitExit(PATIENCE)).as(cli.stderr()).isZero();
            assertThat(cli.stdout())
                    .containsPattern("client 'desktop': logged in; refresh token [0-9a-f]{8} stored in ");
            assertThat(login.outputButTheAddress()).doesNotContain("eyJ").doesNotContainPattern("[A-Za-z0-9_-]{40,}");
        }
    }

    /** Waits for the page the person expects next; fails naming it and where the browser is instead. */
    private static void await(WebDriver browser, Predicate<WebDriver> arrived, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!arrived.test(browser)) {
            if (Instant.now().isAfter(deadline)) {
                URI at = URI.create(browser.getCurrentUrl());
                throw new AssertionError("the browser did not reach " + what + " within " + PATIENCE + "; it is at "
                        + at.getScheme() + "://" + at.getRawAuthority() + at.getRawPath() + " titled '"
                        + browser.getTitle() + "'");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in the authorization address");
    }
}
