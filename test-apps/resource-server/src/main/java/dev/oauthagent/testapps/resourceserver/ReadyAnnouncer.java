package dev.oauthagent.testapps.resourceserver;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.env.Environment;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the process that started us, with one line on stdout, where the API listens once it can answer. */
@Component
class ReadyAnnouncer {
    static final String READY_PREFIX = "RESOURCE_SERVER_READY url=";

    private final Environment env;
    private volatile int port = -1;

    ReadyAnnouncer(Environment env) {
        this.env = env;
    }

    @EventListener
    void onWebServerInitialized(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        // https when started with a key store (--server.ssl.key-store=...), as the e2e tests do for HTTP/2 over TLS.
        String scheme = env.getProperty("server.ssl.key-store") == null ? "http" : "https";
        System.out.println(READY_PREFIX + scheme + "://127.0.0.1:" + port);
        System.out.flush();
    }
}
