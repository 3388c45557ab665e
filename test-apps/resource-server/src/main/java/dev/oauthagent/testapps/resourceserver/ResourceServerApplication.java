package dev.oauthagent.testapps.resourceserver;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * A protected API for end-to-end tests and the demo: it accepts only access tokens from the auth-server test
 * app, checking the RS256 signature against the issuer's JWKS, expiry, issuer and audience.
 *
 * <p>Options (command line {@code --name=value}, or the upper-cased environment variable): {@code --issuer}
 * (required, e.g. {@code http://127.0.0.1:9000}), {@code --audience} (default "api"), {@code --port} (default
 * 9100, 0 = any free port), {@code --clock-skew} (default 0s, so an expired token is refused at once).
 * When ready it prints one line to stdout: {@code RESOURCE_SERVER_READY url=http://127.0.0.1:<port>}.
 */
// No users log in here: without this exclusion Boot would create a user and log its generated password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class ResourceServerApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ResourceServerApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.run(args);
    }
}
