package dev.oauthagent.e2e.contract;

/** The focused contract for OkHttp 3.14 (the last 3.x), with enqueue(). */
@ContractSubset
class OkHttp314ContractIT extends OkHttpContract {
    OkHttp314ContractIT() {
        super(OkHttpApp.newest3(), "ASYNC");
    }
}
