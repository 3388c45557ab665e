package dev.oauthagent.e2e.contract;

/** The focused contract for OkHttp 3.12 (the oldest line, the one that runs on Java 8), with execute(). */
@ContractSubset
class OkHttp312ContractIT extends OkHttpContract {
    OkHttp312ContractIT() {
        super(OkHttpApp.oldest(), "SYNC");
    }
}
