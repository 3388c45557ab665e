package dev.oauthagent.agent.token.store;

import static dev.oauthagent.agent.token.store.StoreFixture.ENDPOINT;
import static dev.oauthagent.agent.token.store.StoreFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real second JVM ({@link StoreChildProcess}) shares the store with this one: the file lock, not only the
 * lock inside one JVM, keeps the two from spending one refresh token twice, and a lock the other process holds
 * is waited for only as long as allowed.
 */
class TokenStoreTwoProcessTest {
    private static final int ROUNDS = 60;

    @TempDir
    Path dir;

    private final byte[] keyBytes = new byte[32];
    private final List<Process> children = new ArrayList<>();

    TokenStoreTwoProcessTest() {
        new SecureRandom().nextBytes(keyBytes);
    }

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path file() {
        return dir.resolve("billing.tokens");
    }

    private TokenStore store(Duration lockWait) {
        TokenStoreKey key = TokenStoreKey.ofRawKey(keyBytes, "env var STORE_KEY");
        return StoreFixture.store("billing", new TokenStoreConfig(file(), key, null, false), lockWait, null);
    }

    private Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreChildProcess.class.getName());
        for (String arg : args) {
            command.add(arg);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("child-stderr.txt").toFile());
        builder.environment().put("STORE_KEY", Base64.getEncoder().encodeToString(keyBytes));
        Process child = builder.start();
        children.add(child);
        return child;
    }

    private static void expectLine(BufferedReader out, String expected) throws IOException {
        assertThat(out.readLine()).as("the child's next line").isEqualTo(expected);
    }

    private String childStderr() throws IOException {
        Path stderr = dir.resolve("child-stderr.txt");
        return Files.exists(stderr) ? new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8) : "";
    }

    @Test
    void twoJvmsRefreshingTheSameStoreNeverSpendARefreshTokenTwice() throws Exception {
        Path spent = Files.createDirectory(dir.resolve("spent"));
        SpendingServer server = new SpendingServer(spent);
        TokenStore store = store(Duration.ofSeconds(60));
        store.write(TokenRecord.of(ENDPOINT, token("rt-")));
        Process child = child("spend", file().toString(), spent.toString(), Integer.toString(ROUNDS));
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        expectLine(out, "ready");

        try (OutputStream in = child.getOutputStream()) {
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < ROUNDS; i++) {
            store.update(current -> StoreUpdate.replace(
                    TokenRecord.of(ENDPOINT, server.spend(current.refreshToken()))));
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();

        assertThat(child.exitValue()).as("child exit status (3: double spend); stderr: %s", childStderr())
                .isEqualTo(0);
        expectLine(out, "done");
        assertThat(server.spentCount()).as("one spend per refresh of either JVM").isEqualTo(2 * ROUNDS);
        assertThat(server.isSpent(store.read().refreshToken())).as("the stored token is the unspent last one")
                .isFalse();
    }

    @Test
    void aLockHeldByAnotherJvmIsWaitedForOnlyAsLongAsAllowed() throws Exception {
        String stored = token("rt-");
        store(Duration.ofSeconds(60)).write(TokenRecord.of(ENDPOINT, stored));
        Process child = child("hold", file().toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        expectLine(out, "locked");

        TokenStore waiting = store(Duration.ofMillis(200));
        TokenStoreException busy = assertThrows(TokenStoreException.class,
                () -> waiting.update(current -> StoreUpdate.keep()));
        assertThat(busy.reason()).isEqualTo(TokenStoreException.Reason.BUSY);
        assertThat(busy.getMessage()).contains(file() + ".lock", "within 200 ms", "fuser");

        child.getOutputStream().close();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child released the lock and ended").isTrue();
        assertThat(child.exitValue()).as("child exit status; stderr: %s", childStderr()).isEqualTo(0);
        assertThat(waiting.update(current -> StoreUpdate.keep()).refreshToken()).isEqualTo(stored);
    }
}
