package dev.oauthagent.agent.token.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.agent.token.cache.TokenUnavailableException;
import dev.oauthagent.agent.token.store.TokenRecord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A user-grant source behind the real token cache: one refresh for many callers, and the login at start. */
class UserGrantCacheTest {
    private static final long WAIT = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @RegisterExtension
    final UserGrantResources resources = new UserGrantResources();
    private final RotatingRefreshServer server = resources.server;

    private TokenCache cache(ClientConfig client, UserGrantTokenSource source) {
        return resources.cache(client, source, null);
    }

    @Test
    void twoHundredCallersWhileTheAccessTokenIsExpiredCauseExactlyOneRefresh() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, dir.resolve("billing.tokens"), true);
        String refreshToken = server.login();
        f.openStore().write(TokenRecord.of(f.client.tokenUrl().toString(), refreshToken).withAccessToken(
                RotatingRefreshServer.random("at-expired-"), Instant.now().minusSeconds(60)));
        TokenCache cache = cache(f.client, f.source());
        server.hold();
        int callers = 200;
        CountDownLatch started = new CountDownLatch(callers);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        Set<String> served = new HashSet<>();
        try {
            List<Future<AccessToken>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    started.countDown();
                    return cache.await(WAIT);
                }));
            }
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            server.open();
            for (Future<AccessToken> r : results) {
                served.add(r.get(60, TimeUnit.SECONDS).value());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).form("refresh_token")).containsExactly(refreshToken);
        assertThat(served).hasSize(1);
        assertThat(server.reuses()).isZero();
    }

    @Test
    void aDeviceClientWithoutRefreshTokenLogsInAtStartAndIsServedTheLoginsToken() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, dir.resolve("billing.tokens"), false);
        AccessToken loginResult = f.loginResult();
        FakeLogin login = new FakeLogin(loginResult);
        UserGrantTokenSource source = f.source(login);
        TokenCache cache = cache(f.client, source);
        CountDownLatch loginEnded = new CountDownLatch(1);
        source.whenLoginEnds(() -> {
            cache.credentialsChanged(); // as the agent wires it
            loginEnded.countDown();
        });

        cache.start();

        TokenUnavailableException waiting = assertThrows(TokenUnavailableException.class, () -> cache.await(WAIT));
        assertThat(waiting.getMessage()).contains("waiting for the login started at start-up: follow the "
                + "instructions it printed on stderr. Requests follow fail-mode until it is done.");
        login.finish.countDown();
        assertThat(loginEnded.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(cache.await(WAIT).value()).isEqualTo(loginResult.value());
        assertThat(f.openStore().read().refreshToken()).isEqualTo(loginResult.refreshToken());
        assertThat(server.requests()).isEmpty();
        assertThat(login.calls.get()).isEqualTo(1);
    }

    @Test
    void noLoginStartsWhenARefreshTokenIsHeldOrTheGrantIsAuthorizationCode() throws Exception {
        UserGrantFixture f = UserGrantFixture.stored(server, dir.resolve("billing.tokens"), false);
        FakeLogin login = new FakeLogin(f.loginResult());
        login.finish.countDown(); // a login that did start would end at once, and be counted
        ClientConfig code = ClientConfig.builder("billing").tokenUrl(f.client.tokenUrl()).clientId("billing-service")
                .grantType(GrantType.AUTHORIZATION_CODE).clientAuth(ClientAuthMethod.NONE).allowHttp(true).build();
        UserGrantTokenSource codeSource = new UserGrantTokenSource(code, new TokenEndpointClient(code), null, null,
                Clock.systemUTC(), login);

        TokenFetchException e = assertThrows(TokenFetchException.class, codeSource::fetch);
        assertThat(e.getMessage()).contains("no refresh token is held: a login is needed",
                "java -jar oauth-agent.jar login billing (with the same oauth.agent.* system properties or environment)");

        f.loggedIn();
        assertThat(f.source(login).fetch()).isNotNull(); // redeemed the stored refresh token instead
        assertThat(login.calls.get()).isZero();
    }

    @Test
    void aLoginThatFailsLeavesTheClientSayingALoginIsNeeded() throws Exception {
        UserGrantFixture f = UserGrantFixture.inMemory(server);
        InteractiveLogin denied = () -> {
            throw new TokenFetchException("oauth-agent: client 'billing': the user denied the login "
                    + "(access_denied).", TokenFetchException.Kind.TERMINAL, "access_denied", 400, -1, null);
        };
        UserGrantTokenSource source = f.source(denied);
        TokenCache cache = cache(f.client, source);
        CountDownLatch loginEnded = new CountDownLatch(1);
        source.whenLoginEnds(() -> {
            cache.credentialsChanged();
            loginEnded.countDown();
        });

        cache.start();
        assertThat(loginEnded.await(30, TimeUnit.SECONDS)).isTrue();

        TokenUnavailableException e = assertThrows(TokenUnavailableException.class, () -> cache.await(WAIT));
        assertThat(e.getMessage()).contains("no refresh token is held: a login is needed");
        assertThat(server.requests()).isEmpty();
    }

    /** An InteractiveLogin that ends when the test says so, as a person would. */
    private static final class FakeLogin implements InteractiveLogin {
        final CountDownLatch finish = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        private final AccessToken result;

        FakeLogin(AccessToken result) {
            this.result = result;
        }

        @Override
        public AccessToken login() throws InterruptedException {
            calls.incrementAndGet();
            if (!finish.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never finished the login");
            }
            return result;
        }
    }
}
