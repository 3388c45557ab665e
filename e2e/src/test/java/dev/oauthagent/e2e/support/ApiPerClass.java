package dev.oauthagent.e2e.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ResourceServer} trusting the shared authorization server ({@link AuthServer#shared()}) for a test
 * class: started before its first test, stopped after its last.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ApiPerClass api = new ApiPerClass();
 * ... api.server().helloUrl() ...
 * </pre>
 */
public final class ApiPerClass implements BeforeAllCallback, AfterAllCallback {
    private ResourceServer server;

    /** The running API (from the class's first test on). */
    public ResourceServer server() {
        if (server == null) {
            throw new IllegalStateException("the API starts before the class's first test; register this extension"
                    + " in a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ResourceServer.start(AuthServer.shared());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
