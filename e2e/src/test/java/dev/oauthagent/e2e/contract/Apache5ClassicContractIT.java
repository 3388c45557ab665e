package dev.oauthagent.e2e.contract;

/** The injection contract for Apache HttpClient 5.6's classic client ({@code HttpClients}, {@code execute}). */
class Apache5ClassicContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache5App("CLASSIC", "5.6");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
