package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

/**
 * One GET of a page on a client's authorization server, without credentials and without following a redirect,
 * under the limits of every exchange with it ({@link AuthServerExchange}): the code flow's check of its
 * authorization request before it sends the person there.
 */
public final class AuthServerGet {
    private final AuthServerExchange exchange;

    public AuthServerGet(ClientConfig client) {
        this.exchange = new AuthServerExchange(client, new ClientMessages(client), ServerTextSanitizer.forClient(client));
    }

    /** @throws TokenFetchException when there was no answer (the message speaks of the token endpoint) */
    public Answer get(URI url) throws TokenFetchException {
        return new Answer(exchange.send("GET", url, Collections.singletonMap("Accept", "application/json"), null));
    }

    /** What the server answered. The body is never shown: it may be a page with anything in it. */
    public static final class Answer {
        private final TokenHttpResponse response;

        Answer(TokenHttpResponse response) {
            this.response = response;
        }

        public int status() {
            return response.status();
        }

        public boolean isRedirect() {
            return response.isRedirect();
        }

        /** Whether the server asks for credentials (a WWW-Authenticate challenge): a login it wants first. */
        public boolean asksForAuthentication() {
            return response.challenge() != null && !response.challenge().trim().isEmpty();
        }

        /** The RFC 6749 error object the body holds, or null when the body is not one JSON object. */
        public TokenResponse jsonBody() {
            if (response.looksLikeHtml()) {
                return null;
            }
            try {
                return new TokenResponseParser().parse(response.body());
            } catch (MalformedTokenResponseException e) {
                return null;
            }
        }

        /** Whether the body's text holds the word, in any case. */
        public boolean bodyMentions(String word) {
            return new String(response.body(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                    .contains(word.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return response.toString();
        }
    }
}
