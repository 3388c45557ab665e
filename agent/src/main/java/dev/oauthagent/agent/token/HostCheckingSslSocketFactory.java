package dev.oauthagent.agent.token;

import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes every TLS socket check the server's host name during the handshake (endpoint identification "HTTPS",
 * RFC 2818), before a byte of the request is written.
 *
 * <p>Why in the socket and not by HttpsURLConnection: the JDK's HttpsClient sets "HTTPS" identification on a
 * socket itself only while the connection's HostnameVerifier is the JDK default; with any other verifier (an
 * application's allow-all default, inherited by every new connection) it skips it and consults the verifier
 * after the handshake. A socket that already has "HTTPS" identification is left to its handshake and no
 * verifier is consulted (HttpsClient#afterConnect, JDK 8 to 25): the trust manager of the agent's own context
 * ({@link TokenTls}) refuses a certificate for another host in the handshake.
 */
final class HostCheckingSslSocketFactory extends WrappingSslSocketFactory {
    private static final String HTTPS_IDENTIFICATION = "HTTPS";

    HostCheckingSslSocketFactory(SSLSocketFactory delegate) {
        super(delegate);
    }

    @Override
    Socket made(Socket s) {
        // An unconnected plain socket (a provider without unconnected TLS sockets) is layered later through
        // createSocket(Socket, host, ...), which comes here again as an SSLSocket.
        if (s instanceof SSLSocket) {
            SSLSocket tls = (SSLSocket) s;
            // A copy of the socket's own parameters, so the server name (SNI) and the rest stay as they are.
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(HTTPS_IDENTIFICATION);
            tls.setSSLParameters(parameters);
        }
        return s;
    }
}
