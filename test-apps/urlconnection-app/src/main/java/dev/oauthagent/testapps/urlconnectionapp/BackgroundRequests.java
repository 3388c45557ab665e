package dev.oauthagent.testapps.urlconnectionapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Traffic beside the main requests: one daemon thread that GETs a URL again and again, every
 * {@link #PAUSE_MILLIS}, until the program ends, as a busy application's other threads do. Counts its answers;
 * prints nothing per request.
 */
final class BackgroundRequests implements Runnable {
    private static final long PAUSE_MILLIS = 100;
    private static final int TIMEOUT_MS = 5000;

    private final String url;
    private volatile int ok;
    private volatile int failed;

    private BackgroundRequests(String url) {
        this.url = url;
    }

    static BackgroundRequests start(String url) {
        BackgroundRequests requests = new BackgroundRequests(url);
        Thread thread = new Thread(requests, "background-requests");
        thread.setDaemon(true);
        thread.start();
        return requests;
    }

    @Override
    public void run() {
        while (true) {
            if (get()) {
                ok++;
            } else {
                failed++;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean get() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (body != null) {
                byte[] buffer = new byte[8192];
                while (body.read(buffer) >= 0) {
                    // drained so the connection can be reused
                }
                body.close();
            }
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code BACKGROUND ok=<n> failed=<m>}. */
    String summary() {
        return "BACKGROUND ok=" + ok + " failed=" + failed;
    }
}
