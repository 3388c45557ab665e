package dev.oauthagent.e2e.contract;

/** The whole injection contract for OkHttp 4 (the 4.12 line), with execute(). */
class OkHttp4ContractIT extends InjectionContract {
    private static final ClientApp APP = new OkHttpApp(OkHttpApp.line4(), "SYNC");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
