package dev.oauthagent.e2e.contract;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A redirect chain on the origin recorders: every hop but the last answers {@code status} with a Location
 * naming the next (absolute, or only its path for a relative Location), and each hop has its own path, so the
 * recorded requests show exactly which hops a client followed and what each carried.
 */
record RedirectCase(String id, int status, List<Hop> hops) {

    /** A hop's origin (scheme://host:port), what it must receive, and whether it is reached by a relative Location. */
    record Hop(String origin, String client, boolean relative, String finalPath) {
    }

    /** Builder: {@code RedirectCase.start(id, status).hop(...).to(...)}. */
    static final class Chain {
        private final String id;
        private final int status;
        private final List<Hop> hops = new ArrayList<>();

        private Chain(String id, int status) {
            this.id = id;
            this.status = status;
        }

        /** The next hop at {@code origin}; {@code client} null = must get no Authorization. */
        Chain hop(String origin, String client) {
            hops.add(new Hop(origin, client, false, null));
            return this;
        }

        /** The last hop reached by a relative Location, at {@code path} (+ the case id) on the previous origin. */
        Chain relative(String path, String client) {
            Hop previous = hops.get(hops.size() - 1);
            hops.add(new Hop(previous.origin(), client, true, path));
            return this;
        }

        RedirectCase build() {
            return new RedirectCase(id, status, List.copyOf(hops));
        }
    }

    static Chain start(String id, int status) {
        return new Chain(id, status);
    }

    /** Where each hop is, in order; every hop but the last is a redirect to the next. */
    List<Expect> expectations() {
        List<URI> urls = new ArrayList<>();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            String path = i == hops.size() - 1 ? finalPath(hop) : "/redirect/" + id + "/" + (i + 1);
            String query = "";
            if (i < hops.size() - 1) {
                Hop next = hops.get(i + 1);
                URI nextUrl = urls.get(0);
                String location = next.relative() ? nextUrl.getRawPath() : nextUrl.toString();
                query = "?status=" + status + "&location=" + URLEncoder.encode(location, StandardCharsets.UTF_8);
            }
            urls.add(0, URI.create(hop.origin() + path + query));
        }
        List<Expect> expectations = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            expectations.add(new Expect(urls.get(i), hops.get(i).client()));
        }
        return expectations;
    }

    /** The hops a client under {@code policy} reaches: the first, then each next one as long as it follows. */
    List<Expect> reachedUnder(RedirectPolicy policy) {
        List<Expect> all = expectations();
        List<Expect> reached = new ArrayList<>(List.of(all.get(0)));
        for (int i = 1; i < all.size() && policy.follows(status, all.get(i - 1).url(), all.get(i).url()); i++) {
            reached.add(all.get(i));
        }
        return reached;
    }

    URI start() {
        return expectations().get(0).url();
    }

    private String finalPath(Hop hop) {
        return (hop.finalPath() == null ? "/api" : hop.finalPath()) + "/" + id + "/final";
    }

    @Override
    public String toString() {
        return id;
    }
}
