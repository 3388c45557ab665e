package dev.oauthagent.e2e.contract;

/** The focused subset of the injection contract for Retrofit 3 (OkHttp 4). */
@ContractSubset
class Retrofit3ContractIT extends FrameworkContract {
    Retrofit3ContractIT() {
        super(FrameworkApp.retrofit());
    }
}
