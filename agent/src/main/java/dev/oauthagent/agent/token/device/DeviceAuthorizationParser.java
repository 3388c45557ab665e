package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.token.JsonObjectReader;
import dev.oauthagent.agent.token.JsonObjectReader.Fields;
import dev.oauthagent.agent.token.MalformedTokenResponseException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads and checks a device authorization response body (RFC 8628 §3.2). The user code and the verification
 * URIs are printed to the person's terminal, so they must be printable ASCII of sensible length: a control
 * character from the server could rewrite the terminal, so such an answer is refused, not cleaned up.
 * Messages name the field and the rule, never a value.
 */
final class DeviceAuthorizationParser {
    static final long DEFAULT_INTERVAL_SECONDS = 5;

    private static final String STRING_RULE = "RFC 8628 §3.2 requires a string";
    private static final int MAX_USER_CODE_CHARS = 64;
    private static final int MAX_URI_CHARS = 2048;

    private static final JsonObjectReader READER = JsonObjectReader.builder()
            .strings(STRING_RULE, "device_code", "user_code", "verification_uri", "verification_uri_complete",
                    // Google's pre-RFC name for verification_uri, still sent by some servers.
                    "verification_url", "error", "error_description", "error_uri")
            .numbers("RFC 8628 §3.2 requires a JSON number of seconds", "expires_in", "interval")
            .build();

    /** The fields of any answer, for the error fields of a refusal. */
    Fields fields(byte[] body) throws MalformedTokenResponseException {
        return READER.read(body);
    }

    DeviceAuthorization parse(byte[] body) throws MalformedTokenResponseException {
        Fields f = READER.read(body);
        String deviceCode = required(f, "device_code");
        String userCode = required(f, "user_code");
        checkPrintable("user_code", userCode, MAX_USER_CODE_CHARS);
        String uri = f.string("verification_uri") != null ? f.string("verification_uri") : f.string("verification_url");
        if (uri == null || uri.isEmpty()) {
            throw new MalformedTokenResponseException("the field 'verification_uri' is missing");
        }
        checkWebAddress("verification_uri", uri);
        String complete = f.string("verification_uri_complete");
        if (complete != null) {
            checkWebAddress("verification_uri_complete", complete);
        }
        return new DeviceAuthorization(deviceCode, userCode, uri, complete, expiresIn(f.number("expires_in")),
                interval(f.number("interval")));
    }

    private static String required(Fields f, String name) throws MalformedTokenResponseException {
        String value = f.string(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedTokenResponseException("the field '" + name + "' is missing");
        }
        return value;
    }

    private static long expiresIn(BigDecimal value) throws MalformedTokenResponseException {
        if (value == null) {
            throw new MalformedTokenResponseException("the field 'expires_in' is missing");
        }
        if (value.signum() <= 0) {
            throw new MalformedTokenResponseException("the field 'expires_in' is not a positive number of seconds");
        }
        return wholeSeconds(value);
    }

    /** Absent: 5 s (RFC 8628 §3.2). Zero or less would mean polling without pause: the default instead. */
    private static long interval(BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            return DEFAULT_INTERVAL_SECONDS;
        }
        return wholeSeconds(value);
    }

    // Rounded up, and at most a day: beyond that the number is no longer a plausible device flow lifetime.
    private static long wholeSeconds(BigDecimal value) {
        BigDecimal day = BigDecimal.valueOf(86_400);
        return value.min(day).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static void checkWebAddress(String name, String value) throws MalformedTokenResponseException {
        checkPrintable(name, value, MAX_URI_CHARS);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new MalformedTokenResponseException("the field '" + name + "' is not an http(s) URL");
    }

    private static void checkPrintable(String name, String value, int maxChars)
            throws MalformedTokenResponseException {
        if (value.length() > maxChars) {
            throw new MalformedTokenResponseException("the field '" + name + "' is longer than " + maxChars
                    + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new MalformedTokenResponseException("the field '" + name + "' holds characters that are"
                        + " not printable ASCII");
            }
        }
    }
}
