package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures that real sockets cannot produce reliably on a test machine (DNS, connect timeouts). */
class TransportFailureClassifierTest {
    private final ClientConfig client = TestClients.billing(URI.create("https://as.example/oauth2/token"))
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10)).build();
    private final TransportFailureClassifier classifier = new TransportFailureClassifier(client,
            new ClientMessages(client), ServerTextSanitizer.forClient(client));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TotalDeadline notPassed = new TotalDeadline(Duration.ofHours(1), timer, () -> { });

    @AfterEach
    void stop() {
        notPassed.close();
        timer.shutdownNow();
    }

    private String message(IOException e, boolean connecting) {
        TokenFetchException f = classifier.classify(e, connecting, notPassed);
        assertThat(f.kind()).isEqualTo(TokenFetchException.Kind.TRANSIENT);
        assertThat(f.getCause()).isSameAs(e);
        return f.getMessage();
    }

    @Test
    void unknownHostPointsToTokenUrlAndDns() {
        assertThat(message(new UnknownHostException("as.example"), true)).isEqualTo("oauth-agent: client 'billing': "
                + "cannot reach token endpoint as.example:443 (unknown host); check "
                + "oauth.agent.clients.billing.token-url and DNS.");
    }

    @Test
    void connectionRefusedReadsTheSameOnEveryPlatform() {
        assertThat(message(new ConnectException("Connection refused: connect"), true))
                .contains("cannot reach token endpoint as.example:443 (connection refused)");
    }

    @Test
    void connectTimeoutNamesTheConnectTimeoutKey() {
        assertThat(message(new SocketTimeoutException("Connect timed out"), true))
                .contains("no connection within 5 s").contains("oauth.agent.clients.billing.connect-timeout");
    }

    @Test
    void readTimeoutDuringTheTlsHandshakeNamesTheReadTimeoutKey() {
        assertThat(message(new SocketTimeoutException("Read timed out"), true))
                .contains("sent nothing for 10 s (read timeout)").contains("oauth.agent.clients.billing.read-timeout");
    }

    @Test
    void untrustedCertificateIsNamedAsSuchAndSuggestsATruststore() {
        // as the JSSE reports it: SSLHandshakeException <- ValidatorException <- SunCertPathBuilderException
        CertificateException validator = new CertificateException("PKIX path building failed");
        validator.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));
        SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
        e.initCause(validator);

        assertThat(message(e, true)).contains("TLS failure talking to token endpoint as.example:443: the server's"
                + " certificate is not trusted (unable to find valid certification path to requested target). If the"
                + " server uses a private CA, set oauth.agent.clients.billing.truststore to a store holding the CA that"
                + " issued it.");
    }

    @Test
    void certificateForAnotherHostIsNamedAsSuchAndPointsAtTheTokenUrl() {
        SSLHandshakeException e = new SSLHandshakeException("No subject alternative DNS name matching as.example found.");
        e.initCause(new CertificateException("No subject alternative DNS name matching as.example found."));

        assertThat(message(e, true)).contains("the server's certificate does not match host as.example (No subject"
                + " alternative DNS name matching as.example found.). Set oauth.agent.clients.billing.token-url to a host"
                + " name the certificate names");
    }

    @Test
    void expiredCertificateIsNamedAsSuchEvenInsideAPathValidationFailure() {
        CertPathValidatorException path = new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));
        SSLHandshakeException e = new SSLHandshakeException("PKIX path validation failed");
        e.initCause(path);

        assertThat(message(e, true)).contains("the server's certificate has expired or is not yet valid");
    }

    @Test
    void handshakeFailureNotAboutTheCertificateShowsTheRootCause() {
        SSLHandshakeException e = new SSLHandshakeException("Received fatal alert: handshake_failure");

        assertThat(message(e, true)).contains("TLS failure talking to token endpoint as.example:443: the TLS handshake"
                + " failed (Received fatal alert: handshake_failure). If the server uses a private CA set"
                + " oauth.agent.clients.billing.truststore");
    }

    @Test
    void otherIoErrorsNameTheExceptionType() {
        assertThat(message(new IOException("Unexpected end of file from server"), false))
                .contains("I/O error talking to token endpoint as.example:443 (IOException: Unexpected end of file from server)");
    }
}
