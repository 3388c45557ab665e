package dev.oauthagent.bench;

import dev.oauthagent.agent.route.Route;
import dev.oauthagent.agent.route.RouteTable;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of deciding which client an outgoing request belongs to, paid on every request the application
 * makes. Three clients (exact host with path prefixes, wildcard, IP with port and allow-http).
 *
 * <p>Each call passes a host String of its own, as a request parsed from a URL does: the inputs rotate over
 * copies that are equal but not the same object (and not the object the route was configured with), so no
 * comparison is cut short by identity.
 *
 * <p>{@link RouteTable} remembers the canonical form of the hosts it was asked about recently (a few
 * hash-indexed slots), so a host spelled the same way again costs a lookup, not a normalisation:
 * <ul>
 *   <li>{@code hit}, {@code miss}: a canonical host, asked again and again (what an application calling the
 *       same few hosts pays);</li>
 *   <li>{@code hitHostNeedsNormalizing}: every call a different spelling of the matched host (upper and lower
 *       case mixed, trailing dot), from a pool much larger than the memo, so every call misses the memo and
 *       normalises the host (and writes the memo slot);</li>
 *   <li>{@code hitHostNeedsNormalizingRemembered}: one such spelling asked again and again (a memo hit).</li>
 * </ul>
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar RouteTableBenchmark -f 3 -wi 5 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 * Expect 0 B/op for hit and miss; a normalised host allocates its canonical form and the memo entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteTableBenchmark {
    /** Distinct spellings rotated through; a power of two, far more than the memo's slots. */
    private static final int SPELLINGS = 1024;
    /** Equal copies of one host rotated through; a power of two. */
    private static final int COPIES = 8;

    private final RouteTable table = RouteTable.of(List.of(
            Route.parse("billing", List.of("billing.example.com"), List.of("/v1", "/v2"), false),
            Route.parse("partner", List.of("*.partner.example"), List.of("/"), false),
            Route.parse("legacy", List.of("10.20.30.40:8080"), List.of("/api"), true)));

    // Fields, not constants, so the JIT cannot fold the inputs.
    private String scheme = "https";
    private String hitPath = "/v1/invoices/42";
    private String missPath = "/static/app.js";
    private final String[] hitHosts = copies("billing.example.com");
    private final String[] missHosts = copies("cdn.other.org");
    private final String[] upperCaseHosts = copies("Billing.Example.COM.");
    private final String[] spellings = new String[SPELLINGS];
    private int next;

    private static String[] copies(String host) {
        String[] copies = new String[COPIES];
        for (int i = 0; i < COPIES; i++) {
            copies[i] = new String(host.toCharArray());
        }
        return copies;
    }

    @Setup(Level.Trial)
    public void spellings() throws ReflectiveOperationException {
        for (int i = 0; i < SPELLINGS; i++) {
            spellings[i] = caseVariant("billing.example.com", i) + ".";
            if (!"billing".equals(table.match(scheme, spellings[i], -1, hitPath))) {
                throw new IllegalStateException("spelling " + spellings[i] + " does not match the billing client");
            }
        }
        requireEverySlotShared(memoSlots());
    }

    /** The host with its letters upper-cased where the bits of {@code variant} say (one bit per letter). */
    private static String caseVariant(String host, int variant) {
        StringBuilder spelled = new StringBuilder(host.length());
        int bit = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (Character.isLetter(c) && (variant >>> bit++ & 1) == 1) {
                c = Character.toUpperCase(c);
            }
            spelled.append(c);
        }
        return spelled.toString();
    }

    /** The memo's size, read from the table so the benchmark breaks loudly if the memo changes shape. */
    private static int memoSlots() throws ReflectiveOperationException {
        Field slots = RouteTable.class.getDeclaredField("HOST_MEMO_SLOTS");
        slots.setAccessible(true);
        return slots.getInt(null);
    }

    /**
     * A spelling can be found in the memo only if no other spelling of its slot was asked in between: with at
     * least two spellings per slot in the rotation, every call misses.
     */
    private void requireEverySlotShared(int slots) {
        int[] perSlot = new int[slots];
        for (String spelling : spellings) {
            perSlot[spelling.hashCode() & (slots - 1)]++;
        }
        for (int slot = 0; slot < slots; slot++) {
            if (perSlot[slot] == 1) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "memo slot %d holds one spelling only: it would be a memo hit, not a normalisation", slot));
            }
        }
    }

    @Benchmark
    public String hit() {
        return table.match(scheme, hitHosts[next++ & (COPIES - 1)], -1, hitPath);
    }

    @Benchmark
    public String miss() {
        return table.match(scheme, missHosts[next++ & (COPIES - 1)], -1, missPath);
    }

    @Benchmark
    public String hitHostNeedsNormalizing() {
        String host = spellings[next++ & (SPELLINGS - 1)];
        return table.match(scheme, host, -1, hitPath);
    }

    @Benchmark
    public String hitHostNeedsNormalizingRemembered() {
        return table.match(scheme, upperCaseHosts[next++ & (COPIES - 1)], -1, hitPath);
    }
}
