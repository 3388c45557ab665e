package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-http forward proxy on the loopback (requests in absolute form, RFC 9112 §3.2.2) that demands Basic
 * credentials: 407 without the right ones, else the request goes to its origin with {@code Connection: close} and
 * without the {@code Proxy-*} headers, and the answer comes back byte for byte. Records each request line and
 * whether its credentials were right, never their value.
 */
public final class ForwardingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expected;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "e2e-forwarding-proxy");
        t.setDaemon(true);
        return t;
    });

    public ForwardingProxy(String user, String password) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    threads.execute(() -> handle(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** "POST http://127.0.0.1:1234/oauth2/token credentials=right" (or wrong, or none), in arrival order. */
    public List<String> seen() {
        return seen;
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            List<String> head = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            InputStream in = client.getInputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.append((char) b);
                } else if (line.toString().trim().isEmpty()) {
                    break;
                } else {
                    head.add(line.toString().trim());
                    line.setLength(0);
                }
            }
            if (head.isEmpty()) {
                return;
            }
            String credentials = null;
            StringBuilder forwarded = new StringBuilder();
            for (String h : head.subList(1, head.size())) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("proxy-authorization:")) {
                    credentials = h.substring(h.indexOf(':') + 1).trim();
                } else if (!lower.startsWith("proxy-") && !lower.startsWith("connection:")) {
                    forwarded.append(h).append("\r\n");
                }
            }
            String[] request = head.get(0).split(" ");
            seen.add(request[0] + " " + request[1] + " credentials="
                    + (credentials == null ? "none" : expected.equals(credentials) ? "right" : "wrong"));
            OutputStream out = client.getOutputStream();
            if (!expected.equals(credentials)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"e2e\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            URI target = URI.create(request[1]);
            try (Socket origin = new Socket(target.getHost(), target.getPort())) {
                open.add(origin);
                String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                origin.getOutputStream().write((request[0] + " " + path + " " + request[2] + "\r\n" + forwarded
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                threads.execute(() -> {
                    try {
                        in.transferTo(origin.getOutputStream());
                    } catch (IOException e) {
                        // the origin answered and closed
                    }
                });
                origin.getInputStream().transferTo(out);
            }
        } catch (IOException e) {
            // a side went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }
}
