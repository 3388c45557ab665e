package dev.oauthagent.agent.instrument.apache4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTargetTest {

    @Test
    void aRequestLinePathIsReadFromItsStart() {
        assertThat(RouteTarget.pathStart("/api/items?page=2")).isZero();
    }

    @Test
    void anAbsoluteRequestTargetThroughAProxyIsReadFromItsPathOrQueryNeverItsHost() {
        assertThat(RouteTarget.pathStart("http://evil.example.net:81/api/x?q=1")).isEqualTo(26);
        assertThat(RouteTarget.pathStart("http://user@api.example.com?q=/api")).isEqualTo(27);
        assertThat(RouteTarget.pathStart("http://api.example.com")).isEqualTo(22);
    }

    @Test
    void aTargetThatIsNeitherIsReadAsAPathUnderTheRoot() {
        assertThat(RouteTarget.pathStart("*")).isZero();
        assertThat(RouteTarget.pathStart("api/x")).isZero();
    }
}
