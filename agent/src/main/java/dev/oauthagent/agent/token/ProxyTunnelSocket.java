package dev.oauthagent.agent.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A socket whose connect opens an HTTP CONNECT tunnel (RFC 9110 §9.3.6) through a proxy to the address it is
 * asked for; TLS to the authorization server is then layered on top of it by the connection, as on any socket.
 *
 * <p>Why the agent writes its own CONNECT: HttpURLConnection sends Basic proxy credentials on a CONNECT only
 * through the Authenticator, and only when the JVM-wide {@code jdk.http.auth.tunneling.disabledSchemes} does not
 * disable Basic (it does by default, and the agent does not change JVM-wide settings). A {@code Proxy-Authorization}
 * header set on the connection would not go to the proxy but through the tunnel to the server. Here the header
 * goes on the CONNECT request and nowhere else.
 */
final class ProxyTunnelSocket extends Socket {
    private static final int MAX_RESPONSE_HEAD = 16 * 1024;

    private final ProxyRoute route;
    private final AuthServerProxy proxy;
    private final int readTimeoutMillis;

    ProxyTunnelSocket(ProxyRoute route, AuthServerProxy proxy, int readTimeoutMillis) {
        super(Proxy.NO_PROXY);
        this.route = route;
        this.proxy = proxy;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        InetSocketAddress target = (InetSocketAddress) endpoint;
        String hostPort = hostPort(target);
        InetSocketAddress proxyAddress = new InetSocketAddress(route.address().getHostString(), route.address().getPort());
        try {
            if (proxyAddress.isUnresolved()) {
                throw new UnknownHostException("unknown host " + route.address().getHostString());
            }
            super.connect(proxyAddress, timeout);
        } catch (IOException e) {
            throw new ProxyFailureException(proxy.unreachable(route, reason(e)), e);
        }
        int status;
        try {
            setSoTimeout(readTimeoutMillis);
            OutputStream out = getOutputStream();
            out.write(connectRequest(hostPort).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            status = readStatus(getInputStream());
        } catch (IOException e) {
            close();
            String reason = e instanceof SocketTimeoutException ? "no answer within the read timeout"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ProxyFailureException(proxy.noAnswer(route, hostPort, reason), e);
        }
        if (status != 200) {
            close();
            throw new ProxyFailureException(proxy.refusal(route, status, hostPort), null);
        }
        setSoTimeout(0); // the connection sets its own read timeout next
    }

    private String connectRequest(String hostPort) {
        StringBuilder request = new StringBuilder("CONNECT ").append(hostPort).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostPort).append("\r\n");
        String authorization = proxy.authorization();
        if (authorization != null) {
            request.append("Proxy-Authorization: ").append(authorization).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** Reads the proxy's answer up to the blank line, so the TLS handshake starts on the tunnel's first byte. */
    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the proxy closed the connection before answering the CONNECT");
            }
            if (head.size() >= MAX_RESPONSE_HEAD) {
                throw new IOException("the proxy's answer to the CONNECT is longer than 16 KiB");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String statusLine = new String(head.toByteArray(), StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("the proxy's answer to the CONNECT is not HTTP");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the proxy's answer to the CONNECT has no status code");
        }
    }

    private static String hostPort(InetSocketAddress target) {
        String host = target.getHostString();
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + target.getPort();
    }

    private static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SocketTimeoutException) {
            return "no connection in time";
        }
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).startsWith("connection refused") ? "connection refused"
                : e.getClass().getSimpleName();
    }
}
