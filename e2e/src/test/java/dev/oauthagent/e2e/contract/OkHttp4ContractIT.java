package dev.oauthagent.e2e.contract;

/** The whole injection contract for OkHttp 4 (the 4.12 line), with execute(). */
class OkHttp4ContractIT extends OkHttpContract {
    OkHttp4ContractIT() {
        super(OkHttpApp.line4(), "SYNC");
    }
}
