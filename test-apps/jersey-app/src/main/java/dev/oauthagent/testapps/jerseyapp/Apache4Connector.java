package dev.oauthagent.testapps.jerseyapp;

import org.glassfish.jersey.apache.connector.ApacheConnectorProvider;
import org.glassfish.jersey.client.spi.ConnectorProvider;

/**
 * jersey-apache-connector (Apache HttpClient 4.5): Jersey 3.1 ships it, Jersey 4 does not, so only the program's
 * 3.1 class path holds it. Kept apart so the Jersey 4 run never links it.
 */
final class Apache4Connector {
    private Apache4Connector() {
    }

    static ConnectorProvider provider() {
        return new ApacheConnectorProvider();
    }
}
