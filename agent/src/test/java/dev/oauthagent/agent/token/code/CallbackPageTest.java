package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackPageTest {

    @Test
    void serverTextIsEscapedSoItCannotBecomeMarkup() {
        CallbackPage page = CallbackPage.failed("app", "<script>alert('x')</script> & \"more\"");

        assertThat(new String(page.body, StandardCharsets.UTF_8))
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
                .doesNotContain("<script>");
        assertThat(page.status).isEqualTo(400);
    }

    @Test
    void successPageSaysInPlainWordsThatTheLoginWorkedAndTheWindowCanBeClosed() {
        CallbackPage page = CallbackPage.loggedIn("app");

        assertThat(new String(page.body, StandardCharsets.UTF_8)).contains("<h1>Login worked</h1>")
                .contains("The login for client &#39;app&#39; worked: oauth-agent has its tokens. You can close this"
                        + " window.");
        assertThat(page.status).isEqualTo(200);
    }
}
