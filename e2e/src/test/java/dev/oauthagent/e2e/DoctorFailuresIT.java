package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.FaultPages;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.TestTls;
import dev.oauthagent.e2e.support.TestTokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar oauth-agent.jar check} on a configuration broken in every way the doctor diagnoses: one client per
 * break, all in one file, so one run of the shipped jar shows every diagnosis. The breaks the real Spring
 * Authorization Server can show are made against it (a wrong secret, the wrong client-auth method, a staging client
 * id at a production host name, a grant the client lacks, a scope it lacks, a wrong path, https to its plain port, a
 * code client's redirect URI it does not register); the rest against {@link FaultPages} (invalid_target, an HTML login page, a self-signed
 * certificate, a certificate for other names, http to a TLS port) and a name no resolver knows. Host names come from
 * a hosts file of this class, so nothing depends on DNS. No secret may appear on stdout or stderr.
 */
class DoctorFailuresIT {
    private static final Duration EXIT = Duration.ofSeconds(90);
    private static final String WRONG_SECRET = "wrong-" + UUID.randomUUID();
    private static final String PROD_HOST = "auth.prod.example.com";
    private static final String OTHER_HOST = "auth.other.example";
    private static final String TRUST_PASSWORD_ENV = "DOCTOR_TRUST_PASSWORD";

    @TempDir
    static Path dir;

    private static FaultPages faults;
    private static String stdout;
    private static String stderr;
    private static int exit;

    @BeforeAll
    static void runCheckOnEveryBreak() throws IOException {
        AuthServer server = AuthServer.shared();
        TestTls tls = TestTls.get();
        faults = new FaultPages(tls);
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n127.0.0.1 " + PROD_HOST + "\n"
                + "127.0.0.1 " + OTHER_HOST + "\n");
        String realToken = server.tokenUrl().toString();
        String tlsPort = String.valueOf(faults.httpsPort());
        TestTokenStore store = TestTokenStore.in(dir, "redirect");
        String config = client("wrongsecret", realToken, server.basicClientId(), "WRONG_SECRET", "read")
                + client("wrongmethod", realToken, server.postClientId(), "POST_SECRET", "read")
                + key("wrongmethod", "client-auth", "client_secret_basic")
                + client("staging", realToken.replace("127.0.0.1", PROD_HOST), "basic-client-stg", "WRONG_SECRET",
                        "read")
                + client("nogrant", realToken, AuthServer.CODE_CLIENT_ID, "CODE_SECRET", "read")
                + client("badscope", realToken, server.basicClientId(), "BASIC_SECRET", "read admin")
                + client("badtarget", faults.http(FaultPages.INVALID_TARGET).toString(), "orders", "BASIC_SECRET",
                        "read") + key("badtarget", "audience", "https://orders.example")
                + client("wrongpath", realToken.replace("/oauth2/token", "/oauth2/tokens"), server.basicClientId(),
                        "BASIC_SECRET", "read")
                + client("loginpage", faults.http(FaultPages.LOGIN_PAGE).toString(), server.basicClientId(),
                        "BASIC_SECRET", "read")
                + client("nodns", "https://auth.nowhere.example/oauth2/token", server.basicClientId(), "BASIC_SECRET",
                        "read")
                + client("selfsigned", "https://127.0.0.1:" + tlsPort + "/token", "orders", "BASIC_SECRET", "read")
                + client("otherhost", "https://" + OTHER_HOST + ":" + tlsPort + "/token", "orders", "BASIC_SECRET",
                        "read")
                + key("otherhost", "truststore", tls.trustStore().toString())
                + key("otherhost", "truststore-type", "PKCS12")
                + key("otherhost", "truststore-password", "${env:" + TRUST_PASSWORD_ENV + "}")
                + client("httptotls", "http://127.0.0.1:" + tlsPort + "/token", "orders", "BASIC_SECRET", "read")
                + client("httpstoplain", realToken.replace("http://", "https://"), server.basicClientId(),
                        "BASIC_SECRET", "read")
                + client("redirect", realToken, AuthServer.CODE_CLIENT_ID, "CODE_SECRET", "read")
                + key("redirect", "grant-type", "authorization_code")
                + key("redirect", "authorization-url", server.authorizationUrl().toString())
                + key("redirect", "redirect-uri", "http://127.0.0.1:0/Callback")
                + store.configLines();
        Path file = Files.writeString(dir.resolve("agent.properties"), config);

