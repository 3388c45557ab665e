package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.token.CertificateProblem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Whether a port speaks TLS: a handshake that completes, or fails over the server's certificate, means a TLS server
 * answered. Nothing is sent but the ClientHello, and the certificate is never trusted for anything: the socket is
 * closed right after the handshake.
 */
final class TlsPortProbe {
    private final Duration timeout;

    TlsPortProbe(Duration timeout) {
        this.timeout = timeout;
    }

    boolean speaksTls(String host, int port) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
            try (SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, port, false)) {
                tls.startHandshake();
                return true;
            }
        } catch (IOException e) {
            return CertificateProblem.of(e) != CertificateProblem.OTHER;
        }
    }
}
