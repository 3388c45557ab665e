package dev.oauthagent.agent.token.code;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenFetchException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Receives the redirect back from the browser (RFC 8252 §7.3): an HTTP listener on the redirect URI's
 * loopback address only, on its port or a free one, open only while the flow waits.
 *
 * <p>Only a GET of the redirect path is an answer; anything else gets a 404 and changes nothing (a browser
 * also asks for /favicon.ico). An answer whose {@code state} is not this flow's is refused with a page that
 * says so, and the wait goes on: another page or local program can send such a request, and ending the login
 * on it would let anyone on the machine cancel it; the real redirect still arrives. The first answer with the
 * right state ends the wait, whether it carries a code or an error.
 *
 * <p>A code is only the first half of a login: the browser gets its page once the flow says how the code's
 * redemption went ({@link #finish}), so the page never says a login worked that did not. The flow always closes
 * the listener, and closing answers a browser still waiting.
 *
 * <p>The JDK's com.sun.net.httpserver (in every JDK and JRE since 6, module jdk.httpserver since 9) keeps idle
 * connections a browser opens ahead of time from holding up the real one. One daemon thread serves it. The
 * {@code sun.net.httpserver.nodelay} property is left alone: it is JVM-wide, and would change the application's
 * own servers under the agent; each page here is one response on a connection closed after it, where Nagle's
 * delay costs at most one delayed ACK, once.
 */
final class LoopbackCallbackServer implements AutoCloseable {
    /** Longest the browser waits for the flow's verdict on a code: far beyond any token request's limits. */
    private static final long VERDICT_WAIT_SECONDS = 120;
    /** Longest {@link #finish} waits for the page to be out before the flow closes the listener. */
    private static final long PAGE_OUT_WAIT_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService thread;
    private final LoopbackRedirectUri redirect;
    private final BlockingQueue<AuthorizationResponse> answers = new ArrayBlockingQueue<>(1);
    private final AtomicInteger refusedStates = new AtomicInteger();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final CompletableFuture<CallbackPage> verdict = new CompletableFuture<CallbackPage>();
    private final CountDownLatch pageOut = new CountDownLatch(1);
    private final String clientName;

    private LoopbackCallbackServer(HttpServer server, ExecutorService thread, LoopbackRedirectUri redirect,
            String clientName) {
        this.server = server;
        this.thread = thread;
        this.redirect = redirect;
        this.clientName = clientName;
    }

    /**
     * Starts listening.
     *
     * @param out where a refused answer is reported, for the person waiting
     */
    static LoopbackCallbackServer start(LoopbackRedirectUri redirect, CallbackState state,
            ServerTextSanitizer sanitizer, CodeFlowMessages messages, PrintStream out) throws TokenFetchException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(redirect.address(), redirect.port()), 8);
        } catch (BindException e) {
            throw messages.terminal("cannot listen on " + hostPort(redirect, redirect.port()) + " for the browser's"
                    + " redirect back: the port is in use. Stop the program that holds it, or set "
                    + messages.key("redirect-uri") + " to port 0 (any free port) if the server accepts any port on"
                    + " the loopback (RFC 8252 §7.3).", null);
        } catch (IOException e) {
            throw messages.terminal("cannot listen on " + hostPort(redirect, redirect.port()) + " for the browser's"
                    + " redirect back (" + e.getClass().getSimpleName() + ": " + sanitizer.sanitize(e.getMessage())
                    + "); check " + messages.key("redirect-uri") + ".", null);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "oauth-agent-login-callback-" + messages.clientName());
                t.setDaemon(true);
                return t;
            }
        });
        LoopbackCallbackServer callback = new LoopbackCallbackServer(server, thread, redirect, messages.clientName());
        server.setExecutor(thread);
        server.createContext("/", callback.new Handler(state, sanitizer, messages, out));
        server.start();
        return callback;
    }

    /** The port listened on: the configured one, or the one the system chose for port 0. */
    int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Waits for the answer with the right state.
     *
     * @return the answer, or null when none came within the timeout
     */
    AuthorizationResponse await(Duration timeout) throws InterruptedException {
        return answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How many answers with a wrong or missing state were refused so far. */
    int refusedStates() {
        return refusedStates.get();
    }

    /**
     * Tells the browser waiting on the code how the login ended, and waits (briefly) until it has the page.
     *
     * @param page {@link CallbackPage#loggedIn} once the code was redeemed, else why not
     */
    void finish(CallbackPage page) throws InterruptedException {
        verdict.complete(page);
        pageOut.await(PAGE_OUT_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Stops listening; the port is free when this returns. A browser still waiting on the code is told to look at
     * the terminal first.
     */
    @Override
    public void close() {
        if (answered.get() && verdict.complete(CallbackPage.received(clientName))) {
            try {
                pageOut.await(PAGE_OUT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        thread.shutdownNow();
    }

    private static String hostPort(LoopbackRedirectUri redirect, int port) {
        String host = redirect.address().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private final class Handler implements HttpHandler {
        private final CallbackState state;
        private final ServerTextSanitizer sanitizer;
        private final CodeFlowMessages messages;
        private final PrintStream out;

        Handler(CallbackState state, ServerTextSanitizer sanitizer, CodeFlowMessages messages, PrintStream out) {
            this.state = state;
            this.sanitizer = sanitizer;
            this.messages = messages;
            this.out = out;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            AuthorizationResponse response = null;
            try {
                if (!exchange.getRequestMethod().equals("GET")
                        || !exchange.getRequestURI().getRawPath().equals(redirect.path())) {
                    sendNotFound(exchange);
                    return;
                }
                response = answerOf(exchange.getRequestURI().getRawQuery());
                if (response == null) {
                    send(exchange, pageWithoutAnswer(exchange.getRequestURI().getRawQuery()));
                } else if (response.isCode()) {
                    answers.add(response); // the flow redeems it while the browser waits for the verdict
                    send(exchange, verdict());
                } else {
                    send(exchange, CallbackPage.failed(messages.clientName(), "the authorization server answered "
                            + response.describeError()));
                }
            } finally {
                exchange.close();
                if (response != null) {
                    if (!response.isCode()) {
                        answers.add(response); // only now: the flow closes the listener once it has the answer
                    }
                    pageOut.countDown();
                }
            }
        }

        private CallbackPage verdict() {
            try {
                return verdict.get(VERDICT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CallbackPage.received(messages.clientName());
            } catch (ExecutionException | TimeoutException e) {
                return CallbackPage.received(messages.clientName());
            }
        }

        /** The flow's answer, or null when this request is not one (wrong state, or one already came). */
        private AuthorizationResponse answerOf(String rawQuery) {
            CallbackQuery query = parse(rawQuery);
            if (query == null || !state.matches(query.single("state")) || !answered.compareAndSet(false, true)) {
                return null;
            }
            return read(query);
        }

        private CallbackPage pageWithoutAnswer(String rawQuery) {
            CallbackQuery query = parse(rawQuery);
            return query != null && state.matches(query.single("state")) ? CallbackPage.alreadyFinished()
                    : refuseState();
        }

        /** Null when the query is not valid form encoding. */
        private CallbackQuery parse(String rawQuery) {
            try {
                return CallbackQuery.parse(rawQuery);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private AuthorizationResponse read(CallbackQuery query) {
            if (query.has("error")) {
                String error = sanitizer.sanitize(query.single("error"));
                String description = sanitizer.sanitize(query.single("error_description"));
                return AuthorizationResponse.error(error == null ? "an unreadable error" : error, description);
            }
            String code = query.single("code");
            if (code == null || code.isEmpty()) {
                return AuthorizationResponse.error("no code", "the redirect carried neither one code nor an error");
            }
            return AuthorizationResponse.code(code);
        }

        private CallbackPage refuseState() {
            refusedStates.incrementAndGet();
            out.println(messages.exception("the browser brought back an answer that does not belong to this login"
                    + " (wrong or missing state); it was refused, still waiting for the right one."));
            out.flush();
            return CallbackPage.wrongState();
        }

        private void send(HttpExchange exchange, CallbackPage page) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            // The page's URL holds the code: no referrer, no content from anywhere, nothing to run.
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(page.status, page.body.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page.body);
            }
        }

        private void sendNotFound(HttpExchange exchange) throws IOException {
            byte[] body = "Not found\n".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
