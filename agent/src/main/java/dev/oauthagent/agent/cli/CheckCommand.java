package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.cli.doctor.Finding;
import dev.oauthagent.agent.cli.doctor.ServerDate;
import dev.oauthagent.agent.cli.doctor.TokenClaimsCheck;
import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.route.RouteExplanation;
import dev.oauthagent.agent.route.RouteTable;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.DiscoveredEndpoints;
import dev.oauthagent.agent.token.IssuerDiscovery;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;
import dev.oauthagent.agent.token.user.UserGrants;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;

/**
 * Validates the configuration and fetches one token per client, printing what a user needs to know that
 * the set-up works: never the token itself, only its fingerprint. With {@code --url}: which client's token a
 * request there carries (and fetches that one token), or why none does ({@link RouteExplanation}).
 */
final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check  [--config FILE] [--url URL] [--classpath PATH]  validate the configuration and fetch a token for"
                + " each client; with --url, only for the client whose token a request to URL carries, or say why none"
                + " does; with --classpath, first list the HTTP client libraries on PATH and whether each is covered";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        List<String> withoutClasspath = new ArrayList<>();
        String classPath = classpathOption(args, withoutClasspath);
        List<String> configArgs = new ArrayList<>();
        URI url = urlOption(withoutClasspath, configArgs);
        if (classPath != null) {
            ClasspathReport.print(classPath, context.out());
        }
        LoadedConfig loaded = ConfigOption.load(configArgs, context);
        boolean problems = ConfigOption.report(loaded, context);
        AgentConfig config = loaded.config();
        if (url != null) {
            return checkUrl(url, loaded, context);
        }
        int total = config.clients().size() + loaded.inactiveClients().size();
        if (total == 0 && classPath != null && !problems) {
            context.out().println("no clients are configured: only the class path was checked");
            return Cli.EXIT_OK;
        }
        if (total == 0) {
            context.err().println("oauth-agent: no clients are configured, so there is nothing to check. "
                    + "Set oauth.agent.clients.<name>.token-url, client-id, client-secret and hosts "
                    + "(see docs/configuration.md).");
            return problems ? Cli.EXIT_BAD_CONFIG : Cli.EXIT_FAILED;
        }
        // As the agent would run: a client that a problem stops is not asked for a token, and fails the check.
        int failed = loaded.inactiveClients().size();
        for (String name : loaded.inactiveClients()) {
            context.out().println("client '" + name + "': NOT ACTIVE  a configuration problem (printed on stderr) "
                    + "keeps it from running");
        }
        for (ClientConfig client : config.clients()) {
            if (!check(client, context)) {
                failed++;
            }
        }
        context.out().println(failed == 0 ? "all " + total + " client(s) OK"
                : failed + " of " + total + " client(s) FAILED");
        return problems ? Cli.EXIT_BAD_CONFIG : failed == 0 ? Cli.EXIT_OK : Cli.EXIT_FAILED;
    }

    /** Exit 0 only when a client matches {@code url} and its token is obtained. */
    private static int checkUrl(URI url, LoadedConfig loaded, CliContext context) {
        AgentConfig config = loaded.config();
        RouteExplanation explanation = RouteExplanation.of(RouteTable.from(config.clients()), url);
        String matched = explanation.matchedClient();
        if (matched == null) {
            context.out().println("no client's token goes to " + explanation.request());
            if (explanation.nearestClient() != null) {
                context.out().println("nearest client: '" + explanation.nearestClient() + "'; what differs:");
            }
            for (String difference : explanation.differences()) {
                context.out().println("  " + difference);
            }
            if (!loaded.inactiveClients().isEmpty()) {
                // Their routes are unknown to the agent while they do not run: one of them may be the one meant.
                context.out().println("not considered: client(s) " + loaded.inactiveClients()
                        + ", which a configuration problem (printed on stderr) keeps from running");
            }
            return Cli.EXIT_FAILED;
        }
        context.out().println(explanation.request() + " carries the token of client '" + matched + "'");
        for (ClientConfig client : config.clients()) {
            if (client.name().equals(matched)) {
                return check(client, context) ? Cli.EXIT_OK : Cli.EXIT_FAILED;
            }
        }
        throw new IllegalStateException("the route table names a client the configuration does not have");
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

    private static boolean check(ClientConfig configured, CliContext context) {
        try {
            ClientConfig client = discovered(configured, context);
            ServerDate serverDate = new ServerDate(Clock.systemUTC());
            AccessToken token = tokenSource(client, serverDate).fetch();
            context.out().println("client '" + client.name() + "': OK  token_type=" + token.tokenType()
                    + "  lifetime=" + token.lifetimeSeconds() + "s  scopes=" + scopes(token, client)
                    + "  fingerprint=" + token.fingerprint());
            return printTokenFindings(client, token, serverDate, context);
        } catch (TokenFetchException e) {
            context.out().println("client '" + configured.name() + "': FAILED  " + e.getMessage());
            return false;
        }
    }

    /** The client with its issuer's endpoints, each printed; the client itself when it has token-url. */
    private static ClientConfig discovered(ClientConfig client, CliContext context) throws TokenFetchException {
        if (client.issuer() == null) {
            return client;
        }
        DiscoveredEndpoints endpoints = new IssuerDiscovery(client).endpoints();
        context.out().println("client '" + client.name() + "': discovered from " + endpoints.document() + ":");
        for (String endpoint : endpoints.describe()) {
            context.out().println("  " + endpoint);
        }
        return endpoints.applyTo(client);
    }

    /**
     * What the token's claims and the server's clock say ({@link TokenClaimsCheck}), one finding a line under the
     * client's. False when one of them fails the check.
     */
    private static boolean printTokenFindings(ClientConfig client, AccessToken token, ServerDate serverDate,
            CliContext context) {
        boolean failed = false;
        for (Finding finding : new TokenClaimsCheck(Clock.systemUTC()).check(client, token, serverDate)) {
            context.out().println("  " + finding.status().name().toLowerCase(Locale.ROOT) + "  " + finding.code()
                    + ": " + finding.summary());
            if (finding.fix() != null) {
                context.out().println("        fix: " + finding.fix());
            }
            failed |= finding.status() == Finding.Status.FAIL;
        }
        return !failed;
    }

    /**
     * As the agent gets the client's tokens. A user grant redeems its stored refresh token: under the store's lock,
     * writing the rotated one back, so a running application sharing the store adopts it.
     */
    private static TokenSource tokenSource(ClientConfig client, ServerDate serverDate) {
        TokenEndpointClient endpoint = new TokenEndpointClient(client, serverDate);
        return client.grantType().holdsRefreshTokens() ? UserGrants.source(client, endpoint, null, null) : endpoint;
    }

    private static String scopes(AccessToken token, ClientConfig client) {
        if (token.grantedScopes() != null) {
            return token.grantedScopes().isEmpty() ? "(none)" : String.join(" ", token.grantedScopes());
        }
        // RFC 6749 §5.1: no scope in the response means the requested scope was granted.
        return client.scopes().isEmpty() ? "(server default)" : String.join(" ", client.scopes()) + " (as requested)";
    }
}
