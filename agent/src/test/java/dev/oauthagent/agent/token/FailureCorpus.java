package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLHandshakeException;

/**
 * A failure of every kind the token client reports, each made by the real classifier that makes it in
 * production, for tests of the messages composed around them (log lines, the application's exception).
 */
public final class FailureCorpus {
    private FailureCorpus() {
    }

    /** For client "billing", whose token endpoint is https://as.example/oauth2/token. */
    public static List<TokenFetchException> all(ClientConfig client) {
        List<TokenFetchException> all = new ArrayList<>();
        TokenResponseValidator validator = new TokenResponseValidator(client, Clock.systemUTC());
        for (TokenHttpResponse answer : answers()) {
            try {
                validator.validate(answer);
                throw new IllegalStateException("not a failure: " + answer);
            } catch (TokenFetchException e) {
                all.add(e);
            }
        }
        TransportFailureClassifier transport = new TransportFailureClassifier(client, new ClientMessages(client),
                ServerTextSanitizer.forClient(client));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (TotalDeadline notPassed = new TotalDeadline(Duration.ofHours(1), timer, () -> { })) {
            for (IOException e : ioFailures()) {
                all.add(transport.classify(e, true, notPassed));
            }
        } finally {
            timer.shutdownNow();
        }
        all.add(TokenFetchException.transientFailure("the token source returned no token", null));
        return all;
    }

    public static ClientConfig client() {
        return TestClients.billing(URI.create("https://as.example/oauth2/token")).build();
    }

    private static List<TokenHttpResponse> answers() {
        List<TokenHttpResponse> answers = new ArrayList<>();
        for (String code : new String[] {"invalid_client", "unauthorized_client", "invalid_scope",
                "unsupported_grant_type", "invalid_grant", "invalid_request", "temporarily_unavailable"}) {
            answers.add(json(400, "{\"error\":\"" + code + "\"}"));
            answers.add(json(400, "{\"error\":\"" + code + "\",\"error_description\":\"Ends with a period.\"}"));
        }
        for (int status : new int[] {401, 404, 405, 408, 429, 500, 503, 418}) {
            answers.add(json(status, ""));
            answers.add(new TokenHttpResponse(status, "text/html", "7", "<html></html>".getBytes(StandardCharsets.UTF_8)));
        }
        answers.add(json(404, "{\"status\":404,\"error\":\"Not Found\",\"path\":\"/oauth/token\"}"));
        answers.add(json(200, "{\"token_type\":\"Bearer\"}"));
        answers.add(json(200, "[]"));
        answers.add(new TokenHttpResponse(200, "text/html", null, "<html>login</html>".getBytes(StandardCharsets.UTF_8)));
        answers.add(json(200, "{\"access_token\":\"abc\",\"token_type\":\"mac\"}"));
        answers.add(json(200, "{\"access_token\":\"abc\"}"));
        answers.add(json(200, "{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}"));
        return answers;
    }

    private static List<IOException> ioFailures() {
        List<IOException> failures = new ArrayList<>();
        failures.add(new UnknownHostException("as.example"));
        failures.add(new ConnectException("Connection refused"));
        failures.add(new SocketTimeoutException("Connect timed out"));
        failures.add(new SocketTimeoutException("Read timed out"));
        failures.add(new ResponseBodyReader.TooLargeException());
        CertificateException untrusted = new CertificateException("PKIX path building failed");
        untrusted.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));
        failures.add(handshake(untrusted));
        failures.add(handshake(new CertificateException("No subject alternative DNS name matching as.example found.")));
        failures.add(new SSLHandshakeException("Received fatal alert: handshake_failure"));
        failures.add(new IOException("Unexpected end of file from server"));
        failures.add(new IOException("Ends with a period."));
        return failures;
    }

    private static SSLHandshakeException handshake(Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(cause.getMessage());
        e.initCause(cause);
        return e;
    }

    private static TokenHttpResponse json(int status, String body) {
        return new TokenHttpResponse(status, "application/json", null, body.getBytes(StandardCharsets.UTF_8));
    }
}
