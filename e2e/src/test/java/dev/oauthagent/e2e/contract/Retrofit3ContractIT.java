package dev.oauthagent.e2e.contract;

/**
 * The focused subset of the injection contract for Retrofit 3 (OkHttp 4): a framework adds no hook of its own, so
 * the subset proves its requests reach the instrumented client underneath, hop by hop.
 */
@ContractSubset
class Retrofit3ContractIT extends InjectionContract {
    private static final ClientApp APP = FrameworkApp.retrofit();

    @Override
    protected ClientApp app() {
        return APP;
    }
}
