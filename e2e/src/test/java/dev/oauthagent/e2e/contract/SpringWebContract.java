package dev.oauthagent.e2e.contract;

/** The injection contract for one Spring client (RestTemplate or RestClient) on one request factory. */
abstract class SpringWebContract extends InjectionContract {
    private final ClientApp app;

    SpringWebContract(String version, String api, String factory) {
        this.app = new SpringWebApp(version, api, factory);
    }

    @Override
    protected final ClientApp app() {
        return app;
    }
}
