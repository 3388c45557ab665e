package dev.oauthagent.agent.scrub;

import java.util.Arrays;

/**
 * The ranges of one text to replace, kept sorted and disjoint: a range that overlaps the last one (a secret
 * inside a longer one, the growing prefix matches of one secret) is merged into it. Ranges must arrive in
 * non-decreasing order of their end, which is how a left-to-right scan reports them; then merging only ever
 * looks at the tail, and adding is amortised O(1). Each range keeps the id of its first match (for the
 * fingerprint), or {@link #PATTERN} when a fallback pattern found it.
 *
 * <p>Also records {@link #openFrom()}: for a text that may continue (a stream between writes), the first
 * position from which a secret or a pattern may still be open, so that nothing from there on is passed yet.
 */
final class Findings {
    /** The id of a range found by a fallback pattern rather than a known secret. */
    static final int PATTERN = -1;

    private int[] starts;
    private int[] ends;
    private int[] ids;
    private int size;
    private int openFrom = Integer.MAX_VALUE;
    private int patternOpenFrom = Integer.MAX_VALUE;

    void add(int start, int end, int id) {
        if (starts == null) {
            starts = new int[4];
            ends = new int[4];
            ids = new int[4];
        }
        while (size > 0 && ends[size - 1] > start) {
            size--;
            if (starts[size] <= start) {
                start = starts[size];
                id = ids[size];
            }
            end = Math.max(end, ends[size]);
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        ids[size] = id;
        size++;
    }

    /** This and {@code other} (each sorted by end) as one sorted, disjoint list: a merge by end. */
    Findings union(Findings other) {
        if (other.size == 0) {
            return this;
        }
        if (size == 0) {
            other.openFrom = Math.min(openFrom, other.openFrom);
            return other;
        }
        Findings all = new Findings();
        int a = 0;
        int b = 0;
        while (a < size || b < other.size) {
            boolean takeA = b == other.size || (a < size && ends[a] <= other.ends[b]);
            if (takeA) {
                all.add(starts[a], ends[a], ids[a]);
                a++;
            } else {
                all.add(other.starts[b], other.ends[b], other.ids[b]);
                b++;
            }
        }
        all.openFrom = Math.min(openFrom, other.openFrom);
        return all;
    }

    void openFrom(int position) {
        openFrom = Math.min(openFrom, position);
    }

    /** The first position that may still be part of an unfinished match; {@link Integer#MAX_VALUE} when none. */
    int openFrom() {
        return openFrom;
    }

    /** Where the earliest fallback pattern still open starts (part of {@link #openFrom()}); MAX_VALUE when none. */
    int patternOpenFrom() {
        return patternOpenFrom;
    }

    void patternOpenFrom(int position) {
        patternOpenFrom = position;
        openFrom(position);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int id(int i) {
        return ids[i];
    }

    /** Drops the ranges that end after {@code limit} (not complete yet) and, if one straddles it, moves the limit back. */
    int completeBefore(int limit) {
        while (size > 0 && ends[size - 1] > limit) {
            size--;
            limit = Math.min(limit, starts[size]);
        }
        return limit;
    }
}
