package dev.oauthagent.agent.scrub;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over ASCII patterns: one left-to-right pass over a text finds, at every position,
 * the longest pattern ending there, in time linear in the text and independent of how many patterns there
 * are. Immutable once built, so scanning threads share it without locks; a new pattern set is a new automaton.
 *
 * <p>Patterns are ASCII (tokens and secrets are): a char or byte at or above 128 can never be part of a match, so
 * the scan drops to the root there, and the same automaton matches {@code String}s and the bytes of any
 * ASCII-compatible encoding (UTF-8, ISO-8859-x) without decoding them.
 *
 * <p>Transitions: complete tables for the root and the nodes one character deep (a scan of clean text stays
 * there: one array load per character, however many secrets there are), sorted sparse edges below (deep in a
 * secret a node has one child), and failure links. A scan follows at most as many failure links as it took
 * edges, so the work per character is amortised O(1).
 *
 * <p>With a {@code prefixDepth} above zero, every node at that depth or deeper also counts as a match of its
 * own depth: a truncated prefix of a secret (a log line cut at 80 columns, {@code token.substring(0, 20)})
 * is still found.
 */
final class SecretAutomaton {
    static final int ROOT = 0;
    private static final int ALPHABET = 128;
    private static final int[] NO_EDGES = new int[0];

    /**
     * Complete transition rows ({@link #ALPHABET} wide, failure links already followed) for the root and the
     * nodes one character deep, where a scan of ordinary text spends nearly all its time: there a step is one
     * array load however many secrets there are. Deeper nodes use their sparse edges and failure links.
     */
    private final int[] dense;
    /** The row of a node in {@link #dense}, or -1 for a deeper node. */
    private final int[] denseRow;
    private final int[] fail;
    private final int[] depth;
    /** Length of the longest pattern that is a suffix of the node's path; 0 when none. */
    private final int[] matchLength;
    /** The id of that pattern. */
    private final int[] matchId;
    /** The edges of node n are edgeChar/edgeTarget[edgeStart[n] .. edgeStart[n + 1]), sorted by char. */
    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int maxDepth;

    private SecretAutomaton(int[] dense, int[] denseRow, int[] fail, int[] depth, int[] matchLength,
            int[] matchId, int[] edgeStart, char[] edgeChar, int[] edgeTarget, int maxDepth) {
        this.dense = dense;
        this.denseRow = denseRow;
        this.fail = fail;
        this.depth = depth;
        this.matchLength = matchLength;
        this.matchId = matchId;
        this.edgeStart = edgeStart;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.maxDepth = maxDepth;
    }

    /**
     * @param patterns    the texts to find; a pattern with a non-ASCII character is skipped (it could never match
     *                    a byte stream, and a char stream of it is rare enough not to be worth a second alphabet)
     * @param ids         the id reported for each pattern (several patterns may share an id: forms of one secret)
     * @param prefixDepth nodes this deep or deeper are matches too; 0 for whole patterns only
     * @param ignoreCase  ASCII letters match either case (for keywords)
     */
    static SecretAutomaton build(List<String> patterns, int[] ids, int prefixDepth, boolean ignoreCase) {
        Trie trie = new Trie();
        for (int p = 0; p < patterns.size(); p++) {
            trie.add(patterns.get(p), ids[p], prefixDepth, ignoreCase);
        }
        return trie.compile();
    }

    /** The state after reading {@code c} in {@code state}. */
    int next(int state, int c) {
        if (c >= ALPHABET || c < 0) {
            return ROOT;
        }
        for (;;) {
            int row = denseRow[state];
            if (row >= 0) {
                return dense[row * ALPHABET + c];
            }
            int target = child(state, c);
            if (target >= 0) {
                return target;
            }
            state = fail[state];
        }
    }

    private int child(int state, int c) {
        int from = edgeStart[state];
        int to = edgeStart[state + 1];
        if (to - from <= 8) {
            for (int i = from; i < to; i++) {
                if (edgeChar[i] == c) {
                    return edgeTarget[i];
                }
            }
            return -1;
        }
        int i = Arrays.binarySearch(edgeChar, from, to, (char) c);
        return i >= 0 ? edgeTarget[i] : -1;
    }

