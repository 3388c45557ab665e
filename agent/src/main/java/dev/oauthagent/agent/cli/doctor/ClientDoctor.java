package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.cli.doctor.Finding.Status;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.token.DiscoveredEndpoints;
import dev.oauthagent.agent.token.PublishedMetadata;
import dev.oauthagent.agent.token.TokenFetchException;

import java.util.ArrayList;
import java.util.List;

/**
 * Diagnoses one client in the order its set-up can break: discovery (issuer clients), what the server's metadata
 * says it supports, the token request, what the token shows, then its routes. Every step runs that can: a metadata
 * mismatch does not stop the token request, since the request is what the agent will really do. Only a failed
 * discovery stops the server steps, as the client then has no token endpoint to ask.
 */
public final class ClientDoctor {
    private static final String ISSUED_ANYWAY = " The server issued a token all the same, so its metadata is"
            + " incomplete: nothing needs to change now, but a server that enforces its list would refuse.";

    private final ClientConfig client;
    private final RouteFindings routes;
    private final LoadedConfig loaded;

    ClientDoctor(ClientConfig client, RouteFindings routes, LoadedConfig loaded) {
        this.client = client;
        this.routes = routes;
        this.loaded = loaded;
    }

    /**
     * A doctor for each client {@code loaded} runs, which share the route findings (overlaps involve two clients).
     */
    public static List<ClientDoctor> forClients(LoadedConfig loaded) {
        List<ClientConfig> clients = loaded.config().clients();
        RouteFindings routes = new RouteFindings(clients);
        List<ClientDoctor> doctors = new ArrayList<>();
        for (ClientConfig client : clients) {
            doctors.add(new ClientDoctor(client, routes, loaded));
        }
        return doctors;
    }

    public String clientName() {
        return client.name();
    }

    /** Network I/O, each request bounded by the client's timeouts. */
    public ClientDiagnosis diagnose() {
        List<Finding> findings = new ArrayList<>();
        ClientConfig resolved = client;
        PublishedMetadata metadata;
        if (client.issuer() != null) {
            DiscoveredEndpoints endpoints;
            try {
                endpoints = IssuerStep.read(client);
            } catch (TokenFetchException e) {
                Finding failed = IssuerStep.failed(client, e);
                findings.add(failed);
                findings.addAll(routes.of(client.name()));
                return new ClientDiagnosis(client.name(), failed, findings);
            }
            findings.add(IssuerStep.discovered(endpoints));
            resolved = endpoints.applyTo(client);
            metadata = PublishedMetadata.of(client, endpoints);
        } else {
            MetadataStep lookup = new MetadataStep(client).run();
            metadata = lookup.metadata();
            if (metadata == null) {
                findings.add(lookup.notFound());
            }
        }
        List<Finding> metadataFindings = metadata == null ? new ArrayList<Finding>()
                : new ServerMetadataCheck(resolved, metadata).findings();
        List<Finding> token = TokenStep.run(resolved, loaded);
        Finding outcome = token.get(0);
        findings.addAll(outcome.status() == Status.OK ? issuedAnyway(metadataFindings) : metadataFindings);
        findings.addAll(token);
        findings.addAll(routes.of(client.name()));
        return new ClientDiagnosis(client.name(), outcome, findings);
    }

    /** A server that lists no support for what it just did has an incomplete list: a warning, not a failure. */
    private static List<Finding> issuedAnyway(List<Finding> metadataFindings) {
        List<Finding> softened = new ArrayList<>();
        for (Finding finding : metadataFindings) {
            softened.add(finding.status() == Status.FAIL
                    ? Finding.warn(finding.code(), finding.summary() + "." + ISSUED_ANYWAY, finding.fix()) : finding);
        }
        return softened;
    }
}
