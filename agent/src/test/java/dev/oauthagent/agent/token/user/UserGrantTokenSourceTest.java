package dev.oauthagent.agent.token.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.StderrCapture;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.agent.token.cache.TokenListener;
import dev.oauthagent.agent.token.store.StoreUpdate;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.store.TokenStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Refresh tokens redeemed, rotated, stored, shared between "JVMs" and refused, against a real token endpoint. */
class UserGrantTokenSourceTest {
    private static final String LOGIN_ADVICE = "A new login is needed. Run java -jar oauth-agent.jar login billing "
            + "--config '/etc/oauth agent/agent.properties'; the agent picks the login up from the token store "
            + "within 5 minutes.";

    @TempDir
    Path dir;

    @RegisterExtension
    final UserGrantResources resources = new UserGrantResources();
    private final RotatingRefreshServer server = resources.server;

    private Path file() {
        return dir.resolve("billing.tokens");
    }

    private TokenCache cache(UserGrantFixture f, UserGrantTokenSource source, TokenListener listener) {
        return resources.cache(f.client, source, listener);
    }

    @Test
    void theRotatedRefreshTokenIsStoredBeforeTheCacheServesTheNewAccessToken() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        String first = f.loggedIn();
        UserGrantTokenSource source = f.source();
        AtomicReference<String> storedWhenObtained = new AtomicReference<>();
        // The cache tells its listener after fetch returned and before it serves the token or releases a waiter.
        TokenCache cache = cache(f, source, (client, token) -> {
            try {
                storedWhenObtained.set(f.openStore().read().refreshToken());
            } catch (Exception e) {
                storedWhenObtained.set("unreadable: " + e);
            }
        });

