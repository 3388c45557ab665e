package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.BrowserlessUser;
import dev.oauthagent.e2e.support.BrowserlessUser.Outcome;
import dev.oauthagent.e2e.support.BrowserlessUser.Stage;
import dev.oauthagent.e2e.support.CodeLogin;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.SecretForms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code login} of the shipped jar for the authorization code flow with PKCE against the real authorization
 * server, the test user played in plain HTTP by {@link BrowserlessUser}: the public and the confidential client
 * log in and their refresh token is stored; a refused consent and a redirect URI the server does not accept end
 * the login with a message that says why, the second at once. Nothing secret in any output or page.
 */
class CodeLoginIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Far below the login's own 5 minutes: a refusal must not wait for the redirect. */
    private static final Duration QUICK = Duration.ofSeconds(60);

    private final AuthServer server = AuthServer.shared();

    @TempDir
    Path dir;

    @Test
    void publicClientLogsInAndTheRefreshTokenIsStored() throws IOException {
        try (CodeLogin login = CodeLogin.start(server, dir, AuthServer.PKCE_CLIENT_ID, null, null)) {
            Outcome outcome = BrowserlessUser.of(server).authorize(login.authorizationUrl(PATIENCE));

            assertLoggedIn(login, outcome);
        }
    }

    @Test
    void confidentialClientLogsInWithItsSecretFromTheEnvironment() throws IOException {
        try (CodeLogin login = CodeLogin.start(server, dir, AuthServer.CODE_CLIENT_ID, server.codeClientSecret(), null)) {
            Outcome outcome = BrowserlessUser.of(server).authorize(login.authorizationUrl(PATIENCE));

            assertLoggedIn(login, outcome);
        }
    }

    @Test
    void refusedConsentEndsTheLoginWithThePlainReasonOnTheConsoleAndThePage() {
        try (CodeLogin login = CodeLogin.start(server, dir, AuthServer.PKCE_CLIENT_ID, null, null)) {
            Outcome outcome = BrowserlessUser.of(server).refuse(login.authorizationUrl(PATIENCE));

            JavaProcess cli = login.process();
            assertThat(cli.awaitExit(PATIENCE)).as(cli.stderr()).isEqualTo(1);
            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.CALLBACK_ANSWERED);
            assertThat(outcome.status()).isEqualTo(400);
            assertThat(text(outcome.page())).contains("Login did not work",
                    "The login for client 'desktop' did not work: the authorization server answered access_denied");
            assertThat(cli.stderr()).contains("oauth-agent: client 'desktop': the authorization server sent back"
                    + " access_denied").contains("The login was refused or cancelled in the browser; run it again and"
                    + " allow the access.");
            assertThat(cli.stdout()).isEmpty();
            assertThat(login.store()).doesNotExist();
            assertNothingSecretIn(cli, outcome.page());
        }
    }

    @Test
    void codeTheServerWillNotRedeemForAWrongSecretShowsTheLoginFailedOnThePage() {
        String wrong = "wrong-" + UUID.randomUUID();
        try (CodeLogin login = CodeLogin.start(server, dir, AuthServer.CODE_CLIENT_ID, wrong, null)) {
            Outcome outcome = BrowserlessUser.of(server).authorize(login.authorizationUrl(PATIENCE));

            JavaProcess cli = login.process();
            assertThat(cli.awaitExit(PATIENCE)).as(cli.stderr()).isEqualTo(1);
            assertThat(outcome.status()).isEqualTo(400);
            assertThat(text(outcome.page())).contains("Login did not work", "the authorization server did not exchange"
                    + " the code for tokens (invalid_client); the terminal where the login runs says why")
                    .doesNotContain("Login worked");
            assertThat(cli.stderr()).contains("invalid_client");
            assertThat(login.store()).doesNotExist();
            assertNothingSecretIn(cli, outcome.page());
            SecretForms.assertAbsent("the login's output", cli.stdout() + cli.stderr(),
                    Map.of("the wrong secret", wrong));
        }
    }

    @ParameterizedTest(name = "redirect-uri {0}")
    @ValueSource(strings = {"http://127.0.0.1:0/Callback", "http://127.0.0.1:0/callback/"})
    void redirectUriDifferingOnlyInCaseOrTrailingSlashEndsTheLoginAtOnceSayingWhy(String redirectUri) {
        try (CodeLogin login = CodeLogin.start(server, dir, AuthServer.PKCE_CLIENT_ID, null, redirectUri)) {
            JavaProcess cli = login.process();

            assertThat(cli.awaitExit(QUICK)).as(cli.stderr()).isEqualTo(1);
            String path = redirectUri.substring(redirectUri.indexOf("/", "http://".length()));
            assertThat(cli.stderr()).containsPattern("oauth-agent: client 'desktop': the authorization server refused"
                    + " the authorization request \\(HTTP 400\\) before any login, without saying why\\. Likely causes,"
                    + " most likely first: \\(1\\) the redirect URI http://127\\.0\\.0\\.1:\\d+"
                    + java.util.regex.Pattern.quote(path) + " is not one registered for client-id 'pkce-client': it"
                    + " must match exactly, scheme, host, path, case and trailing slash")
                    .contains("fix oauth.agent.clients.desktop.redirect-uri or the client's registration.")
                    .contains("check oauth.agent.clients.desktop.client-id.")
                    .contains("check oauth.agent.clients.desktop.scopes.")
                    .doesNotContain("open this address");
            assertThat(login.triedToOpenABrowser()).isFalse();
            assertThat(cli.stdout()).isEmpty();
            assertThat(login.store()).doesNotExist();
        }
    }

    private void assertLoggedIn(CodeLogin login, Outcome outcome) throws IOException {
        JavaProcess cli = login.process();
        assertThat(cli.awaitExit(PATIENCE)).as(cli.stderr()).isZero();
        assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.CALLBACK_ANSWERED);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(text(outcome.page())).contains("Login worked",
                "The login for client 'desktop' worked: oauth-agent has its tokens. You can close this window.");
        assertThat(cli.stdout().strip()).matches("client 'desktop': logged in; refresh token [0-9a-f]{8} stored in "
                + java.util.regex.Pattern.quote(login.store().toString()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(login.store()))).isEqualTo("rw-------");
        assertThat(Files.size(login.store())).isPositive();
        assertThat(login.triedToOpenABrowser()).as("no display: no browser started").isFalse();
        assertThat(cli.stderr()).contains("oauth-agent: client 'desktop': to log in, open this address in a browser on"
                + " this machine (waiting up to 5 min):");
        // The server's access tokens are JWTs and its refresh tokens and codes long base64url strings.
        assertThat(login.outputButTheAddress()).doesNotContain("eyJ").doesNotContainPattern("[A-Za-z0-9_-]{40,}");
        assertThat(outcome.page()).doesNotContain("eyJ").doesNotContainPattern("[A-Za-z0-9_-]{40,}");
        assertNothingSecretIn(cli, outcome.page());
    }

    /** The page as the person reads it: without markup, the character references it uses resolved. */
    private static String text(String page) {
        return page.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private void assertNothingSecretIn(JavaProcess cli, String page) {
        Map<String, String> secrets = Map.of("code-client's secret", server.codeClientSecret(), "the user's password",
                server.userPassword());
        SecretForms.assertAbsent("the login's output", cli.stdout() + cli.stderr(), secrets);
        SecretForms.assertAbsent("the loopback page", page, secrets);
        assertThat(page).doesNotContain("code=").doesNotContain("eyJ").doesNotContainPattern("[A-Za-z0-9_-]{40,}");
    }
}
