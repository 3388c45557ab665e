package dev.oauthagent.agent.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartOnlyFileWatchTest {
    @TempDir
    Path dir;

    @Test
    void aChangedFileIsSaidOnceWithTheKeyAndThatARestartAppliesItNeverTheValue() throws Exception {
        Path file = Files.writeString(dir.resolve("trust-pass"), "first-password");
        StartOnlyFileWatch watch = new StartOnlyFileWatch("billing", "truststore-password", file);

        assertThat(watch.check()).as("unchanged").isNull();
        Files.writeString(file, "second-password-longer");

        assertThat(watch.check()).isEqualTo("client 'billing': truststore-password changed in file " + file
                + ", but it is read only at start; restart the application to apply it (the value read at start stays"
                + " in use)").doesNotContain("password-longer");
        assertThat(watch.check()).as("said once per change").isNull();
    }

    @Test
    void aFileMissingForAMomentIsNoChange() throws Exception {
        Path file = Files.writeString(dir.resolve("trust-pass"), "first-password");
        StartOnlyFileWatch watch = new StartOnlyFileWatch("billing", "truststore-password", file);
        Files.delete(file);

        assertThat(watch.check()).isNull();
    }

    @Test
    void onlySecretsFromFilesThatApplyAtStartAreWatched() throws Exception {
        Path trust = Files.writeString(dir.resolve("trust-pass"), "p");
        ClientConfig fromFile = ClientConfig.builder("billing").tokenUrl(URI.create("https://as.example/token"))
                .clientId("id").clientSecret(Secret.fromFile("s", dir.resolve("secret")))
                .truststorePassword(Secret.fromFile("p", trust)).build();
        ClientConfig fromEnv = ClientConfig.builder("billing").tokenUrl(URI.create("https://as.example/token"))
                .clientId("id").clientSecret(Secret.of("s", "env var S"))
                .truststorePassword(Secret.of("p", "env var P")).build();

        assertThat(StartOnlySecrets.watches(fromFile)).hasSize(1); // the client secret is read again instead
        assertThat(StartOnlySecrets.watches(fromEnv)).isEmpty();
    }
}
