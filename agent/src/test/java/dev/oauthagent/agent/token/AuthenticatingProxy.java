package dev.oauthagent.agent.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on the loopback that requires Basic credentials: CONNECT tunnels (bytes copied both ways, so TLS
 * runs end to end) and plain-http requests in absolute form (forwarded with {@code Connection: close}, without the
 * proxy's own headers). It records each request line and whether its credentials were right, never their value.
 */
public final class AuthenticatingProxy implements AutoCloseable {
    /** One request the proxy saw: "CONNECT 127.0.0.1:1234" or "POST http://127.0.0.1:1234/oauth2/token". */
    public record Seen(String requestLine, boolean hadCredentials, boolean credentialsRight) {
    }

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private AuthenticatingProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        threads.execute(this::acceptLoop);
    }

    public static AuthenticatingProxy requiring(String user, String password) throws IOException {
        return new AuthenticatingProxy(user, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public List<Seen> seen() {
        return seen;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(20_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            String authorization = header(head, "proxy-authorization");
            boolean right = expectedAuthorization.equals(authorization);
            seen.add(new Seen(requestLine, authorization != null, right));
            if (!right) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                tunnel(client, parts[1]);
            } else {
                forward(client, parts, head);
            }
        } catch (IOException e) {
            // the client or target went away: nothing to record
        }
    }

    private void tunnel(Socket client, String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try (Socket target = new Socket()) {
            sockets.add(target);
            target.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 5_000);
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            pump(client, target);
        }
    }

    private void forward(Socket client, String[] requestLine, List<String> head) throws IOException {
        URI uri = URI.create(requestLine[1]);
        try (Socket target = new Socket()) {
            sockets.add(target);
            target.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            StringBuilder forwarded = new StringBuilder(requestLine[0]).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(' ').append(requestLine[2])
                    .append("\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    forwarded.append(line).append("\r\n");
                }
            }
            forwarded.append("Connection: close\r\n\r\n");
            target.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            pump(client, target);
        }
    }

    /** Copies both ways until the target closes: the request body one way, the response the other. */
    private void pump(Socket client, Socket target) throws IOException {
        threads.execute(() -> copy(client, target));
        copy(target, client);
    }

    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        threads.shutdownNow();
    }
}
