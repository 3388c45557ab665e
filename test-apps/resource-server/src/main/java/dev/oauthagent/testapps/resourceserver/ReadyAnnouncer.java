package dev.oauthagent.testapps.resourceserver;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the process that started us, with one line on stdout, where the API listens once it can answer. */
@Component
class ReadyAnnouncer {
    static final String READY_PREFIX = "RESOURCE_SERVER_READY url=";

    private volatile int port = -1;

    @EventListener
    void onWebServerInitialized(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        System.out.println(READY_PREFIX + "http://127.0.0.1:" + port);
        System.out.flush();
    }
}
