package dev.oauthagent.e2e.contract;

/** The focused contract for the Jersey 4 client on jersey-apache5-connector (Apache HttpClient 5.5). */
@ContractSubset
class JerseyApache5ContractIT extends JerseyContract {
    JerseyApache5ContractIT() {
        super("APACHE5");
    }
}
