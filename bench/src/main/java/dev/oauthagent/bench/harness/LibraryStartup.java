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
 * <p>Five programs, each without and with the agent, all interleaved in every round: {@code Hello};
 * {@code LibraryHello clients}, which builds a client of each library; {@code LibraryHello requests}, which also sends
 * one GET through each, loading the classes the agent hooks; and {@code JdkHello} in both modes, the same with the
 * JDK's two clients. {@code Hello} exits before the agent's start-up thread has finished (its first token request,
 * its hooks); the others live long enough for it to finish, so {@code JdkHello} is the baseline that isolates what
 * the libraries' hooks cost. The GETs go to {@code localhost}, which the harness's client (configured for
 * {@code 127.0.0.1}) does not match: no token is waited for (FirstRequest measures that), so what is measured is the
 * hooks' own cost at start (their classes held at the start-up gate until the hooks are in place, transformed,
 * their first hop), not the token endpoint's.
 */
final class LibraryStartup {
    /** Beyond Hello's added time: the aim for an application that loads these libraries at start. */
    private static final int AIM_MILLIS = 30;

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
                new Program("JdkHello clients", jdkOnly, "JdkHello", unmatched, "clients"),
                new Program("JdkHello requests", jdkOnly, "JdkHello", unmatched, "requests"),
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
        System.out.printf(Locale.ROOT, "%-24s %12s %12s %10s%n", "Clients at start", "no agent ms", "agent ms",
                "added ms");
        for (Program program : programs) {
            System.out.printf(Locale.ROOT, "%-24s %12.0f %12.0f %+10.0f%n", program.name,
                    Median.of(program.wall(variants.get(0))), Median.of(program.wall(variants.get(1))),
                    program.added());
        }
        System.out.println("Added time beyond another program's, paired per round (ms; aim for the libraries: <= "
                + AIM_MILLIS + "):");
        for (Program program : programs.subList(1, programs.size())) {
            System.out.printf(Locale.ROOT, "  %-22s beyond %-18s %s%n", program.name, hello.name,
                    program.beyond(hello).describe("%+.0f"));
        }
        for (int library = 3; library < programs.size(); library++) {
            Program jdkTwin = programs.get(library - 2);
            System.out.printf(Locale.ROOT, "  %-22s beyond %-18s %s%n", programs.get(library).name, jdkTwin.name,
                    programs.get(library).beyond(jdkTwin).describe("%+.0f"));
        }
        System.out.println();
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

        /** Per round: this program's added time minus {@code other}'s in the same round. */
        Spread beyond(Program other) {
            List<Double> beyond = new ArrayList<>();
            for (int round = 0; round < wall.get(0).size(); round++) {
                beyond.add(wall.get(1).get(round) - wall.get(0).get(round)
                        - (other.wall.get(1).get(round) - other.wall.get(0).get(round)));
            }
            return Spread.of(beyond);
        }
    }
}
