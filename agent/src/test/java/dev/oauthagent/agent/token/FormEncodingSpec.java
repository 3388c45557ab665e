package dev.oauthagent.agent.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The expected wire forms, written from the specs independently of the production code: the
 * application/x-www-form-urlencoded byte serializer (WHATWG URL standard, which RFC 6749 §2.3.1 and
 * Appendix B point to) and the RFC 6749 §2.3.1 Basic credentials built from it.
 */
public final class FormEncodingSpec {
    private FormEncodingSpec() {
    }

    public static String formEncode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '*' || c == '-' || c == '.' || c == '_';
            if (keep) {
                out.write(c);
            } else if (c == ' ') {
                out.write('+');
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** "Basic " + base64(formEncode(id) ":" formEncode(secret)) */
    public static String basicHeader(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (formEncode(clientId) + ":" + formEncode(secret)).getBytes(StandardCharsets.US_ASCII));
    }
}
