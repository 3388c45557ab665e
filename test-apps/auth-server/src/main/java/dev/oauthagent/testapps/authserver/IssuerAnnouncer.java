package dev.oauthagent.testapps.authserver;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Learns the issuer URL once the web server has bound its port (only then is a {@code --port=0} port known),
 * and tells the process that started us with one line on stdout when the server is ready to answer.
 */
@Component
class IssuerAnnouncer {
    static final String READY_PREFIX = "AUTH_SERVER_READY issuer=";

    private final String scheme;
    private volatile String issuer;

    /** https when a key store is configured ({@code SERVER_SSL_KEY_STORE}, Spring Boot's own TLS settings). */
    IssuerAnnouncer(Environment env) {
        this.scheme = env.getProperty("server.ssl.key-store") == null ? "http" : "https";
    }

    @EventListener
    void onWebServerInitialized(WebServerInitializedEvent event) {
        issuer = scheme + "://127.0.0.1:" + event.getWebServer().getPort();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        System.out.println(READY_PREFIX + issuer());
        System.out.flush();
    }

    /** The issuer; requests are served only after the port is bound, so it is set by then. */
    String issuer() {
        String current = issuer;
        if (current == null) {
            throw new IllegalStateException("issuer asked for before the web server bound its port");
        }
        return current;
    }
}
