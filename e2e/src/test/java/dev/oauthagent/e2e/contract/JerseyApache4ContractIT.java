package dev.oauthagent.e2e.contract;

/**
 * The focused contract for the Jersey 3.1 client on jersey-apache-connector (Apache HttpClient 4.5), which needs no
 * hook of its own.
 */
@ContractSubset
class JerseyApache4ContractIT extends InjectionContract {
    private static final ClientApp APP = new JerseyApp("APACHE");

    @Override
    protected ClientApp app() {
        return APP;
    }
}
