package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.cli.doctor.ClientDiagnosis;
import dev.oauthagent.agent.cli.doctor.ClientDoctor;
import dev.oauthagent.agent.cli.doctor.DoctorReport;
import dev.oauthagent.agent.cli.doctor.Finding.Status;
import dev.oauthagent.agent.cli.doctor.JsonReport;
import dev.oauthagent.agent.cli.doctor.TextReport;
import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.route.RouteExplanation;
import dev.oauthagent.agent.route.RouteTable;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The doctor: validates the configuration and diagnoses each client ({@link ClientDoctor}: discovery, the server's
 * metadata, one token, its routes), printing what a user needs to know that the set-up works or how to fix it:
 * never the token itself, only its fingerprint. With {@code --url}: which client's token a request there carries
 * (and diagnoses that one client), or why none does ({@link RouteExplanation}). With {@code --json}: the same as
 * one JSON document on stdout ({@link JsonReport}, docs/doctor.md). Exit 0 when nothing failed (warnings allowed),
 * 1 when a client failed, 2 for configuration problems, 64 for a usage error.
 */
final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check  [--config FILE] [--url URL] [--classpath PATH] [--json]  validate the configuration and"
                + " diagnose each client (discovery, server metadata, a token, routes); with --url, only the client"
                + " whose token a request to URL carries, or say why none does; with --classpath, first list the HTTP"
                + " client libraries on PATH and whether each is covered; with --json, print one JSON document for"
                + " scripts";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        List<String> withoutClasspath = new ArrayList<>();
        String classPath = classpathOption(args, withoutClasspath);
        List<String> withoutUrl = new ArrayList<>();
        URI url = urlOption(withoutClasspath, withoutUrl);
        List<String> configArgs = new ArrayList<>();
        boolean json = takeFlag(withoutUrl, "--json", configArgs);
        // With --json, stdout holds the one document and nothing else: the class path listing goes to stderr, and
        // the per-client text is left out (the document holds the same findings).
        PrintStream text = json ? context.err() : context.out();
        if (classPath != null) {
            ClasspathReport.print(classPath, text);
        }
        LoadedConfig loaded = ConfigOption.load(configArgs, context);
        boolean problems = ConfigOption.report(loaded, context);
        Output output = new Output(loaded, json ? null : context.out());
        int exit = url != null ? checkUrl(url, loaded, output) : checkAll(loaded, classPath != null, problems,
                output, context);
        if (json) {
            context.out().println(JsonReport.of(output.report()));
        }
        return exit;
    }

    private static int checkAll(LoadedConfig loaded, boolean classpathChecked, boolean problems, Output output,
            CliContext context) {
        AgentConfig config = loaded.config();
        int total = config.clients().size() + loaded.inactiveClients().size();
        if (total == 0 && classpathChecked && !problems) {
            output.line("no clients are configured: only the class path was checked");
            return Cli.EXIT_OK;
        }
        if (total == 0) {
            context.err().println("oauth-agent: no clients are configured, so there is nothing to check. "
                    + "Set oauth.agent.clients.<name>.token-url, client-id, client-secret and hosts "
                    + "(see docs/configuration.md).");
            return problems ? Cli.EXIT_BAD_CONFIG : Cli.EXIT_FAILED;
        }
        // As the agent would run: a client that a problem stops is not asked for a token, and fails the check.
        for (String name : loaded.inactiveClients()) {
            output.add(ClientDiagnosis.inactive(name));
        }
        for (ClientDoctor doctor : ClientDoctor.forClients(loaded)) {
            output.add(doctor.diagnose());
        }
        DoctorReport report = output.report();
        output.line(TextReport.summary(report));
        return problems ? Cli.EXIT_BAD_CONFIG : report.failedClients() == 0 ? Cli.EXIT_OK : Cli.EXIT_FAILED;
    }

    /** Exit 0 only when a client matches {@code url} and its token is obtained. */
    private static int checkUrl(URI url, LoadedConfig loaded, Output output) {
        AgentConfig config = loaded.config();
        RouteExplanation explanation = RouteExplanation.of(RouteTable.from(config.clients()), url);
        output.url(explanation);
        String matched = explanation.matchedClient();
        if (matched == null) {
            output.line("no client's token goes to " + explanation.request());
            if (explanation.nearestClient() != null) {
                output.line("nearest client: '" + explanation.nearestClient() + "'; what differs:");
            }
            for (String difference : explanation.differences()) {
                output.line("  " + difference);
            }
            if (!loaded.inactiveClients().isEmpty()) {
                // Their routes are unknown to the agent while they do not run: one of them may be the one meant.
                output.line("not considered: client(s) " + loaded.inactiveClients()
                        + ", which a configuration problem (printed on stderr) keeps from running");
            }
            return Cli.EXIT_FAILED;
        }
        output.line(explanation.request() + " carries the token of client '" + matched + "'");
        for (ClientDoctor doctor : ClientDoctor.forClients(loaded)) {
            if (doctor.clientName().equals(matched)) {
                ClientDiagnosis diagnosis = doctor.diagnose();
                output.add(diagnosis);
                return diagnosis.status() == Status.FAIL ? Cli.EXIT_FAILED : Cli.EXIT_OK;
            }
        }
        throw new IllegalStateException("the route table names a client the configuration does not have");
    }

    /**
     * Collects what the run finds into a {@link DoctorReport}, printing it for a person as it comes (each client as
     * soon as it is diagnosed) unless the output is JSON, which is written whole at the end.
     */
    private static final class Output {
        private final LoadedConfig loaded;
        private final PrintStream text;
        private final List<ClientDiagnosis> clients = new ArrayList<>();
        private RouteExplanation url;

        /** @param text where a person reads, or null for none */
        Output(LoadedConfig loaded, PrintStream text) {
            this.loaded = loaded;
            this.text = text;
        }

        void line(String line) {
            if (text != null) {
                text.println(line);
            }
        }

        void url(RouteExplanation explanation) {
            url = explanation;
        }

        void add(ClientDiagnosis diagnosis) {
            clients.add(diagnosis);
            if (text != null) {
                TextReport.print(diagnosis, text);
            }
        }

        DoctorReport report() {
            return new DoctorReport(loaded.problems(), loaded.warnings(), url, clients);
        }
    }

    /** Takes {@code --url URL} out of {@code args}, leaving the rest in {@code rest}; null when not given. */
    private static URI urlOption(List<String> args, List<String> rest) {
        String url = takeOption(args, "--url", "a URL, e.g. --url https://api.example.com/v1/orders", rest);
        return url == null ? null : absoluteUrl(url);
    }

    /** Takes {@code --classpath PATH} out of {@code args}, leaving the rest in {@code rest}; null when not given. */
    private static String classpathOption(List<String> args, List<String> rest) {
        return takeOption(args, "--classpath", "the application's class path, e.g. --classpath app.jar or"
                + " --classpath 'lib/*'", rest);
    }

    /** Takes {@code flag} out of {@code args}, leaving the rest in {@code rest}; whether it was there. */
    private static boolean takeFlag(List<String> args, String flag, List<String> rest) {
        boolean given = false;
        for (String arg : args) {
            if (arg.equals(flag)) {
                given = true;
            } else {
                rest.add(arg);
            }
        }
        return given;
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}; every other argument goes to {@code rest}. */
    private static String takeOption(List<String> args, String name, String needs, List<String> rest) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(name)) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException(name + " needs " + needs);
                }
                value = args.get(++i);
            } else if (arg.startsWith(name + "=")) {
                value = arg.substring(name.length() + 1);
            } else {
                rest.add(arg);
            }
        }
        return value;
    }

    /** The URL itself is not repeated in the message: it may carry credentials (user info, a query). */
    private static URI absoluteUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a valid URL (" + e.getReason() + "); write it as the"
                    + " application calls it, e.g. https://api.example.com/v1/orders");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("--url needs an absolute URL with a scheme and a host, e.g."
                    + " https://api.example.com/v1/orders");
        }
        return uri;
    }
}
