package dev.oauthagent.bench.apps;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * One GET with {@link HttpURLConnection} right after start, timed from {@code openConnection} to the last
 * body byte. Under the agent the URL is a matched one, so the time includes whatever the request waits for
 * its token (fetched from the loopback token endpoint while the JVM starts).
 *
 * <p>Usage: {@code FirstRequest <url>}; prints {@code FIRST_REQUEST status=<code> micros=<n>}.
 */
public final class FirstRequest {
    private FirstRequest() {
    }

    public static void main(String[] args) throws IOException {
        URL url = new URL(args[0]);
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        long micros = (System.nanoTime() - start) / 1_000;
        System.out.println("FIRST_REQUEST status=" + status + " micros=" + micros);
        System.exit(status == 200 ? 0 : 1);
    }
}
