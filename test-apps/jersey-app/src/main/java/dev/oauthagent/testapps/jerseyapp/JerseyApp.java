package dev.oauthagent.testapps.jerseyapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;

/**
 * An "unmodified app" on the JAX-RS client API with Jersey, knowing nothing about OAuth: one {@link Client} for
 * every request, on Jersey's default connector (HttpURLConnection), the Apache HttpClient 5 connector
 * ({@code jersey-apache5-connector}) or, run with Jersey 3.1's jars, the Apache HttpClient 4 one
 * ({@code jersey-apache-connector}), as an application chooses it in its {@link ClientConfig}. Compiled against
 * Jersey 4, it uses only API that Jersey 3.1 has too.
 *
 * <p>Options: {@code --url} (required, repeatable; each URL gets {@code --requests} requests, in order),
 * {@code --requests} (1), {@code --pause-ms} (0, between requests), {@code --method} (GET, POST, ALTERNATE),
 * {@code --header="Name: value"} (on every request), {@code --connector} (DEFAULT, APACHE5, APACHE),
 * {@code --follow-redirects} (DEFAULT: Jersey's, which follows; TRUE, FALSE: {@code ClientProperties.FOLLOW_REDIRECTS}),
 * {@code --background-url} (another thread GETs it every 100 ms with the same client).
 *
 * <p>Output: one {@code REQUEST <n> status=<code> method=<m> bytes=<len>} line per request; when no response came,
 * {@code REQUEST <n> status=-1 method=<m> wrapper=<what Jersey threw> error=<class>: <message>} of the I/O exception
 * under it (Jersey wraps it in a {@code ProcessingException}); then {@code BACKGROUND ok=<n> failed=<m>} with
 * {@code --background-url}, {@code CONNECTOR name=<the connector's own name>} and {@code DONE ok=<2xx>
 * failed=<others>}. Exit code 0 when all got a 2xx, 1 otherwise, 2 for bad options.
 */
public final class JerseyApp {
    private static final String POST_BODY = "{\"message\":\"hello from a Jersey app\"}";

    private final AppOptions options;
    private final Client client;
    private final Tally tally = new Tally();

    private JerseyApp(AppOptions options) {
        this.options = options;
        ClientConfig config = new ClientConfig();
        if ("APACHE5".equals(options.connector())) {
            config.connectorProvider(new Apache5ConnectorProvider());
        } else if ("APACHE".equals(options.connector())) {
            config.connectorProvider(Apache4Connector.provider());
        }
        if (!"DEFAULT".equals(options.followRedirects())) {
            config.property(ClientProperties.FOLLOW_REDIRECTS, Boolean.valueOf(options.followRedirects()));
        }
        this.client = ClientBuilder.newBuilder().withConfig(config)
                .connectTimeout(5, TimeUnit.SECONDS)
                // Long enough for a test origin that holds its answer back while the agent's tokens rotate.
                .readTimeout(60, TimeUnit.SECONDS)
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        AppOptions options = CommandLine.parseOrExit("jersey-app", () -> AppOptions.parse(args));
        JerseyApp app;
        try {
            app = new JerseyApp(options);
        } catch (NoClassDefFoundError e) {
            System.err.println("jersey-app: --connector=" + options.connector() + " is not on the class path (" + e.getMessage()
                    + "); jersey-apache-connector comes with Jersey 3.1 only: run jersey-app-3.1.jar");
            System.exit(2);
            return;
        }
        BackgroundRequests background = options.backgroundUrl() == null ? null
                : BackgroundRequests.start(app.backgroundGet(options.backgroundUrl()));
        app.run();
        if (background != null) {
            Tally.print(background.stop());
        }
        Tally.print("CONNECTOR name=" + ((ClientConfig) app.client.getConfiguration()).getConnector().getName());
        Tally.print(app.tally.done());
        app.client.close();
        System.exit(app.tally.exitCode());
    }

    private void run() throws InterruptedException {
        int total = options.urls().size() * options.requests();
        for (int i = 0; i < total; i++) {
            int n = i + 1;
            String method = options.methodFor(n);
            send(n, options.urls().get(i / options.requests()), method);
            if (n < total && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
    }

    private void send(int n, String url, String method) {
        Invocation.Builder request = client.target(url).request();
        String header = options.header();
        if (header != null) {
            request.header(header.substring(0, header.indexOf(':')).trim(), header.substring(header.indexOf(':') + 1).trim());
        }
        try (Response response = "POST".equals(method)
                ? request.post(Entity.entity(POST_BODY, MediaType.APPLICATION_JSON_TYPE)) : request.get()) {
            int bytes = response.hasEntity() ? response.readEntity(String.class).length() : 0;
            tally.answered(response.getStatus(), "REQUEST " + n + " status=" + response.getStatus() + " method=" + method + " bytes=" + bytes);
        } catch (ProcessingException e) {
            Throwable cause = ioCause(e);
            tally.failed("REQUEST " + n + " status=-1 method=" + method + " wrapper=" + e.getClass().getName() + " error="
                    + cause.getClass().getName() + ": " + cause.getMessage());
        }
    }

    /** The I/O exception under Jersey's wrapper: what an application logs to say why the call failed. */
    private static Throwable ioCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return cause;
            }
        }
        return thrown;
    }

    /** One GET of {@code url} with the app's client, for the background requests. */
    private BackgroundRequests.Request backgroundGet(String url) {
        return () -> {
            try (Response response = client.target(url).request().get()) {
                response.readEntity(String.class);
                return response.getStatus();
            }
        };
    }
}
