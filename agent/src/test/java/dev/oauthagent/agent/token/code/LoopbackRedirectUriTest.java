package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenFetchException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackRedirectUriTest {
    private static final CodeFlowMessages MESSAGES = new CodeFlowMessages(ClientConfig.builder("desktop")
            .tokenUrl(URI.create("https://as.example/token")).clientId("desktop-app").build());

    private static LoopbackRedirectUri parse(String text) throws TokenFetchException {
        return LoopbackRedirectUri.parse(text, MESSAGES);
    }

    @Test
    void portZeroIsReplacedByTheRealPortAndNothingElseChanges() throws Exception {
        LoopbackRedirectUri uri = parse("http://127.0.0.1:0/Oauth/CallBack/?x=0&y=%2F");

        assertThat(uri.port()).isZero();
        assertThat(uri.path()).isEqualTo("/Oauth/CallBack/");
        assertThat(uri.withPort(53121)).isEqualTo("http://127.0.0.1:53121/Oauth/CallBack/?x=0&y=%2F");
    }

    @Test
    void fixedPortIsKeptAsWritten() throws Exception {
        LoopbackRedirectUri uri = parse("HTTP://127.0.0.1:8400/callback");

        assertThat(uri.port()).isEqualTo(8400);
        assertThat(uri.withPort(8400)).isEqualTo("HTTP://127.0.0.1:8400/callback");
    }

    @Test
    void ipv6LoopbackIsAcceptedAndListenedOn() throws Exception {
        LoopbackRedirectUri uri = parse("http://[::1]:0/cb");

        assertThat(uri.address().isLoopbackAddress()).isTrue();
        assertThat(uri.withPort(4000)).isEqualTo("http://[::1]:4000/cb");
    }

    @Test
    void noPathMeansTheRootPath() throws Exception {
        assertThat(parse("http://127.0.0.1:0").path()).isEqualTo("/");
    }

    @Test
    void localhostIsRefusedWithTheLoopbackAddressToUseInstead() {
        assertThatThrownBy(() -> parse("http://localhost:0/callback"))
                .hasMessage("oauth-agent: client 'desktop': oauth.agent.clients.desktop.redirect-uri"
                        + " 'http://localhost:0/callback' must name the loopback address 127.0.0.1 or [::1] as its"
                        + " host (RFC 8252 §7.3); localhost and other names are not used, they may reach another"
                        + " program; for example http://127.0.0.1:0/callback.");
    }

    @Test
    void otherHostsSchemesAndShapesAreRefusedNamingTheKey() {
        for (String bad : new String[] {"https://127.0.0.1:0/cb", "http://0.0.0.0:0/cb", "http://10.0.0.1:0/cb",
                "http://127.0.0.1/cb", "http://127.0.0.1:0/cb#x", "http://u@127.0.0.1:0/cb", "not a uri",
                "http://127.0.0.1:70000/cb", "127.0.0.1:0/cb"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(TokenFetchException.class)
                    .hasMessageContaining("oauth.agent.clients.desktop.redirect-uri '" + bad + "'");
        }
    }
}
