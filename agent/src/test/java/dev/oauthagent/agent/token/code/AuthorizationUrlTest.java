package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationUrlTest {
    private static final String REDIRECT = "http://127.0.0.1:5000/callback";

    @Test
    void carriesEveryParameterFormEncodedInOrder() {
        URI url = AuthorizationUrl.build(URI.create("https://as.example/oauth2/authorize"), "desk top&1",
                REDIRECT, List.of("openid", "orders:read"), "st-1", "ch_2");

        assertThat(url.toString()).isEqualTo("https://as.example/oauth2/authorize?response_type=code"
                + "&client_id=desk+top%261&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback"
                + "&scope=openid+orders%3Aread&state=st-1&code_challenge=ch_2&code_challenge_method=S256");
    }

    @Test
    void keepsTheQueryTheConfiguredUrlHasAndLeavesOutAnEmptyScope() {
        URI url = AuthorizationUrl.build(URI.create("https://as.example/authorize?tenant=a%20b&prompt=login"),
                "app", REDIRECT, List.of(), "s", "c");

        assertThat(url.getRawQuery()).startsWith("tenant=a%20b&prompt=login&response_type=code&client_id=app&")
                .doesNotContain("scope=");
    }

    @Test
    void aConfiguredUrlEndingInQuestionMarkOrAmpersandGetsNoEmptyParameter() {
        assertThat(AuthorizationUrl.build(URI.create("https://as.example/a?"), "app", REDIRECT, List.of(), "s", "c")
                .toString()).startsWith("https://as.example/a?response_type=code&");
        assertThat(AuthorizationUrl.build(URI.create("https://as.example/a?x=1&"), "app", REDIRECT, List.of(), "s",
                "c").toString()).startsWith("https://as.example/a?x=1&response_type=code&");
    }
}
