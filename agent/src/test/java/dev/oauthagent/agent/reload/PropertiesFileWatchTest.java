package dev.oauthagent.agent.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.LoadedConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits of the properties file while the agent runs; each check is called by hand, no thread, no clock. */
class PropertiesFileWatchTest {
    private static final String OLD_SECRET = "first-literal-secret-0001";
    private static final String NEW_SECRET = "second-literal-secret-0002";
    private static final String BASE = "oauth.agent.clients.billing.";

    @TempDir
    Path dir;

    private Path file;
    private final List<ClientConfig> applied = new ArrayList<>();
    private final List<Set<String>> appliedKeys = new ArrayList<>();
    private final AtomicInteger loads = new AtomicInteger();
    private boolean userGrant;
    private PropertiesFileWatch watch;

    private final PropertiesFileWatch.LiveClients clients = new PropertiesFileWatch.LiveClients() {
        @Override
        public Set<String> names() {
            return Collections.singleton("billing");
        }

        @Override
        public boolean canApplyLive(String clientName) {
            return !userGrant;
        }

        @Override
        public void apply(ClientConfig config, Set<String> keys) {
            applied.add(config);
            appliedKeys.add(new TreeSet<>(keys));
        }
    };

    @BeforeEach
    void start() throws IOException {
        file = dir.resolve("agent.properties");
        write(props(OLD_SECRET, "orders:read", "api.example", "5s"));
        watch = new PropertiesFileWatch(file, load(), this::load, clients);
    }

    private LoadedConfig load() {
        loads.incrementAndGet();
        return ConfigLoader.loadWithFile(file.toString(), "test", Collections.emptyMap(), Collections.emptyMap());
    }

    private static String props(String secret, String scopes, String hosts, String connectTimeout) {
        return BASE + "token-url=https://as.example/oauth2/token\n"
                + BASE + "client-id=billing-service\n"
                + BASE + "client-secret=" + secret + "\n"
                + BASE + "scopes=" + scopes + "\n"
                + BASE + "hosts=" + hosts + "\n"
                + BASE + "connect-timeout=" + connectTimeout + "\n";
    }

    private void write(String content) throws IOException {
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoSecretIn(PropertiesFileWatch.Outcome outcome) {
        for (String line : outcome.warnings) {
            assertThat(line).doesNotContain(OLD_SECRET).doesNotContain(NEW_SECRET);
        }
        for (String line : outcome.infos) {
            assertThat(line).doesNotContain(OLD_SECRET).doesNotContain(NEW_SECRET);
        }
    }

    @Test
    void aChangedSecretAndScopesApplyLiveToTheRunningClient() throws Exception {
        write(props(NEW_SECRET, "orders:read orders:write", "api.example", "2s"));

        PropertiesFileWatch.Outcome outcome = watch.check();

        assertThat(appliedKeys).containsExactly(new TreeSet<>(List.of("client-secret", "connect-timeout", "scopes")));
        ClientConfig config = applied.get(0);
        assertThat(config.clientSecret().reveal()).isEqualTo(NEW_SECRET);
        assertThat(config.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(outcome.warnings).isEmpty();
        assertThat(outcome.infos).singleElement().asString()
                .contains("client 'billing': applied client-secret, connect-timeout, scopes from the changed properties file");
        assertNoSecretIn(outcome);
        assertThat(watch.check().infos).as("the same content is applied once").isEmpty();
    }

    @Test
    void aChangedHostIsNamedInOneWarningToRestartAndNotApplied() throws Exception {
        write(props(OLD_SECRET, "orders:read", "other.example", "5s").replace("as.example", "as2.example"));

        PropertiesFileWatch.Outcome outcome = watch.check();

        assertThat(applied).isEmpty();
        assertThat(outcome.warnings).singleElement().asString()
                .contains(BASE + "hosts, " + BASE + "token-url").endsWith("which apply only at start: restart to apply");
    }

    @Test
    void anAddedClientNeedsARestart() throws Exception {
        write(props(OLD_SECRET, "orders:read", "api.example", "5s")
                + props("another-secret-value-003", "x", "other.example", "5s").replace("billing.", "shipping."));

        PropertiesFileWatch.Outcome outcome = watch.check();

        assertThat(applied).isEmpty();
        assertThat(outcome.warnings).singleElement().asString()
                .contains("oauth.agent.clients.shipping.client-id").contains("restart to apply");
        assertNoSecretIn(outcome);
    }

    @Test
    void aClientActingForAPersonTakesNothingLive() throws Exception {
        userGrant = true;
        write(props(OLD_SECRET, "orders:write", "api.example", "5s"));

        PropertiesFileWatch.Outcome outcome = watch.check();

        assertThat(applied).isEmpty();
        assertThat(outcome.warnings).singleElement().asString().contains(BASE + "scopes").contains("restart to apply");
    }

    @Test
    void anInvalidEditKeepsTheRunningConfigurationAndSaysSoOnce() throws Exception {
        write(props(NEW_SECRET, "orders:write", "api.example", "banana"));

        PropertiesFileWatch.Outcome outcome = watch.check();

        assertThat(applied).isEmpty();
        assertThat(outcome.warnings).singleElement().asString()
                .contains("changed, but the new configuration has problems; the running configuration stays until "
                        + "they are fixed: ")
                .contains(BASE + "connect-timeout");
        assertNoSecretIn(outcome);
        write(props(NEW_SECRET, "orders:write", "api.example", "banana") + "\n");
        assertThat(watch.check().warnings).as("the same problems are not logged again").isEmpty();

        write(props(NEW_SECRET, "orders:write", "api.example", "5s"));
        watch.check();
        assertThat(appliedKeys).as("fixed: applied against the running configuration")
                .containsExactly(new TreeSet<>(List.of("client-secret", "scopes")));
    }

    @Test
    void aFileWithAnUnchangedStampIsNotReadAgain() throws Exception {
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(file, anHourAgo);
        watch = new PropertiesFileWatch(file, load(), this::load, clients);
        write(props(OLD_SECRET, "orders:rite", "api.example", "5s")); // same size, same inode
        Files.setLastModifiedTime(file, anHourAgo);
        int before = loads.get();

        watch.check();

        assertThat(applied).as("the stamp is the cheap check: the file was not opened").isEmpty();
        assertThat(loads.get()).isEqualTo(before);
    }

    @Test
    void aReloadThatFailedUnexpectedlyIsTriedAgainAtTheNextLookWithoutAnotherEdit() throws Exception {
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        AtomicInteger failuresLeft = new AtomicInteger(1);
        watch = new PropertiesFileWatch(file, load(), () -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("a bug of ours");
            }
            return load();
        }, clients);
        write(props(OLD_SECRET, "orders:write", "api.example", "5s"));
        Files.setLastModifiedTime(file, anHourAgo); // settled: only the failure can make the next look read it

        watch.run();
        assertThat(applied).isEmpty();
        watch.run();

        assertThat(appliedKeys).containsExactly(new TreeSet<>(List.of("scopes")));
    }
}
