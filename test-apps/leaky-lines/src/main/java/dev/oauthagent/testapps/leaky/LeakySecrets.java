package dev.oauthagent.testapps.leaky;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The secrets a careless program holds: the access token the agent added to its request (the program got it
 * back in a response body and now logs it), its client id and secret (it shares the agent's configuration,
 * as programs that used to fetch tokens themselves do) and the Basic value built from them.
 *
 * <p>Arguments: {@code --echo-url=<url>} answers with the request's Authorization value (the test servers'
 * {@code /__echo-authorization}); {@code --client-id=<id>}; the secret comes from the environment variable
 * {@code LEAKY_CLIENT_SECRET}, never from the command line (command lines are visible to every user).
 */
public final class LeakySecrets {
    private final String token;
    private final String clientId;
    private final String clientSecret;

    LeakySecrets(String token, String clientId, String clientSecret) {
        this.token = token;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The secrets an app held, for a test that rebuilds what it logged. */
    public static LeakySecrets of(String token, String clientId, String clientSecret) {
        return new LeakySecrets(token, clientId, clientSecret);
    }

    /** Fetches the token from the echo URL; fails loudly if the request carried no Bearer token. */
    public static LeakySecrets fromArgs(String[] args) throws IOException {
        String echoUrl = null;
        String clientId = null;
        for (String arg : args) {
            if (arg.startsWith("--echo-url=")) {
                echoUrl = arg.substring("--echo-url=".length());
            } else if (arg.startsWith("--client-id=")) {
                clientId = arg.substring("--client-id=".length());
            }
        }
        String secret = System.getenv("LEAKY_CLIENT_SECRET");
        if (echoUrl == null || clientId == null || secret == null) {
            throw new IllegalArgumentException(
                    "usage: --echo-url=<url> --client-id=<id>, and the client secret in env LEAKY_CLIENT_SECRET");
        }
        String authorization = get(echoUrl);
        if (!authorization.startsWith("Bearer ")) {
            throw new IllegalStateException("the echo URL answered without a Bearer value (" + authorization.length()
                    + " chars): is the agent running and configured for it?");
        }
        return new LeakySecrets(authorization.substring("Bearer ".length()).trim(), clientId, secret);
    }

    public String token() {
        return token;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** What an {@code Authorization: Basic} header carries: base64 of {@code id:secret}. */
    public String basicValue() {
        return Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(10000);
        connection.setReadTimeout(10000);
        try (InputStream in = connection.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                body.write(buffer, 0, n);
            }
            return new String(body.toByteArray(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public String toString() {
        return "LeakySecrets[client " + clientId + ", token of " + token.length() + " chars]";
    }
}
