package dev.oauthagent.agent.token.store;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;

/**
 * The second JVM of {@link TokenStoreTwoProcessTest}, started from the test's class path. The key comes in
 * environment variable {@code STORE_KEY}, never on the command line.
 * <ul>
 *   <li>{@code spend <store> <spent dir> <rounds>}: prints {@code ready}, waits for a line on stdin, then
 *       refreshes {@code rounds} times, each spending the stored refresh token; exits 3 on a double spend.</li>
 *   <li>{@code hold <store>}: takes the store's lock, prints {@code locked}, and keeps it until stdin ends.</li>
 * </ul>
 */
public final class StoreChildProcess {
    static final int DOUBLE_SPEND = 3;

    private StoreChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        TokenStoreKey key = TokenStoreKey.ofRawKey(Base64.getDecoder().decode(System.getenv("STORE_KEY")),
                "env var STORE_KEY");
        Path storePath = Paths.get(args[1]);
        TokenStore store = TokenStore.open("billing", new TokenStoreConfig(storePath, key, null, false),
                Duration.ofSeconds(60), null);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("hold".equals(args[0])) {
            store.update(current -> {
                System.out.println("locked");
                System.out.flush();
                while (stdin.readLine() != null) {
                    // held until the parent closes our stdin
                }
                return StoreUpdate.keep();
            });
            return;
        }
        SpendingServer server = new SpendingServer(Paths.get(args[2]));
        int rounds = Integer.parseInt(args[3]);
        System.out.println("ready");
        System.out.flush();
        stdin.readLine();
        try {
            for (int i = 0; i < rounds; i++) {
                store.update(current -> StoreUpdate.replace(
                        TokenRecord.of(StoreFixture.ENDPOINT, server.spend(current.refreshToken()))));
            }
        } catch (SpendingServer.DoubleSpendException e) {
            System.exit(DOUBLE_SPEND);
        }
        System.out.println("done");
    }
}
