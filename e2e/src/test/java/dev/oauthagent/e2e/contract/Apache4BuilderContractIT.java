package dev.oauthagent.e2e.contract;

/** The injection contract for Apache HttpClient: the 4.3+ builder API (HttpClients.custom()) on the newest 4.x line. */
class Apache4BuilderContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache4App("BUILDER", Apache4App.NEWEST);

    @Override
    protected ClientApp app() {
        return APP;
    }
}
