package dev.oauthagent.e2e.contract;

/** The focused contract for the Jersey client on one connector ({@link JerseyApp}). */
abstract class JerseyContract extends InjectionContract {
    private final ClientApp app;

    JerseyContract(String connector) {
        this.app = new JerseyApp(connector);
    }

    @Override
    protected final ClientApp app() {
        return app;
    }
}
