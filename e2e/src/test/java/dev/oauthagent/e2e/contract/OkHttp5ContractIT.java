package dev.oauthagent.e2e.contract;

/** The whole injection contract for OkHttp 5 (okhttp-jvm), with enqueue(). */
class OkHttp5ContractIT extends InjectionContract {
    private static final ClientApp APP = new OkHttpApp(OkHttpApp.line5(), "ASYNC");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
