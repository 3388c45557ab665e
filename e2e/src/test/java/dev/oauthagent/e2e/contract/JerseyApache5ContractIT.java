package dev.oauthagent.e2e.contract;

/** The focused contract for the Jersey client on jersey-apache5-connector (Apache HttpClient 5), which needs no hook of its own. */
@ContractSubset
class JerseyApache5ContractIT extends InjectionContract {
    private static final ClientApp APP = new JerseyApp("APACHE5");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
