package dev.oauthagent.e2e.contract;

/** The focused contract for OkHttp 3.12 (the oldest line; runs on Java 8), with execute(). */
class OkHttp312ContractIT extends InjectionContract {
    private static final ClientApp APP = new OkHttpApp(OkHttpApp.oldest(), "SYNC");

    @Override
    protected ClientApp app() {
        return APP;
    }

    @Override
    protected boolean wholeContract() {
        return false;
    }
}
