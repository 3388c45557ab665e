package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.token.AccessToken;

/**
 * The last few tokens the agent put on requests for one client. A redirect hop arrives with the previous
 * hop's headers still set; this is how the agent tells its own {@code Authorization} value (which it must
 * take off a hop to another origin) from the application's (which it must leave alone), and which token a
 * 401 rejected. Four covers a rotation in the middle of a redirect chain with room to spare.
 */
final class RecentTokens {
    private static final int SIZE = 4;

    private final AccessToken[] tokens = new AccessToken[SIZE];
    private int next;
    private volatile AccessToken last;

    /** Cheap when {@code token} is the one recorded last, which is nearly always. */
    void record(AccessToken token) {
        if (token == last) {
            return;
        }
        synchronized (tokens) {
            for (AccessToken t : tokens) {
                if (t == token) {
                    last = token;
                    return;
                }
            }
            tokens[next] = token;
            next = (next + 1) % SIZE;
            last = token;
        }
    }

    /** The recorded token whose header value this is, or null. */
    AccessToken find(String authorizationValue) {
        if (authorizationValue == null) {
            return null;
        }
        AccessToken latest = last;
        if (latest != null && matches(latest, authorizationValue)) {
            return latest;
        }
        synchronized (tokens) {
            for (AccessToken t : tokens) {
                if (t != null && matches(t, authorizationValue)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static boolean matches(AccessToken token, String value) {
        String header = token.authorizationHeader();
        return header == value || header.equals(value);
    }
}
