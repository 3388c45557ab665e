package dev.oauthagent.e2e.contract;

/** The focused subset of the injection contract for Retrofit 2 (OkHttp 3.14). */
@ContractSubset
class Retrofit2ContractIT extends FrameworkContract {
    Retrofit2ContractIT() {
        super(FrameworkApp.retrofit2());
    }
}
