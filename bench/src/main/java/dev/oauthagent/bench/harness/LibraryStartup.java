package dev.oauthagent.bench.harness;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start-up part of {@link StartupHarness} for the client libraries the agent hooks: what an application that
 * uses OkHttp and Apache HttpClient 4 and 5 at start pays for the agent, beyond what {@code Hello} (the JDK alone)
 * pays, as a difference of deltas measured in the same rounds.
 *
 * <p>Three programs, each without and with the agent, all interleaved in every round: {@code Hello};
 * {@code LibraryHello clients}, which builds a client of each library; {@code LibraryHello requests}, which also sends
 * one GET through each, loading the classes the agent hooks. The GETs go to {@code localhost}, which the harness's
 * client (configured for {@code 127.0.0.1}) does not match: no token is waited for (FirstRequest measures that), so
 * what is measured is the hooks' own cost at start (the start-up gate holding their classes until the hooks are in
 * place, and their transformation), not the token endpoint's.
 */
final class LibraryStartup {
    /** Beyond Hello's added time: the aim for an application that loads these libraries at start. */
    private static final double AIM_MILLIS = 30;

    private final ChildLauncher jdkOnly;
    private final ChildLauncher withLibraries;
    private final List<JvmVariant> variants;

    LibraryStartup(ChildLauncher jdkOnly, ChildLauncher withLibraries, JvmVariant none, JvmVariant ours) {
        this.jdkOnly = jdkOnly;
        this.withLibraries = withLibraries;
        this.variants = List.of(none, ours);
    }

    void measure(int runs, URI apiUrl) throws Exception {
        String unmatched = apiUrl.toString().replace("//127.0.0.1:", "//localhost:");
        List<Program> programs = List.of(new Program("Hello", jdkOnly, "Hello"),
                new Program("LibraryHello clients", withLibraries, "LibraryHello", unmatched, "clients"),
                new Program("LibraryHello requests", withLibraries, "LibraryHello", unmatched, "requests"));
        for (int round = 1; round <= runs; round++) {
            StringBuilder line = new StringBuilder("libraries round " + round + ":");
            for (Program program : programs) {
                for (JvmVariant variant : variants) {
                    double millis = program.launcher.run(variant, program.mainClass, program.args).requireSuccess()
                            .wallMillis();
                    program.wall(variant).add(millis);
                    line.append(String.format(Locale.ROOT, "  %s/%s %.0f", program.name, variant.name(), millis));
                }
            }
            System.out.println(line);
        }
        print(programs);
    }

    private void print(List<Program> programs) {
        Program hello = programs.get(0);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %12s %12s %10s %14s %22s%n", "Libraries at start", "no agent ms",
                "agent ms", "added ms", "beyond Hello", "beyond Hello, paired");
        for (Program program : programs) {
            System.out.printf(Locale.ROOT, "%-24s %12.0f %12.0f %+10.0f %+14.0f %+22.0f%n", program.name,
                    Median.of(program.wall(variants.get(0))), Median.of(program.wall(variants.get(1))),
                    program.added(), program.added() - hello.added(), program.pairedBeyond(hello));
        }
        System.out.printf(Locale.ROOT, "(added: median with the agent - median without; beyond Hello: that minus"
                + " Hello's; paired: the median over rounds of each round's added time minus Hello's in the same"
                + " round. Aim: beyond Hello <= %.0f ms.)%n%n", AIM_MILLIS);
    }

    /** One program of the comparison, with its wall times per variant (index as {@link #variants}). */
    private final class Program {
        final String name;
        final ChildLauncher launcher;
        final String mainClass;
        final String[] args;
        final List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());

        Program(String name, ChildLauncher launcher, String mainClass, String... args) {
            this.name = name;
            this.launcher = launcher;
            this.mainClass = mainClass;
            this.args = args;
        }

        List<Double> wall(JvmVariant variant) {
            return wall.get(variants.indexOf(variant));
        }

        double added() {
            return Median.of(wall.get(1)) - Median.of(wall.get(0));
        }

        double pairedBeyond(Program hello) {
            List<Double> beyond = new ArrayList<>();
            for (int round = 0; round < wall.get(0).size(); round++) {
                beyond.add(wall.get(1).get(round) - wall.get(0).get(round)
                        - (hello.wall.get(1).get(round) - hello.wall.get(0).get(round)));
            }
            return Median.of(beyond);
        }
    }
}
