package dev.oauthagent.e2e.contract;

/** The injection contract for one OkHttp version, with {@code execute()} or {@code enqueue()}. */
abstract class OkHttpContract extends InjectionContract {
    private final ClientApp app;

    OkHttpContract(String version, String mode) {
        this.app = new OkHttpApp(version, mode);
    }

    @Override
    protected final ClientApp app() {
        return app;
    }
}
