package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ServerTextSanitizerTest {
    private static final String SECRET = "pä ss:w+rd";
    private final ServerTextSanitizer sanitizer = ServerTextSanitizer.forClient(ClientConfig.builder("c")
            .tokenUrl(URI.create("https://as.example/token")).clientId("my:id")
            .clientSecret(Secret.of(SECRET, "test")).build());

    @Test
    void removesTheSecretInEveryFormTheServerMightEcho() {
        String basic = Base64.getEncoder().encodeToString(
                ("my%3Aid:" + FormUrlEncoding.encode(SECRET)).getBytes(StandardCharsets.US_ASCII));
        String text = sanitizer.sanitize("raw " + SECRET + " encoded " + FormUrlEncoding.encode(SECRET)
                + " basic " + basic);

        assertThat(text).isEqualTo("raw **** encoded **** basic ****");
    }

    @Test
    void replacesNonPrintableCharactersAndStillCatchesANonAsciiSecret() {
        assertThat(sanitizer.sanitize("a\r\nb\u0000c")).isEqualTo("a??b?c");
        assertThat(sanitizer.sanitize("echo p\u00e5 ss:w+rd")).isEqualTo("echo ****");
    }

    @Test
    void cutsLongTextTo200Characters() {
        assertThat(sanitizer.sanitize("x".repeat(5000))).hasSize(203).endsWith("...");
    }
}
