package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A token endpoint with single-use refresh tokens, as a server with rotation on has them: redeeming one spends it
 * and issues its successor; a spent or unknown one gets {@code invalid_grant}, and counts as a reuse. Real HTTP on
 * the loopback. Every token is random, so no test can pass on a constant.
 */
final class RotatingRefreshServer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FaultyTokenServer http;
    private final Object lock = new Object();
    // Guarded by lock.
    private final Set<String> live = new HashSet<>();
    private final List<String> issued = new ArrayList<>();
    private final List<String> accessTokens = new ArrayList<>();
    private int reuses;
    private boolean refuseAll;
    /** Requests wait until it opens; null: answer at once. */
    private volatile CountDownLatch gate;

    RotatingRefreshServer() throws IOException {
        http = FaultyTokenServer.http(this::respond);
    }

    URI tokenUrl() {
        return http.tokenUrl();
    }

    /** A new refresh token the server accepts once, as a login would yield. */
    String login() {
        synchronized (lock) {
            return issue();
        }
    }

    void refuseEverything() {
        synchronized (lock) {
            refuseAll = true;
        }
    }

    /** Holds every request until {@link #open()}: many callers can pile up on one request in flight. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    List<RecordedRequest> requests() {
        return http.requests();
    }

    int reuses() {
        synchronized (lock) {
            return reuses;
        }
    }

    /** Every token the server handed out, for "none of them leaked" checks. */
    List<String> allTokens() {
        synchronized (lock) {
            List<String> all = new ArrayList<>(issued);
            all.addAll(accessTokens);
            return all;
        }
    }

    boolean isLive(String refreshToken) {
        synchronized (lock) {
            return live.contains(refreshToken);
        }
    }

    static String random(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 32; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private String issue() {
        String token = random("rt-");
        live.add(token);
        issued.add(token);
        return token;
    }

    private Reply respond(RecordedRequest request) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> presented = request.form("refresh_token");
        synchronized (lock) {
            if (refuseAll || presented.size() != 1 || !live.remove(presented.get(0))) {
                reuses += refuseAll ? 0 : 1;
                return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is "
                        + "not active\"}");
            }
            String access = random("at-");
            accessTokens.add(access);
            return Reply.json(200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600,\"refresh_token\":\"" + issue() + "\"}");
        }
    }

    @Override
    public void close() throws Exception {
        if (gate != null) {
            gate.countDown();
        }
        http.close();
    }
}
