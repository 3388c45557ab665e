package dev.oauthagent.e2e.contract;

/** The focused contract for OkHttp 3.14 (the last 3.x), with enqueue(). */
class OkHttp314ContractIT extends InjectionContract {
    private static final ClientApp APP = new OkHttpApp(OkHttpApp.newest3(), "ASYNC");

    @Override
    protected ClientApp app() {
        return APP;
    }

    @Override
    protected boolean wholeContract() {
        return false;
    }
}
