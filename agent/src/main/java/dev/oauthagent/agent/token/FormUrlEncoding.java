package dev.oauthagent.agent.token;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;

/**
 * The application/x-www-form-urlencoded encoding of one name or value, in UTF-8: the encoding RFC 6749
 * prescribes both for the token request body (§4.4.2) and for the client id and secret inside a Basic
 * header (§2.3.1). {@link URLEncoder} implements exactly that serializer (space as {@code +}).
 */
public final class FormUrlEncoding {
    private FormUrlEncoding() {
    }

    public static String encode(String text) {
        try {
            return URLEncoder.encode(text, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required of every JVM", e);
        }
    }
}
