package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SystemBrowserTest {

    /** The URL goes to an opener as an argument: only a web URL may, nothing it could take for a file or option. */
    @Test
    void opensNothingButHttpAndHttpsUrls() {
        SystemBrowser browser = new SystemBrowser();

        assertThat(browser.open(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(browser.open(URI.create("javascript:alert(1)"))).isFalse();
        assertThat(browser.open(URI.create("/relative/-x"))).isFalse();
    }
}
