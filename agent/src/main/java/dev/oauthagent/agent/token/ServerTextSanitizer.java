package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes text that came from the server (error, error_description, token_type, granted scope) or from a JDK
 * exception safe to put in a message: printable ASCII only, bounded length, and every form of the client's
 * secret removed. A misconfigured server may echo the request in its error_description, credentials
 * included; that must not end up in our logs.
 */
public final class ServerTextSanitizer {
    static final int MAX_CHARS = 200;
    private static final String REMOVED = "****";

    private final List<String> forbidden = new ArrayList<>();

    ServerTextSanitizer(List<String> forbidden) {
        for (String f : forbidden) {
            if (f != null && !f.isEmpty()) {
                this.forbidden.add(f);
                // Also the form the text takes after non-printable characters are replaced below, so a
                // secret with non-ASCII characters cannot survive as "p?ssword".
                String printable = printableAscii(f);
                if (!printable.equals(f)) {
                    this.forbidden.add(printable);
                }
            }
        }
    }

    /** The secret, its form-encoded form, and the Base64 Basic credentials built from it. */
    public static ServerTextSanitizer forClient(ClientConfig client) {
        List<String> forbidden = new ArrayList<>();
        Secret secret = client.clientSecret();
        if (secret != null && !secret.isEmpty()) {
            String s = secret.reveal();
            String encoded = FormUrlEncoding.encode(s);
            forbidden.add(s);
            forbidden.add(encoded);
            forbidden.add(base64(FormUrlEncoding.encode(client.clientId()) + ":" + encoded));
            forbidden.add(base64(client.clientId() + ":" + s));
        }
        if (client.truststorePassword() != null) {
            forbidden.add(client.truststorePassword().reveal());
        }
        if (client.proxyPassword() != null && !client.proxyPassword().isEmpty()) {
            forbidden.add(client.proxyPassword().reveal());
        }
        return new ServerTextSanitizer(forbidden);
    }

    /** Null stays null. */
    public String sanitize(String text) {
        if (text == null) {
            return null;
        }
        String s = removeForbidden(text);
        s = removeForbidden(printableAscii(s));
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "...";
    }

    private String removeForbidden(String text) {
        String s = text;
        for (String f : forbidden) {
            s = s.replace(f, REMOVED);
        }
        return s;
    }

    private static String printableAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return out.toString();
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
