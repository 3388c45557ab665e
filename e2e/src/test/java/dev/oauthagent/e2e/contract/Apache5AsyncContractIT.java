package dev.oauthagent.e2e.contract;

/**
 * The injection contract for Apache HttpClient 5.6's async client ({@code HttpAsyncClients.custom()},
 * {@code SimpleHttpRequest}s in flight together unless paced).
 */
class Apache5AsyncContractIT extends InjectionContract {
    private static final ClientApp APP = new Apache5App("ASYNC", "5.6");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
