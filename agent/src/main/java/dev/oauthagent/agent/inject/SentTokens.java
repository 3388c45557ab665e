package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Every token the agent put on a request for one client, for as long as that token may still be accepted
 * somewhere. A redirect hop arrives with the previous hop's headers still set (HttpURLConnection keeps a header
 * the application set, and with override-existing that is the agent's token by then); this is how the agent
 * tells its own {@code Authorization} value, which it must take off a hop to a place the client does not match,
 * from the application's, which it must leave alone. It must not forget a token early, however often tokens
 * rotate while one request is on its way (docs/decisions/0012-every-sent-token-is-recognised.md).
 *
 * <p>Remembered: a 64-bit hash of each header value with the instant (on the injected {@link Ticker}) until which
 * the token may be valid: its lifetime (at least {@link #UNSTATED_LIFETIME_NANOS} when the server did not state
 * one) plus {@link #SKEW_MARGIN_NANOS}, counted from when the agent first put it on a request. The values
 * themselves are not kept. A hash can only err towards "ours" (another value with the same hash, one in 2^64 and
 * with a per-JVM random seed not predictable from outside), and "ours" is the safe side: such a value is taken
 * off a hop the client does not match.
 *
 * <p>Costs. {@link #contains} runs on every hop that carries an {@code Authorization} value: a comparison with
 * the last token recorded (nearly always the one it is), else one pass over the value's characters and a few
 * probes of an open-addressed table. No lock, no allocation. {@link #record} is a volatile read and a compare
 * while the token is the last one recorded; the first request after a rotation builds a new table (dropping
 * entries past their instant) under a lock and publishes it with one volatile write, so readers never see a
 * table being changed.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES}. Tokens rotate at most every half lifetime (refresh) plus once every
 * {@link InvalidationGate#MIN_GAP_SECONDS} (a resource server refusing them), so the cap is reached only by a
 * storm of refusals lasting hours with tokens living hours. Should it be reached, the entry expiring first is
 * dropped and, until that entry's instant has passed, {@link #mayHaveForgotten} says so: the injector then
 * treats every {@code Bearer} value it does not recognise as possibly this client's (see {@code Injector}).
 */
final class SentTokens {
    /**
     * Past a token's lifetime: resource servers accept tokens a while after their {@code exp} (Spring Security:
     * 60 s), and the authorization server's, the resource server's and this JVM's clocks drift apart.
     */
    static final long SKEW_MARGIN_NANOS = TimeUnit.MINUTES.toNanos(5);
    /**
     * A token without {@code expires_in} is planned with {@code default-expires-in}, but may live as long as its
     * server likes: it is remembered for at least a day (the longest access-token lifetime common servers
     * default to).
     */
    static final long UNSTATED_LIFETIME_NANOS = TimeUnit.HOURS.toNanos(24);
    static final int MAX_ENTRIES = 4096;

    private static final Logger log = LoggerFactory.getLogger(SentTokens.class);
    private static final long SEED = new Random().nextLong();
    private static final long FNV_PRIME = 0x100000001b3L;

    private final String clientName;
    private final Ticker ticker;
    private final Object lock = new Object();
    private volatile AccessToken last;
    private volatile Table table = Table.EMPTY;
    /** Whether the cap ever dropped a token that could still be valid; until {@link #forgottenUntil} passes. */
    private volatile boolean forgot;
    private volatile long forgottenUntil;

    SentTokens(String clientName, Ticker ticker) {
        this.clientName = clientName;
        this.ticker = ticker;
    }

    /** Remembers {@code token}, which is about to go on a request. Cheap while it is the last one recorded. */
    void record(AccessToken token) {
        if (token == last) {
            return;
        }
        long hash = hash(token.authorizationHeader());
        synchronized (lock) {
            if (!table.contains(hash)) {
                long now = ticker.read();
                table = rebuilt(now, hash, now + retentionNanos(token));
            }
            last = token;
        }
    }

    /** Whether {@code authorizationValue} is a header value of a token recorded here and maybe still valid. */
    boolean contains(String authorizationValue) {
        return authorizationValue != null
                && (isLast(authorizationValue) || containsHash(hash(authorizationValue)));
    }

    /** The fast path of {@link #contains}: the token recorded last (a String compare, usually by identity). */
    boolean isLast(String authorizationValue) {
        AccessToken latest = last;
        if (latest == null) {
            return false;
        }
        String header = latest.authorizationHeader();
        return header == authorizationValue || header.equals(authorizationValue);
    }

    /** {@link #contains} for a value already hashed with {@link #hash}. */
    boolean containsHash(long hash) {
        return table.contains(hash);
    }

    /** Whether the cap made this memory drop a token of this client that may still be valid at {@code now}. */
    boolean mayHaveForgotten(long now) {
        return forgot && now - forgottenUntil < 0;
    }

    /** How many tokens are remembered (some possibly past their instant, until the next record). */
    int size() {
        return table.size;
    }

    /**
     * A 64-bit hash of {@code value}, computed char by char without allocating: FNV-1a from a per-JVM random
     * seed, then a finalising mix so that every bit of the result depends on every character.
     */
    static long hash(String value) {
        long h = SEED ^ value.length();
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == Table.EMPTY_SLOT ? 1 : h;
    }

    private static long retentionNanos(AccessToken token) {
        long lifetime = TimeUnit.SECONDS.toNanos(token.lifetimeSeconds());
        if (!token.lifetimeStated()) {
            lifetime = Math.max(lifetime, UNSTATED_LIFETIME_NANOS);
        }
        return lifetime + SKEW_MARGIN_NANOS;
    }

    /** The live entries of the current table plus the new one, within the cap. Caller holds lock. */
    private Table rebuilt(long now, long hash, long until) {
        Table old = table;
        long[] hashes = new long[old.size + 1];
        long[] untils = new long[old.size + 1];
        int live = 0;
        for (int i = 0; i < old.hashes.length; i++) {
            if (old.hashes[i] != Table.EMPTY_SLOT && old.untils[i] - now > 0) {
                hashes[live] = old.hashes[i];
                untils[live] = old.untils[i];
                live++;
            }
        }
        hashes[live] = hash;
        untils[live] = until;
        live++;
        int kept = live > MAX_ENTRIES ? dropSoonestExpiring(hashes, untils, live, now) : live;
        return Table.of(hashes, untils, kept);
    }

    /**
     * Forgets the entries expiring first, beyond the cap, compacting the arrays in place; returns how many are
     * kept. Reached only in a refusal storm of hours (see the class comment): then every unrecognised Bearer value
     * is treated as possibly ours until the last forgotten token's instant, and this says so once.
     */
    private int dropSoonestExpiring(long[] hashes, long[] untils, int live, long now) {
        long[] remaining = new long[live];
        for (int i = 0; i < live; i++) {
            remaining[i] = untils[i] - now;
        }
        Arrays.sort(remaining);
        int dropped = live - MAX_ENTRIES;
        long lastDropped = remaining[dropped - 1];
        int tiesToDrop = dropped;
        for (int i = 0; remaining[i] < lastDropped; i++) {
            tiesToDrop--;
        }
        int kept = 0;
        for (int i = 0; i < live; i++) {
            long left = untils[i] - now;
            if (left < lastDropped || (left == lastDropped && tiesToDrop-- > 0)) {
                continue;
            }
            hashes[kept] = hashes[i];
            untils[kept] = untils[i];
            kept++;
        }
        if (!forgot || now + lastDropped - forgottenUntil > 0) {
            forgottenUntil = now + lastDropped;
        }
        if (!forgot) {
            log.warn("client '{}': more than {} of its tokens may still be valid (a resource server keeps refusing"
                    + " them, and they live long); the oldest are no longer remembered, so for the next {} min"
                    + " every Bearer header the agent does not recognise is taken off requests this client does"
                    + " not match. Check why its tokens are refused.", clientName, MAX_ENTRIES,
                    TimeUnit.NANOSECONDS.toMinutes(lastDropped) + 1);
        }
        forgot = true;
        return kept;
    }

    /** An immutable open-addressed set of hashes with their instants; linear probing, at most half full. */
    private static final class Table {
        static final long EMPTY_SLOT = 0;
        static final Table EMPTY = new Table(new long[8], new long[8], 0);

        final long[] hashes;
        final long[] untils;
        final int size;
        private final int mask;

        private Table(long[] hashes, long[] untils, int size) {
            this.hashes = hashes;
            this.untils = untils;
            this.size = size;
            this.mask = hashes.length - 1;
        }

        /** The first {@code count} entries of the two parallel arrays. */
        static Table of(long[] entryHashes, long[] entryUntils, int count) {
            int capacity = 8;
            while (capacity < 2 * count) {
                capacity <<= 1;
            }
            long[] hashes = new long[capacity];
            long[] untils = new long[capacity];
            int mask = capacity - 1;
            for (int i = 0; i < count; i++) {
                int slot = slot(entryHashes[i], mask);
                while (hashes[slot] != EMPTY_SLOT) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = entryHashes[i];
                untils[slot] = entryUntils[i];
            }
            return new Table(hashes, untils, count);
        }

        boolean contains(long hash) {
            for (int slot = slot(hash, mask); ; slot = (slot + 1) & mask) {
                long h = hashes[slot];
                if (h == hash) {
                    return true;
                }
                if (h == EMPTY_SLOT) {
                    return false; // never full: at most half the slots are used
                }
            }
        }

        private static int slot(long hash, int mask) {
            return (int) (hash ^ (hash >>> 32)) & mask;
        }
    }
}
