package dev.oauthagent.e2e.contract;

import java.net.URI;
import java.util.List;

/**
 * A client's redirect setting and which hops the client follows under it, as observed on JDK 17 and 25 (see
 * docs/clients.md). The contract checks both: that the client followed exactly these hops, and that no hop
 * it followed got a token it must not have.
 *
 * @param name  e.g. "NORMAL"
 * @param args  the test app's options that choose this policy
 * @param rule  whether a GET answered {@code status} at {@code from} is followed to {@code to}
 */
public record RedirectPolicy(String name, List<String> args, FollowRule rule) {

    /** Decides whether one redirect is followed. */
    @FunctionalInterface
    public interface FollowRule {
        boolean follows(int status, URI from, URI to);
    }

    public boolean follows(int status, URI from, URI to) {
        return rule.follows(status, from, to);
    }

    @Override
    public String toString() {
        return name;
    }
}
