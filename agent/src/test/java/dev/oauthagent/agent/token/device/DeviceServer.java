package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One loopback server playing both endpoints of the device flow: the device authorization endpoint answers
 * with a set reply; the token endpoint answers each poll with the next reply of a script (the last one
 * repeats), and stamps each poll with the fake clock's time.
 */
final class DeviceServer implements AutoCloseable {
    static final String DEVICE_PATH = "/oauth2/device_authorization";
    static final String DEVICE_CODE = "GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS";
    static final String USER_CODE = "WDJB-MJHT";
    static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.ZGV2aWNlLWZsb3ctdXNlcg.c2lnbmF0dXJlLWRldmljZQ";
    static final String REFRESH_TOKEN = "rt-8xLOxBtZp8tQ3rEDVkRzVtXw2nR5mKfj";

    private final FaultyTokenServer server;
    private final FakeTime time;
    private volatile Reply deviceReply = Reply.json(200, deviceResponse(", \"interval\": 5"));
    private final Deque<Reply> tokenScript = new ConcurrentLinkedDeque<>();
    private final List<Double> pollTimes = new CopyOnWriteArrayList<>();

    DeviceServer(FakeTime time) throws IOException {
        this(time, 0);
    }

    private DeviceServer(FakeTime time, int port) throws IOException {
        this.time = time;
        this.server = port == 0 ? FaultyTokenServer.http(this::answer) : FaultyTokenServer.http(port, this::answer);
    }

    /** A server on a given port, for a token endpoint that comes up late. */
    static DeviceServer at(FakeTime time, int port) throws IOException {
        return new DeviceServer(time, port);
    }

    /** The answer of a server with the device grant on: codes, both URIs, 600 s lifetime and {@code extra}. */
    static String deviceResponse(String extra) {
        return "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"" + USER_CODE + "\","
                + "\"verification_uri\":\"https://as.example/activate\","
                + "\"verification_uri_complete\":\"https://as.example/activate?user_code=" + USER_CODE + "\","
                + "\"expires_in\":600" + extra + "}";
    }

    static Reply token() {
        return Reply.json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"refresh_token\":\"" + REFRESH_TOKEN + "\"}");
    }

    static Reply error(String code) {
        return Reply.json(400, "{\"error\":\"" + code + "\"}");
    }

    private Reply answer(RecordedRequest request) {
        if (request.path().equals(DEVICE_PATH)) {
            return deviceReply;
        }
        pollTimes.add(time.secondsExact());
        Reply next = tokenScript.size() > 1 ? tokenScript.pollFirst() : tokenScript.peekFirst();
        return next == null ? error("authorization_pending") : next;
    }

    DeviceServer device(Reply reply) {
        this.deviceReply = reply;
        return this;
    }

    DeviceServer polls(Reply... replies) {
        Collections.addAll(tokenScript, replies);
        return this;
    }

    URI deviceUrl() {
        return server.tokenUrl().resolve(DEVICE_PATH);
    }

    URI tokenUrl() {
        return server.tokenUrl();
    }

    /** The waits between the device authorization response and each poll, in seconds. */
    List<Double> waitsBetweenPolls() {
        List<Double> waits = new ArrayList<>();
        double last = 0;
        for (double t : pollTimes) {
            waits.add(t - last);
            last = t;
        }
        return waits;
    }

    List<RecordedRequest> requests(String path) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest r : server.requests()) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
