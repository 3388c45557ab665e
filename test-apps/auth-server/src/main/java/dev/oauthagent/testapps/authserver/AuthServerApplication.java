package dev.oauthagent.testapps.authserver;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * A real Spring Authorization Server for end-to-end tests and the demo: three client-credentials clients, two
 * authorization-code clients and a device-code client acting for one test user, JWT access tokens signed with a
 * fresh RSA key per run, bound to 127.0.0.1 only.
 *
 * <p>Options (command line {@code --name=value}, or the upper-cased environment variable):
 * {@code --port} (default 9000, 0 = any free port), {@code --token-ttl} (default 5m; "30s", "2m", bare seconds
 * or ISO-8601), {@code --basic-client-secret}, {@code --post-client-secret}, {@code --audience} (default "api"),
 * {@code --short-client-secret} and {@code --short-token-ttl} (default 4s) for the third client, "short-client",
 * {@code --user-password} (default "password") of the user "user", {@code --code-client-secret},
 * {@code --device-code-ttl} (default 5m) and {@code --refresh-token-ttl} (default 1h).
 * Serves https when Spring Boot's {@code SERVER_SSL_KEY_STORE} (+ {@code _PASSWORD}, {@code _TYPE}) is set.
 * {@code GET /__issued-tokens} counts the access tokens issued per client.
 * When ready it prints one line to stdout: {@code AUTH_SERVER_READY issuer=http://127.0.0.1:<port>}.
 */
// The one user is the test user (AuthorizationServerConfig): Boot must never add its own and log its password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AuthServerApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.run(args);
    }
}