        AccessToken token = cache.await(TimeUnit.SECONDS.toNanos(10));

        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).form("refresh_token")).containsExactly(first);
        assertThat(server.requests().get(0).form("grant_type")).containsExactly("refresh_token");
        String rotated = token.refreshToken();
        assertThat(rotated).isNotEqualTo(first);
        assertThat(storedWhenObtained.get()).isEqualTo(rotated);
        assertThat(server.isLive(rotated)).isTrue();
    }

    @Test
    void withoutAStoreTheRotatedTokenIsHeldInMemoryAndEachOneIsToldToTheScrubber() throws Exception {
        UserGrantFixture f = UserGrantFixture.inMemory(server);
        UserGrantTokenSource source = f.source();
        AccessToken login = f.loginResult();
        source.loginSucceeded(login);

        assertThat(source.fetch().value()).isEqualTo(login.value()); // the login's own token first, no request
        AccessToken second = source.fetch();
        AccessToken third = source.fetch();

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).form("refresh_token")).containsExactly(login.refreshToken());
        assertThat(server.requests().get(1).form("refresh_token")).containsExactly(second.refreshToken());
        assertThat(server.reuses()).isZero();
        assertThat(f.scrubbed.refreshTokens).containsExactly(login.refreshToken(), second.refreshToken(),
                third.refreshToken());
        assertThat(server.requests().get(0).form("scope")).isEmpty(); // none configured: the login's scope
    }

    @Test
    void twoStoresOnOneFileNeverSpendTheSameRefreshToken() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        f.loggedIn();
        UserGrantTokenSource one = f.source(); // both read the same refresh token at start, as two JVMs would
        UserGrantTokenSource two = f.source();
        int rounds = 20;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UserGrantTokenSource source : new UserGrantTokenSource[] {one, two}) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        source.fetch();
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS); // a refused refresh would throw here
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(server.reuses()).isZero();
        assertThat(server.requests()).hasSize(2 * rounds);
        assertThat(server.isLive(f.openStore().read().refreshToken())).isTrue();
    }

    @Test
    void anAccessTokenAnotherJvmStoredIsUsedWithoutARequest() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), true);
        f.loggedIn();
        UserGrantTokenSource one = f.source();
        UserGrantTokenSource two = f.source();

        AccessToken first = one.fetch();
        AccessToken adopted = two.fetch();

        assertThat(server.requests()).hasSize(1);
        assertThat(adopted.value()).isEqualTo(first.value());
        assertThat(adopted.lifetimeSeconds()).isBetween(3000L, 3600L);
        two.fetch(); // its next refresh spends the token the other one stored, not the spent one it read at start
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).form("refresh_token")).containsExactly(first.refreshToken());
        assertThat(server.reuses()).isZero();
    }

    @Test
    void invalidGrantDropsTheRefreshTokenFromMemoryAndStoreSaysHowToLogInAndCallsTheServerNoMore()
            throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        f.loggedIn();
        UserGrantTokenSource source = f.source();
        server.refuseEverything();

        TokenFetchException refused = assertThrows(TokenFetchException.class, source::fetch);

        assertThat(refused.kind()).isEqualTo(TokenFetchException.Kind.LOGIN_NEEDED);
        assertThat(refused.getMessage()).isEqualTo("oauth-agent: client 'billing': the authorization server refused "
                + "the refresh token (invalid_grant: it expired, was revoked or was used already); it was dropped "
                + "from memory and the token store. " + LOGIN_ADVICE);
        assertThat(f.openStore().read()).isNull();
        assertThat(source.holdsRefreshToken()).isFalse();

        TokenFetchException again = assertThrows(TokenFetchException.class, source::fetch);
        assertThat(again.isTerminal()).isTrue();
        assertThat(again.getMessage()).isEqualTo("oauth-agent: client 'billing': no refresh token is held (the token "
                + "store holds none): a login is needed. Run java -jar oauth-agent.jar login billing --config "
                + "'/etc/oauth agent/agent.properties'; the agent picks the login up from the token store within 5 "
                + "minutes.");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aLoginStoredByAnotherProcessIsPickedUpByTheNextFetch() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        UserGrantTokenSource source = f.source();
        assertThrows(TokenFetchException.class, source::fetch);
        assertThat(server.requests()).isEmpty();

        String stored = f.loggedIn(); // java -jar oauth-agent.jar login, in another process

        assertThat(source.fetch()).isNotNull();
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).form("refresh_token")).containsExactly(stored);
    }

    @Test
    void withoutAStoreNoRefreshTokenMeansALoginWithoutCallingTheServer() {
        UserGrantTokenSource source = UserGrantFixture.inMemory(server).source();

        TokenFetchException e = assertThrows(TokenFetchException.class, source::fetch);

        assertThat(e.isTerminal()).isTrue();
        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': no refresh token is held: a login is "
                + "needed. Run java -jar oauth-agent.jar login billing --config '/etc/oauth agent/agent.properties' "
                + "with token-store set, or restart the application: without token-store a login cannot reach "
                + "a running application.");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aStoredRefreshTokenOfAnotherTokenEndpointIsNeverSent() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        f.openStore().write(TokenRecord.of("https://other.example/oauth2/token", server.login()));
        UserGrantTokenSource source = f.source();

        TokenFetchException e = assertThrows(TokenFetchException.class, source::fetch);

        assertThat(e.getMessage()).contains("the token store holds a refresh token of token endpoint "
                + "https://other.example/oauth2/token, not of token-url, and sends it nowhere else");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aStoreThatCannotBeReadAtStartLeavesTheClientFailingWithTheStoresMessageNotTheApplication()
            throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        Files.write(file(), "not a token store at all".getBytes(StandardCharsets.US_ASCII));

        UserGrantTokenSource source = UserGrants.source(f.client, new TokenEndpointClient(f.client), null, null, null);
        TokenFetchException e = assertThrows(TokenFetchException.class, source::fetch);

        assertThat(source.holdsRefreshToken()).isFalse();
        assertThat(e.isTerminal()).isTrue();
        assertThat(e.getMessage()).startsWith("oauth-agent: client 'billing': token store " + file()
                + " is not an oauth-agent token store");
        assertThat(server.requests()).isEmpty();
        assertThat(Files.readAllBytes(file())).isEqualTo("not a token store at all".getBytes(
                StandardCharsets.US_ASCII)); // never overwritten
    }

    @Test
    void aServerQuotingTheRefreshTokenInItsErrorDoesNotPutItInTheMessage() throws Exception {
        try (FaultyTokenServer echoing = FaultyTokenServer.http(r -> Reply.json(503, "{\"error\":\"temporarily_"
                + "unavailable\",\"error_description\":\"cannot refresh " + r.form("refresh_token").get(0) + "\"}"))) {
            ClientConfig client = TestClients.billing(echoing.tokenUrl()).grantType(GrantType.DEVICE_CODE).build();
            UserGrantTokenSource source = new UserGrantTokenSource(client, new TokenEndpointClient(client), null,
                    null, Clock.systemUTC(), null);
            String refreshToken = RotatingRefreshServer.random("rt-");
            source.loginSucceeded(new AccessToken(RotatingRefreshServer.random("at-"), "Bearer", 10, true, null,
                    refreshToken, null)); // too short to serve: the first fetch refreshes

            TokenFetchException e = assertThrows(TokenFetchException.class, source::fetch);

            assertThat(e.isTerminal()).isFalse();
            assertThat(e.getMessage()).contains("cannot refresh [refresh token]").doesNotContain(refreshToken);
            assertThat(source.holdsRefreshToken()).isTrue(); // a transient failure keeps it
        }
    }

    @Test
    void aLoginTheStoreCouldNotTakeIsStoredByTheNextRefreshNotDropped() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        UserGrantTokenSource source = new UserGrantTokenSource(f.client, new TokenEndpointClient(f.client),
                TokenStore.open("billing", f.client.tokenStore(), Duration.ofMillis(200), null), null,
                Clock.systemUTC(), null);
        AccessToken login = f.loginResult();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> f.openStore().update(current -> { // another JVM, busy
                locked.countDown();
                release.await(30, TimeUnit.SECONDS);
                return StoreUpdate.keep();
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            source.loginSucceeded(login); // the write gives up after its 200 ms lock wait
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(f.openStore().read()).isNull();
        source.fetch(); // the login's own access token
        source.fetch(); // the first refresh: the file holds nothing, and this source knows it missed its write

        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).form("refresh_token")).containsExactly(login.refreshToken());
        assertThat(server.isLive(f.openStore().read().refreshToken())).isTrue();
    }

    @Test
    void nothingSecretReachesTheLogsTheMessagesOrToString() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), true);
        List<String> texts = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        try (StderrCapture stderr = StderrCapture.start()) {
            f.loggedIn();
            UserGrantTokenSource source = f.source();
            AccessToken login = f.loginResult();
            source.loginSucceeded(login);
            secrets.add(login.value());
            TokenCache cache = cache(f, source, null);
            cache.await(TimeUnit.SECONDS.toNanos(10));
            source.fetch();
            server.refuseEverything();
            texts.add(assertThrows(TokenFetchException.class, source::fetch).getMessage());
            texts.add(assertThrows(TokenFetchException.class, source::fetch).getMessage());
            texts.add(source.toString());
            texts.add(f.client.toString());
            texts.add(stderr.text());
        }
        secrets.addAll(server.allTokens());
        assertThat(secrets).hasSizeGreaterThan(3);
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
        assertThat(Files.exists(file())).isFalse(); // dropped after invalid_grant
    }

    @Test
    void anExitDuringARefreshWaitsUntilTheRotatedRefreshTokenIsStored() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        String first = f.loggedIn();
        UserGrantTokenSource source = f.source();
        server.hold(); // the server has the request, and answers only when the test says
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        ExecutorService exit = Executors.newSingleThreadExecutor();
        try {
            Future<AccessToken> refresh = refresher.submit(source::fetch);
            while (server.requests().isEmpty()) {
                Thread.sleep(5); // waits for an event, asserts no timing
            }
            Future<Boolean> atExit = exit.submit(source::awaitRefreshStored);
            Thread.sleep(100);
            assertThat(atExit).as("the exit waits while the rotation is on the wire").isNotDone();

            server.open();
            String rotated = refresh.get(10, TimeUnit.SECONDS).refreshToken();

            assertThat(atExit.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rotated).isNotEqualTo(first);
            assertThat(f.openStore().read().hasRefreshToken(rotated)).isTrue();
        } finally {
            refresher.shutdownNow();
            exit.shutdownNow();
        }
    }

    @Test
    void anExitWithNoRefreshInFlightDoesNotWait() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, file(), false);
        f.loggedIn();
        UserGrantTokenSource source = f.source();
        source.fetch();

        assertThat(source.awaitRefreshStored()).isTrue();
    }
}
