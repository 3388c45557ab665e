package dev.oauthagent.e2e.contract;

/**
 * The injection contract for a framework variant ({@link FrameworkApp}): a framework adds no hook of its own, so the
 * contract proves its requests reach the instrumented client underneath, hop by hop.
 */
abstract class FrameworkContract extends InjectionContract {
    private final ClientApp app;

    FrameworkContract(ClientApp app) {
        this.app = app;
    }

    @Override
    protected final ClientApp app() {
        return app;
    }
}
