package dev.oauthagent.agent.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One token request as it goes on the wire: the endpoint URL, the headers and the form parameters of the
 * POST body. Immutable. Grants and client authentication methods contribute to it through {@link Builder};
 * the HTTP client only sends it.
 *
 * <p>{@link #toString()} is safe to log: it masks the Authorization header, every credential parameter and every
 * value added as masked (the configured {@code token-params}).
 */
public final class TokenRequest {
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private static final String MASK = "****";

    private final URI url;
    private final Map<String, String> headers;
    private final List<Map.Entry<String, String>> formParameters;
    /** Parameters whose values only the configuration knows to be secret: token-params.* (vendor keys). */
    private final Set<String> maskedParameters;

    private TokenRequest(Builder b) {
        this.url = b.url;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.formParameters = Collections.unmodifiableList(new ArrayList<>(b.formParameters));
        this.maskedParameters = Collections.unmodifiableSet(new HashSet<>(b.maskedParameters));
    }

    /** A builder that already carries the headers every token request has (RFC 6749 §4.4.2, §5.1). */
    public static Builder builder(URI url) {
        return new Builder(url)
                .header("Content-Type", FORM_CONTENT_TYPE)
                .header("Accept", "application/json");
    }

    public URI url() {
        return url;
    }

    /** Header names as set, in setting order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Name-value pairs in sending order; a name may repeat (one {@code resource} per resource). */
    public List<Map.Entry<String, String>> formParameters() {
        return formParameters;
    }

    /** All values of one form parameter, in order. */
    public List<String> formValues(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> p : formParameters) {
            if (p.getKey().equals(name)) {
                values.add(p.getValue());
            }
        }
        return values;
    }

    /** The POST body, application/x-www-form-urlencoded in UTF-8. */
    public byte[] formBody() {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> p : formParameters) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(FormUrlEncoding.encode(p.getKey())).append('=')
                    .append(FormUrlEncoding.encode(p.getValue()));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TokenRequest{POST ").append(url).append(", headers={");
        String sep = "";
        for (Map.Entry<String, String> h : headers.entrySet()) {
            s.append(sep).append(h.getKey()).append('=')
                    .append(isCredentialHeader(h.getKey()) ? MASK : h.getValue());
            sep = ", ";
        }
        s.append("}, form={");
        sep = "";
        for (Map.Entry<String, String> p : formParameters) {
            s.append(sep).append(p.getKey()).append('=')
                    .append(isCredentialParameter(p.getKey()) || maskedParameters.contains(p.getKey()) ? MASK
                            : p.getValue());
            sep = ", ";
        }
        return s.append("}}").toString();
    }

    private static boolean isCredentialHeader(String name) {
        return name.toLowerCase(Locale.ROOT).equals("authorization");
    }

    // Some of these are not sent today, but masking them costs nothing and keeps the rule "no credential in
    // toString" true when later grants and authentication methods add them. "token" is RFC 7009's revocation.
    private static boolean isCredentialParameter(String name) {
        return name.equals("client_secret") || name.equals("client_assertion") || name.equals("refresh_token")
                || name.equals("password") || name.equals("code") || name.equals("device_code")
                || name.equals("code_verifier") || name.equals("token");
    }

    public static final class Builder {
        private final URI url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> formParameters = new ArrayList<>();
        private final Set<String> maskedParameters = new HashSet<>();

        private Builder(URI url) {
            if (url == null) {
                throw new IllegalArgumentException("token request URL must not be null");
            }
            this.url = url;
        }

        /** Sets a header, replacing an earlier value of the same name. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Adds a form parameter; adding a name twice sends it twice. */
        public Builder formParameter(String name, String value) {
            formParameters.add(new SimpleImmutableEntry<>(name, value));
            return this;
        }

        /** Adds a form parameter whose value {@link TokenRequest#toString()} masks. */
        public Builder maskedFormParameter(String name, String value) {
            maskedParameters.add(name);
            return formParameter(name, value);
        }

        public TokenRequest build() {
            return new TokenRequest(this);
        }
    }
}
