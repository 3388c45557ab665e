package dev.oauthagent.e2e.contract;

/** The whole injection contract for OkHttp 5 (okhttp-jvm), with enqueue(). */
class OkHttp5ContractIT extends OkHttpContract {
    OkHttp5ContractIT() {
        super(OkHttpApp.line5(), "ASYNC");
    }
}
