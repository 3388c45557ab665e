package dev.oauthagent.testapps.jettyclientapp;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;

/**
 * An unmodified program on Jetty's HttpClient, which the agent does not instrument: its requests carry no token.
 * Each request asks for its connection to be closed, so every request opens a connection of its own.
 *
 * <p>Options: {@code --url=URL} (one or more; required), {@code --requests=N} per URL (default 1). Prints
 * {@code STATUS <code> <url>} per request and {@code DONE requests=<n>}; exits 1 on an exception.
 */
public final class JettyClientApp {
    private JettyClientApp() {
    }

    public static void main(String[] args) throws Exception {
        List<URI> urls = new ArrayList<>();
        int requests = 1;
        for (String arg : args) {
            if (arg.startsWith("--url=")) {
                urls.add(URI.create(arg.substring("--url=".length())));
            } else if (arg.startsWith("--requests=")) {
                requests = Integer.parseInt(arg.substring("--requests=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --url, --requests");
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        HttpClient client = new HttpClient();
        client.start();
        int sent = 0;
        try {
            for (URI url : urls) {
                for (int i = 0; i < requests; i++) {
                    ContentResponse response = client.newRequest(url)
                            .headers(headers -> headers.put(HttpHeader.CONNECTION, "close"))
                            .timeout(30, TimeUnit.SECONDS)
                            .send();
                    System.out.println("STATUS " + response.getStatus() + " " + url);
                    sent++;
                }
            }
        } finally {
            client.stop();
        }
        System.out.println("DONE requests=" + sent);
    }
}
