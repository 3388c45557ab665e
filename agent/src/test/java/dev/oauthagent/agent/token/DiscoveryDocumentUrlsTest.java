package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentUrlsTest {
    private static String[] candidates(String tokenUrl) {
        return DiscoveryDocumentUrls.candidates(URI.create(tokenUrl)).stream().map(URI::toString).toArray(String[]::new);
    }

    @Test
    void tokenUrlAtTheIssuerRootLooksAtTheRootDocuments() {
        String[] expected = {"https://as.example:8443/.well-known/oauth-authorization-server",
                "https://as.example:8443/.well-known/openid-configuration"};
        assertThat(candidates("https://as.example:8443")).containsExactly(expected);
        assertThat(candidates("https://as.example:8443/")).containsExactly(expected);
    }

    @Test
    void aPathThatCouldBeAnIssuerIsTriedWithRfc8414PathInsertionThenEachParent() {
        assertThat(candidates("https://as.example/tenant1/oauth/token")).containsExactly(
                "https://as.example/.well-known/oauth-authorization-server/tenant1/oauth/token",
                "https://as.example/tenant1/oauth/token/.well-known/openid-configuration",
                "https://as.example/.well-known/oauth-authorization-server/tenant1/oauth",
                "https://as.example/tenant1/oauth/.well-known/openid-configuration",
                "https://as.example/.well-known/oauth-authorization-server/tenant1",
                "https://as.example/tenant1/.well-known/openid-configuration",
                "https://as.example/.well-known/oauth-authorization-server",
                "https://as.example/.well-known/openid-configuration");
    }

    @Test
    void aTokenUrlThatIsADiscoveryDocumentIsReadItselfFirst() {
        assertThat(candidates("http://127.0.0.1:9000/.well-known/openid-configuration")).containsExactly(
                "http://127.0.0.1:9000/.well-known/openid-configuration",
                "http://127.0.0.1:9000/.well-known/oauth-authorization-server");
    }

    @Test
    void deepPathsAreCappedButTheRootDocumentsAreAlwaysTriedAndNothingLeavesTheOrigin() {
        String[] urls = candidates("https://as.example/a/b/c/d/e/f?x=1");

        assertThat(urls).hasSize(DiscoveryDocumentUrls.MAX_CANDIDATES + 2)
                .allMatch(u -> u.startsWith("https://as.example/")).noneMatch(u -> u.contains("?"))
                .endsWith("https://as.example/.well-known/oauth-authorization-server",
                        "https://as.example/.well-known/openid-configuration");
    }
}