    /**
     * Runs over {@code text[from, to)} from the root, reporting each pattern that ends in it to {@code matches}
     * (which may be null when only the final state is wanted) at positions relative to {@code from}; returns the
     * final state.
     */
    int run(String text, int from, int to, Findings matches) {
        return run(text, from, from, to, matches);
    }

    /** {@link #run(String, int, int, Findings)} reporting positions relative to {@code origin} (at most from). */
    int run(String text, int origin, int from, int to, Findings matches) {
        int state = ROOT;
        for (int i = from; i < to; i++) {
            state = next(state, text.charAt(i));
            int length = matchLength[state];
            if (length != 0 && matches != null) {
                matches.add(i + 1 - length - origin, i + 1 - origin, matchId[state]);
            }
        }
        return state;
    }

    /** {@link #run(String, int, int, Findings)} over bytes: {@code b & 0xff} at or above 128 resets to the root. */
    int run(byte[] text, int from, int to, Findings matches) {
        return run(text, from, from, to, matches);
    }

    /** {@link #run(byte[], int, int, Findings)} reporting positions relative to {@code origin} (at most from). */
    int run(byte[] text, int origin, int from, int to, Findings matches) {
        int state = ROOT;
        for (int i = from; i < to; i++) {
            state = next(state, text[i] & 0xff);
            int length = matchLength[state];
            if (length != 0 && matches != null) {
                matches.add(i + 1 - length - origin, i + 1 - origin, matchId[state]);
            }
        }
        return state;
    }

    /** How many characters the state has read of a pattern: the text's last {@code depth} may still begin one. */
    int depth(int state) {
        return depth[state];
    }

    boolean isEmpty() {
        return fail.length == 1;
    }

    int maxDepth() {
        return maxDepth;
    }

    int states() {
        return fail.length;
    }

    /** The mutable trie the automaton is compiled from: first-child / next-sibling lists in int arrays. */
    private static final class Trie {
        private int size = 1;
        private int[] firstEdge = filled(64);
        private int[] nodeDepth = new int[64];
        private int[] nodeMatch = new int[64]; // pattern length ending here, 0 when none
        private int[] nodeId = new int[64];
        private int edges;
        private char[] edgeChar = new char[64];
        private int[] edgeTarget = new int[64];
        private int[] nextEdge = new int[64];

        void add(String pattern, int id, int prefixDepth, boolean ignoreCase) {
            for (int i = 0; i < pattern.length(); i++) {
                if (pattern.charAt(i) >= ALPHABET) {
                    return;
                }
            }
            if (pattern.isEmpty()) {
                return;
            }
            int node = ROOT;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                int child = find(node, c);
                if (child < 0) {
                    child = newNode(nodeDepth[node] + 1, id);
                    addEdge(node, c, child);
                    char other = ignoreCase ? otherCase(c) : c;
                    if (other != c) {
                        addEdge(node, other, child);
                    }
                }
                node = child;
                if (prefixDepth > 0 && nodeDepth[node] >= prefixDepth && nodeMatch[node] == 0) {
                    nodeMatch[node] = nodeDepth[node];
                    nodeId[node] = id;
                }
            }
            if (nodeMatch[node] == 0) {
                nodeMatch[node] = nodeDepth[node];
                nodeId[node] = id;
            }
        }

