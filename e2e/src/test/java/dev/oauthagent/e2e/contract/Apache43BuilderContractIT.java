package dev.oauthagent.e2e.contract;

/** The focused subset of the injection contract for Apache HttpClient: the builder API on its oldest line, 4.3. */
@ContractSubset
class Apache43BuilderContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache4App("BUILDER", Apache4App.OLDEST);

    @Override
    protected ClientApp app() {
        return APP;
    }
}
