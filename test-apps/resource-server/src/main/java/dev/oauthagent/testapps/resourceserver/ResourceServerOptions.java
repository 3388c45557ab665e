package dev.oauthagent.testapps.resourceserver;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * The per-run choices a test makes, from Spring's environment: {@code --issuer=...} or {@code ISSUER=...}.
 *
 * @param clockSkew leeway on {@code exp}/{@code nbf}; 0 by default (Spring's own default is 60 s) so a test
 *     with a short token lifetime sees an expired token refused without waiting a minute
 * @param checkCertificateBinding {@code --check-certificate-binding=true}: a token with {@code cnf.x5t#S256} (RFC
 *     8705 §3) is accepted only on a TLS connection presenting that certificate (serve https with client-auth=want)
 */
record ResourceServerOptions(URI issuer, String audience, Duration clockSkew, boolean checkCertificateBinding) {
    static final String DEFAULT_AUDIENCE = "api";

    static ResourceServerOptions from(Environment env) {
        return new ResourceServerOptions(issuer(env.getProperty("issuer")),
                audience(env.getProperty("audience")), clockSkew(env.getProperty("clock-skew")),
                Boolean.parseBoolean(env.getProperty("check-certificate-binding", "false").trim()));
    }

    URI jwksUri() {
        return issuer.resolve("/oauth2/jwks");
    }

    private static URI issuer(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--issuer (or ISSUER) is required: the auth-server's issuer URL, "
                    + "as printed in its AUTH_SERVER_READY line, e.g. --issuer=http://127.0.0.1:9000");
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--issuer (or ISSUER) '" + value + "' is not a URL: use e.g. "
                    + "http://127.0.0.1:9000", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("--issuer (or ISSUER) '" + value + "' must be an absolute URL "
                    + "such as http://127.0.0.1:9000");
        }
        return uri;
    }

    private static String audience(String value) {
        if (value == null) {
            return DEFAULT_AUDIENCE;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("--audience (or AUDIENCE) is set but empty: give the value the "
                    + "auth-server puts in 'aud', or leave it unset for \"" + DEFAULT_AUDIENCE + "\"");
        }
        return value.trim();
    }

    private static Duration clockSkew(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Duration skew;
        try {
            skew = DurationStyle.detectAndParse(value.trim(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--clock-skew (or CLOCK_SKEW) '" + value
                    + "' is not a duration: use e.g. 0s, 30s, 60 (seconds) or PT1M", e);
        }
        if (skew.isNegative()) {
            throw new IllegalArgumentException("--clock-skew (or CLOCK_SKEW) '" + value + "' must not be negative");
        }
        return skew;
    }
}
