package dev.oauthagent.e2e.contract;

/** The injection contract for one OkHttp version, with {@code execute()} or {@code enqueue()}. */
abstract class OkHttpContract extends InjectionContract {
    private final ClientApp app;
    private final boolean whole;

    /** @param whole the whole contract (a line's newest version), or the focused subset (an older one) */
    OkHttpContract(String version, String mode, boolean whole) {
        this.app = new OkHttpApp(version, mode);
        this.whole = whole;
    }

    @Override
    protected final ClientApp app() {
        return app;
    }

    @Override
    protected final boolean wholeContract() {
        return whole;
    }
}
