package dev.oauthagent.testapps.cxfapp;

import dev.oauthagent.testapps.support.BackgroundRequests;
import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.Tally;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * An "unmodified app" calling a SOAP service through a JAX-WS client on Apache CXF, knowing nothing about OAuth: a
 * {@link Service} created from the {@link Notes} interface and an address (no WSDL), one port per address, on CXF's
 * default HTTP conduit. Each call is a POST of a SOAP envelope.
 *
 * <p>Options: {@code --url} (required, repeatable: a service address; each gets {@code --requests} calls, in order),
 * {@code --requests} (1), {@code --pause-ms} (0, between calls), {@code --method} (POST, the only one SOAP has),
 * {@code --header="Name: value"} (on every call, through {@code MessageContext.HTTP_REQUEST_HEADERS}),
 * {@code --auto-redirect} (the conduit's {@code HTTPClientPolicy.AutoRedirect}; CXF's default is false),
 * {@code --relative-redirects} (true: the {@code http.redirect.relative.uri} property, so a relative {@code Location}
 * is followed too), {@code --background-url} (another thread calls that address every 100 ms).
 *
 * <p>Output: {@code CXF conduit=<the conduit's class>}, then one {@code REQUEST <n> status=<code> method=POST} line
 * per call: the HTTP status of the answer (from the response context, or from CXF's {@code HTTPException} for a
 * status CXF refuses), and {@code wrapper=<what the proxy threw> error=<class>: <message>} of the I/O exception under it
 * when the call failed ({@code status=-1} when no answer came); then {@code BACKGROUND ok=<n> failed=<m>} with
 * {@code --background-url} and {@code DONE ok=<2xx> failed=<others>}. Exit code 0 when every call succeeded, 1
 * otherwise, 2 for bad options.
 */
public final class CxfApp {
    private static final QName SERVICE = new QName(Notes.NAMESPACE, "NotesService");
    private static final QName PORT = new QName(Notes.NAMESPACE, "NotesPort");
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int HTTP_OK = 200;
    /** Long enough for a test origin that holds its answer back while the agent's tokens rotate. */
    private static final int RECEIVE_TIMEOUT_MS = 60000;

    private final AppOptions options;
    private final Map<String, Notes> ports = new HashMap<>();
    private final Tally tally = new Tally();

    private CxfApp(AppOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        AppOptions options = CommandLine.parseOrExit("cxf-app", () -> AppOptions.parse(args));
        CxfApp app = new CxfApp(options);
        System.out.println("CXF conduit=" + ClientProxy.getClient(app.port(options.urlOf(1))).getConduit().getClass().getName());
        BackgroundRequests background = options.backgroundUrl() == null ? null
                : BackgroundRequests.start(backgroundCall(app.port(options.backgroundUrl())));
        for (int n = 1; n <= options.total(); n++) {
            app.call(n);
            if (n < options.total() && options.pauseMillis() > 0) {
                Thread.sleep(options.pauseMillis());
            }
        }
        if (background != null) {
            Tally.print(background.stop());
        }
        app.tally.finish();
    }

    /** One port per address, as an application keeps one per service it calls. */
    private Notes port(String address) {
        return ports.computeIfAbsent(address, url -> {
            Service service = Service.create(SERVICE);
            service.addPort(PORT, SOAPBinding.SOAP11HTTP_BINDING, url);
            Notes port = service.getPort(PORT, Notes.class);
            Map<String, Object> context = ((BindingProvider) port).getRequestContext();
            if (options.header() != null) {
                String header = options.header();
                context.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of(header.substring(0, header.indexOf(':')).trim(),
                        List.of(header.substring(header.indexOf(':') + 1).trim())));
            }
            if (options.relativeRedirects()) {
                context.put("http.redirect.relative.uri", Boolean.TRUE);
            }
            HTTPClientPolicy policy = ((HTTPConduit) ClientProxy.getClient(port).getConduit()).getClient();
            policy.setConnectionTimeout(CONNECT_TIMEOUT_MS);
            policy.setReceiveTimeout(RECEIVE_TIMEOUT_MS);
            if (options.autoRedirect() != null) {
                policy.setAutoRedirect(options.autoRedirect());
            }
            return port;
        });
    }

    private void call(int n) {
        Notes port = port(options.urlOf(n));
        try {
            port.record("note " + n);
            int status = responseCode(port);
            tally.answered(status, "REQUEST " + n + " status=" + status + " method=POST");
        } catch (WebServiceException e) {
            Throwable cause = ioCause(e);
            int status = cause instanceof HTTPException refused ? refused.getResponseCode() : responseCode(port);
            tally.failed("REQUEST " + n + " status=" + status + " method=POST wrapper=" + e.getClass().getName() + " error="
                    + cause.getClass().getName() + ": " + oneLine(cause.getMessage()));
        }
    }

    /** The HTTP status of the last answer the port got, or -1 when none came. */
    private static int responseCode(Notes port) {
        Object code = ((BindingProvider) port).getResponseContext() == null ? null
                : ((BindingProvider) port).getResponseContext().get(MessageContext.HTTP_RESPONSE_CODE);
        return code instanceof Integer status ? status : -1;
    }

    /**
     * The innermost I/O exception under the proxy's {@link WebServiceException}: what an application logs to say
     * why. CXF's conduit sometimes wraps the one it caught in its own ("IOException invoking URL: ..."), depending
     * on whether the failure came while connecting or while writing.
     */
    private static Throwable ioCause(Throwable thrown) {
        Throwable innermost = null;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                innermost = cause;
            }
        }
        return innermost == null ? thrown : innermost;
    }

    /** CXF's messages may span lines (an XML parser's position); the output has one line per call. */
    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** One call of {@code port}, for the background requests: one that returns was answered with a 2xx. */
    private static BackgroundRequests.Request backgroundCall(Notes port) {
        return () -> {
            port.record("background");
            return HTTP_OK;
        };
    }
}
