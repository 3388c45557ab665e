package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * {@code java -jar oauth-agent.jar login desktop --config <file>} for an authorization code client of the test
 * {@link AuthServer}, as a person runs it in a terminal without a display: no {@code DISPLAY}, so the agent opens
 * no browser and only prints the address. A stand-in {@code xdg-open} first on the {@code PATH} records whether
 * the agent tried to start one anyway.
 *
 * <p>The client secret and the store key reach the child as environment variables only.
 */
public final class CodeLogin implements AutoCloseable {
    public static final String CLIENT = "desktop";
    /** The authorization address the login prints on stderr, alone on its line. */
    private static final Pattern AUTHORIZATION_URL =
            Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/oauth2/authorize\\?\\S+$");
    private static final String STORE_KEY_VAR = "DESKTOP_STORE_KEY";
    private static final String SECRET_VAR = "DESKTOP_CLIENT_SECRET";

    private final JavaProcess process;
    private final Path store;
    private final Path opener;

    private CodeLogin(JavaProcess process, Path store, Path opener) {
        this.process = process;
        this.store = store;
        this.opener = opener;
    }

    /**
     * @param dir          a temp folder of the test's: the configuration, the store and the stand-in opener go there
     * @param clientSecret the client's secret, or null for a public client ({@code client-auth=none})
     * @param redirectUri  {@code redirect-uri}, or null for the default (any free port)
     */
    public static CodeLogin start(AuthServer server, Path dir, String clientId, String clientSecret,
            String redirectUri) {
        try {
            Path store = dir.resolve(CLIENT + ".tokens");
            String p = "oauth.agent.clients." + CLIENT + ".";
            StringBuilder properties = new StringBuilder()
                    .append(p).append("grant-type=authorization_code\n")
                    .append(p).append("token-url=").append(server.tokenUrl()).append('\n')
                    .append(p).append("authorization-url=").append(server.authorizationUrl()).append('\n')
                    .append(p).append("client-id=").append(clientId).append('\n')
                    .append(p).append("scopes=read write\n")
                    .append(p).append("hosts=desktop.example.internal\n")
                    .append(p).append("allow-http=true\n")
                    .append(p).append("token-store=").append(store).append('\n')
                    .append(p).append("token-store-key=${env:").append(STORE_KEY_VAR).append("}\n");
            if (clientSecret == null) {
                properties.append(p).append("client-auth=none\n");
            } else {
                properties.append(p).append("client-auth=client_secret_basic\n")
                        .append(p).append("client-secret=${env:").append(SECRET_VAR).append("}\n");
            }
            if (redirectUri != null) {
                properties.append(p).append("redirect-uri=").append(redirectUri).append('\n');
            }
            Path config = Files.writeString(dir.resolve("agent.properties"), properties);
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path opener = dir.resolve("xdg-open-ran");
            Path fakeOpener = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\ntouch '" + opener + "'\n");
            Files.setPosixFilePermissions(fakeOpener, PosixFilePermissions.fromString("rwx------"));

            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> env = clientSecret == null
                    ? Map.of(STORE_KEY_VAR, Base64.getEncoder().encodeToString(key))
                    : Map.of(STORE_KEY_VAR, Base64.getEncoder().encodeToString(key), SECRET_VAR, clientSecret);
            JavaProcessBuilder login = JavaProcess.builder("login-" + clientId).jar(E2ePaths.agentJar())
                    .args("login", CLIENT, "--config", config.toString())
                    .env("DISPLAY", null).env("WAYLAND_DISPLAY", null)
                    .env("PATH", bin + ":" + System.getenv("PATH"));
            env.forEach(login::env);
            return new CodeLogin(login.start(), store, opener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the login in " + dir, e);
        }
    }

    /** The address the login printed for the person to open. */
    public String authorizationUrl(Duration patience) {
        return process.awaitLine(AUTHORIZATION_URL, patience);
    }

    public JavaProcess process() {
        return process;
    }

    public Path store() {
        return store;
    }

    /** Whether the login started a browser opener. */
    public boolean triedToOpenABrowser() {
        return Files.exists(opener);
    }

    /** stdout and stderr without the authorization address (whose state and challenge look like tokens). */
    public String outputButTheAddress() {
        return (process.stdout() + process.stderr()).lines()
                .filter(line -> !AUTHORIZATION_URL.matcher(line).matches())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        process.close();
    }
}
