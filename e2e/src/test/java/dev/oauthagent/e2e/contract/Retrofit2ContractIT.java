package dev.oauthagent.e2e.contract;

/**
 * The focused subset of the injection contract for Retrofit 2 (OkHttp 3.14): a framework adds no hook of its own, so
 * the subset proves its requests reach the instrumented client underneath, hop by hop.
 */
@ContractSubset
class Retrofit2ContractIT extends InjectionContract {
    private static final ClientApp APP = FrameworkApp.retrofit2();

    @Override
    protected ClientApp app() {
        return APP;
    }
}