        try (JavaProcess cli = JavaProcess.builder("doctor-failures").jar(E2ePaths.agentJar())
                .jvmArgs("-Djdk.net.hosts.file=" + hosts)
                .args("check", "--config", file.toString())
                .env("WRONG_SECRET", WRONG_SECRET).env("BASIC_SECRET", server.basicClientSecret())
                .env("POST_SECRET", server.postClientSecret())
                .env("CODE_SECRET", server.codeClientSecret()).env(TRUST_PASSWORD_ENV, tls.password())
                .env(TestTokenStore.KEY_ENV, store.keyBase64()).start()) {
            exit = cli.awaitExit(EXIT);
            stdout = cli.stdout();
            stderr = cli.stderr();
        }
    }

    @AfterAll
    static void stopFaults() {
        if (faults != null) {
            faults.close();
        }
    }

    @Test
    void checkExitsNonZeroPrintsNoSecretAndEveryClientFails() {
        AuthServer server = AuthServer.shared();
        assertThat(exit).as(stdout + stderr).isEqualTo(1);
        assertThat(stdout).contains("14 of 14 client(s) FAILED");
        assertThat(stdout + stderr).doesNotContain(WRONG_SECRET).doesNotContain(server.basicClientSecret())
                .doesNotContain(server.postClientSecret())
                .doesNotContain(server.codeClientSecret()).doesNotContain(TestTls.get().password())
                .doesNotContain("eyJ");
    }

    @Test
    void aWrongSecretIsInvalidClientNamingTheKeysTheirSourcesAndTheServersAuthMethods() {
        assertThat(diagnosis("wrongsecret")).contains("[invalid-client]")
                .contains("refused client-id 'basic-client' (invalid_client, HTTP 401); the secret, from env var"
                        + " WRONG_SECRET, was sent as client_secret_basic")
                .contains("lists token_endpoint_auth_methods_supported [")
                .contains("check oauth.agent.clients.wrongsecret.client-id (set in the properties file) and"
                        + " oauth.agent.clients.wrongsecret.client-secret (from env var WRONG_SECRET)");
    }

    @Test
    void credentialsSentWithTheMethodTheClientIsNotRegisteredForAreAClientAuthMismatch() {
        assertThat(diagnosis("wrongmethod")).contains("[client-auth-mismatch]")
                .contains("refused client-id 'post-client' (invalid_client, HTTP 401) with the secret sent as"
                        + " client_secret_basic; the same credentials sent as client_secret_post get a token")
                .contains("fix: set oauth.agent.clients.wrongmethod.client-auth (set in the properties file) to"
                        + " client_secret_post.");
    }

    @Test
    void aStagingClientIdAtAProductionHostIsTheWrongEnvironment() {
        assertThat(diagnosis("staging")).contains("[client-environment-mismatch]")
                .contains("it looks like a client of environment staging ('stg' in the client id) sent to the server"
                        + " of environment production ('prod' in host " + PROD_HOST + ")");
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorizedClientSayingWhatToRegister() {
        assertThat(diagnosis("nogrant")).contains("[unauthorized-client]")
                .contains("fix: register grant client_credentials for client 'code-client' on the authorization"
                        + " server, or set oauth.agent.clients.nogrant.grant-type (not set, so the default)");
    }

    @Test
    void aScopeTheClientLacksIsInvalidScopeNamingTheScopes() {
        assertThat(diagnosis("badscope")).contains("[invalid-scope]")
                .contains("refused the requested scopes 'read admin' (invalid_scope, HTTP 400)")
                .contains("remove the others from oauth.agent.clients.badscope.scopes (set in the properties file)");
    }

    @Test
    void aTargetTheServerRefusesIsInvalidTargetNamingTheAudienceKey() {
        assertThat(diagnosis("badtarget")).contains("[invalid-target]")
                .contains("audience 'https://orders.example' of oauth.agent.clients.badtarget.audience (set in the"
                        + " properties file)");
    }

    @Test
    void aWrongPathIsNotFoundAndTheFixIsTheTokenEndpointTheServersMetadataNames() {
        AuthServer server = AuthServer.shared();
        assertThat(diagnosis("wrongpath")).contains("[token-url-not-found]")
                .contains("fix: set oauth.agent.clients.wrongpath.token-url (set in the properties file) to "
                        + server.tokenUrl() + ", the token_endpoint of the server's metadata " + server.issuer()
                        + "/.well-known/oauth-authorization-server; or replace token-url with"
                        + " oauth.agent.clients.wrongpath.issuer=" + server.issuer() + " to discover it.");
    }

    @Test
    void aLoginPageIsNamedAnHtmlPage() {
        assertThat(diagnosis("loginpage")).contains("[token-url-html]")
                .contains("answered HTTP 200 with an HTML page (a login page, a proxy or a web console)");
    }

    @Test
    void aNameNoResolverKnowsIsAnUnknownHost() {
        assertThat(diagnosis("nodns")).contains("[unknown-host]")
                .contains("the host name auth.nowhere.example of token endpoint https://auth.nowhere.example/oauth2/token"
                        + " does not resolve")
                .contains("fix: check the spelling of auth.nowhere.example in oauth.agent.clients.nodns.token-url");
    }

    @Test
    void aSelfSignedCertificateIsUntrustedAndTheFixNamesTheTruststoreKeys() {
        assertThat(diagnosis("selfsigned")).contains("[tls-untrusted]")
                .contains("no CA in the JDK's default trust store vouches for it (PKIX path building failed)")
                .contains("set oauth.agent.clients.selfsigned.truststore to a store");
    }

    @Test
    void aCertificateForOtherNamesIsAHostnameMismatch() {
        assertThat(diagnosis("otherhost")).contains("[tls-wrong-host]")
                .contains("is trusted but not issued for " + OTHER_HOST + " (hostname mismatch)");
    }

    @Test
    void httpToATlsPortSaysToWriteHttps() {
        assertThat(diagnosis("httptotls")).contains("[http-to-tls-port]")
                .contains("fix: write https:// in oauth.agent.clients.httptotls.token-url (set in the properties file).");
    }

    @Test
    void httpsToThePlainPortOfTheRealServerSaysItAnswersPlainHttp() {
        assertThat(diagnosis("httpstoplain")).contains("[https-to-plain-http-port]")
                .contains("answers plain http: no TLS handshake");
    }

    @Test
    void aRedirectUriTheServerDoesNotRegisterIsAMismatchFoundWithoutALogin() {
        assertThat(diagnosis("redirect")).contains("[redirect-uri-mismatch]")
                .contains("refuses the redirect URI http://127.0.0.1:0/Callback for client-id 'code-client'")
                .contains("fix: register http://127.0.0.1:0/Callback for client 'code-client' on the server, or set"
                        + " oauth.agent.clients.redirect.redirect-uri (set in the properties file)");
    }

    /** The client's FAILED line and its fix line. */
    private static String diagnosis(String client) {
        List<String> lines = stdout.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("client '" + client + "': FAILED")) {
                boolean fix = i + 1 < lines.size() && lines.get(i + 1).trim().startsWith("fix: ");
                return lines.get(i) + (fix ? "\n" + lines.get(i + 1) : "");
            }
        }
        throw new AssertionError("no FAILED line for client '" + client + "' in:\n" + stdout + stderr);
    }

    private static String client(String name, String tokenUrl, String clientId, String secretEnv, String scopes) {
        return key(name, "token-url", tokenUrl) + key(name, "client-id", clientId)
                + key(name, "client-secret", "${env:" + secretEnv + "}") + key(name, "scopes", scopes)
                + key(name, "hosts", name + ".example.internal") + key(name, "allow-http", "true");
    }

    private static String key(String client, String key, String value) {
        return "oauth.agent.clients." + client + "." + key + "=" + value + "\n";
    }
}
