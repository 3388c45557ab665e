package dev.oauthagent.agent.token;

import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loopback http server for discovery tests. Its replies may name its {@link #base()}, as metadata does: the
 * responder runs only for requests, so after {@link #start} returned.
 */
final class IssuerServer implements AutoCloseable {
    private final FaultyTokenServer server;
    private final String base;

    private IssuerServer(Function<RecordedRequest, Reply> responder) throws IOException {
        this.server = FaultyTokenServer.http(responder);
        this.base = "http://127.0.0.1:" + server.tokenUrl().getPort();
    }

    static IssuerServer start(Function<RecordedRequest, Reply> responder) throws IOException {
        return new IssuerServer(responder);
    }

    /** {@code http://127.0.0.1:port} */
    String base() {
        return base;
    }

    List<RecordedRequest> requests() {
        return server.requests();
    }

    /** The paths of the requests with this method, in order. */
    List<String> paths(String method) {
        return server.requests().stream().filter(r -> r.method().equals(method)).map(RecordedRequest::path)
                .collect(Collectors.toList());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