        private static char otherCase(char c) {
            if (c >= 'a' && c <= 'z') {
                return (char) (c - 32);
            }
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + 32);
            }
            return c;
        }

        private int find(int node, char c) {
            for (int e = firstEdge[node]; e >= 0; e = nextEdge[e]) {
                if (edgeChar[e] == c) {
                    return edgeTarget[e];
                }
            }
            return -1;
        }

        private int newNode(int d, int id) {
            if (size == firstEdge.length) {
                int n = size * 2;
                int old = firstEdge.length;
                firstEdge = Arrays.copyOf(firstEdge, n);
                Arrays.fill(firstEdge, old, n, -1);
                nodeDepth = Arrays.copyOf(nodeDepth, n);
                nodeMatch = Arrays.copyOf(nodeMatch, n);
                nodeId = Arrays.copyOf(nodeId, n);
            }
            nodeDepth[size] = d;
            nodeId[size] = id;
            return size++;
        }

        private void addEdge(int from, char c, int to) {
            if (edges == edgeChar.length) {
                int n = edges * 2;
                edgeChar = Arrays.copyOf(edgeChar, n);
                edgeTarget = Arrays.copyOf(edgeTarget, n);
                nextEdge = Arrays.copyOf(nextEdge, n);
            }
            edgeChar[edges] = c;
            edgeTarget[edges] = to;
            nextEdge[edges] = firstEdge[from];
            firstEdge[from] = edges++;
        }

        /** Breadth-first: a node's failure target is shallower, so it is final before the node needs it. */
        SecretAutomaton compile() {
            int[] fail = new int[size];
            failLinks = fail;
            int[] matchLength = new int[size];
            int[] matchId = new int[size];
            int[] rootNext = new int[ALPHABET];
            int[] queue = new int[size];
            boolean[] queued = new boolean[size];
            int head = 0;
            int tail = 0;
            for (int e = firstEdge[ROOT]; e >= 0; e = nextEdge[e]) {
                int child = edgeTarget[e];
                rootNext[edgeChar[e]] = child;
                if (!queued[child]) {
                    queued[child] = true;
                    queue[tail++] = child;
                    fail[child] = ROOT;
                }
            }
            int maxDepth = 0;
            while (head < tail) {
                int node = queue[head++];
                maxDepth = Math.max(maxDepth, nodeDepth[node]);
                matchLength[node] = nodeMatch[node] != 0 ? nodeMatch[node] : matchLength[fail[node]];
                matchId[node] = nodeMatch[node] != 0 ? nodeId[node] : matchId[fail[node]];
                for (int e = firstEdge[node]; e >= 0; e = nextEdge[e]) {
                    int child = edgeTarget[e];
                    if (queued[child]) {
                        continue; // the second case of a letter: same child, same failure target
                    }
                    queued[child] = true;
                    queue[tail++] = child;
                    fail[child] = step(rootNext, fail[node], edgeChar[e]);
                }
            }
            return pack(rootNext, fail, matchLength, matchId, maxDepth);
        }

        /** The goto function during compilation, on the sibling lists. */
        private int step(int[] rootNext, int state, char c) {
            for (;;) {
                if (state == ROOT) {
                    return rootNext[c];
                }
                int child = find(state, c);
                if (child >= 0) {
                    return child;
                }
                state = failOf(state);
            }
        }

        /** The failure links while they are being computed (read by {@link #step} for shallower nodes only). */
        private int[] failLinks;

        private int failOf(int state) {
            return failLinks[state];
        }

        private SecretAutomaton pack(int[] rootNext, int[] fail, int[] matchLength, int[] matchId, int maxDepth) {
            int[] edgeStart = new int[size + 1];
            char[] chars = new char[edges];
            int[] targets = new int[edges];
            int k = 0;
            for (int node = 0; node < size; node++) {
                edgeStart[node] = k;
                int from = k;
                for (int e = firstEdge[node]; e >= 0; e = nextEdge[e]) {
                    chars[k] = edgeChar[e];
                    targets[k] = edgeTarget[e];
                    k++;
                }
                sortEdges(chars, targets, from, k);
            }
            edgeStart[size] = k;
            int[] denseRow = new int[size];
            int rows = 0;
            for (int node = 0; node < size; node++) {
                denseRow[node] = nodeDepth[node] <= 1 ? rows++ : -1;
            }
            int[] dense = new int[rows * ALPHABET];
            for (int node = 0; node < size; node++) {
                if (denseRow[node] >= 0) {
                    for (int c = 0; c < ALPHABET; c++) {
                        dense[denseRow[node] * ALPHABET + c] = node == ROOT ? rootNext[c] : step(rootNext, node, (char) c);
                    }
                }
            }
            return new SecretAutomaton(dense, denseRow, fail, Arrays.copyOf(nodeDepth, size), matchLength, matchId,
                    edgeStart, chars, targets, maxDepth);
        }

        /** Insertion sort: a node has few edges, and the root's are not looked up here (it has a dense table). */
        private static void sortEdges(char[] chars, int[] targets, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                char c = chars[i];
                int t = targets[i];
                int j = i - 1;
                while (j >= from && chars[j] > c) {
                    chars[j + 1] = chars[j];
                    targets[j + 1] = targets[j];
                    j--;
                }
                chars[j + 1] = c;
                targets[j + 1] = t;
            }
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }
    }
}
