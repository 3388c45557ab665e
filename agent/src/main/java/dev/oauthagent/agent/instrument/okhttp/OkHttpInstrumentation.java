package dev.oauthagent.agent.instrument.okhttp;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.jar.asm.Type;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OkHttp 3.12 to 5.x ({@code execute()} and {@code enqueue()}, HTTP/1.1 and HTTP/2). Two places of its
 * interceptor chain are hooked, with calls into {@code dev.oauthagent.bootstrap.OkHttpAdvice}:
 * <ul>
 *   <li>where a hop's headers are written, after every interceptor of the application's (application and
 *       network interceptors) and OkHttp's own ran: {@code Exchange.writeRequestHeaders(Request)} (3.14 to 5.x),
 *       or the HTTP/1 and HTTP/2 codecs' {@code writeRequestHeaders(Request)} (3.12). The request argument is
 *       replaced by a copy with the {@link Injector}'s decision, so only the bytes on the wire carry the token:
 *       the request the call, its interceptors and its follow-ups (redirects) work with never does;</li>
 *   <li>where {@code RetryAndFollowUpInterceptor.followUpRequest} returns what follows a response (its
 *       signature differs in 3.x, 4.x and 5.x): a 401 {@code invalid_token} to a token of ours drops the token
 *       and, when nothing else follows and the body can be replayed, the request is sent once more.</li>
 * </ul>
 * Every class is named by a string: nothing of OkHttp is loaded unless the application loads it.
 */
public final class OkHttpInstrumentation implements LibraryInstrumentation {
    private static final String ADVICE = "dev/oauthagent/bootstrap/OkHttpAdvice";
    private static final String REQUEST = "Lokhttp3/Request;";
    private static final String RESPONSE = "Lokhttp3/Response;";
    private static final String EXCHANGE = "okhttp3.internal.connection.Exchange";
    private static final String RETRY_AND_FOLLOW_UP = "okhttp3.internal.http.RetryAndFollowUpInterceptor";
    private static final String WRITE_HEADERS = "(" + REQUEST + ")V";
    private static final String REPLACE = "(Ljava/lang/Object;)Ljava/lang/Object;";

    /** Where a hop's headers are written: one of these exists in each version. */
    private static final List<String[]> HEADER_WRITES = Arrays.asList(
            new String[] {EXCHANGE, "writeRequestHeaders", WRITE_HEADERS, "beforeExchangeHeaders"},
            new String[] {"okhttp3.internal.http1.Http1Codec", "writeRequestHeaders", WRITE_HEADERS, "beforeCodecHeaders"},
            new String[] {"okhttp3.internal.http2.Http2Codec", "writeRequestHeaders", WRITE_HEADERS, "beforeCodecHeaders"});
    /** {@code followUpRequest} of 3.x, 4.x and 5.x. */
    private static final List<String> FOLLOW_UPS = Arrays.asList(
            "(" + RESPONSE + "Lokhttp3/Route;)" + REQUEST,
            "(" + RESPONSE + "Lokhttp3/internal/connection/Exchange;)" + REQUEST,
            "(" + RESPONSE + "Lokhttp3/internal/connection/Exchange;Lokhttp3/Interceptor$Chain;)" + REQUEST);

    @Override
    public String name() {
        return "OkHttp";
    }

    @Override
    public String[] targetClasses() {
        List<String> targets = new ArrayList<>();
        for (String[] write : HEADER_WRITES) {
            targets.add(write[0]);
        }
        targets.add(RETRY_AND_FOLLOW_UP);
        return targets.toArray(new String[0]);
    }

    @Override
    public String withoutIt() {
        return "OkHttp's requests get no token";
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        OkHttpHop.install(injector);
    }

    /**
     * Each point is optional: the classes of one version lack the others' methods. That each copy of OkHttp has
     * one of each kind is checked when its first request is decided ({@link #checkHookedMethods}).
     */
    @Override
    public List<HookPoint> hookPoints() {
        List<HookPoint> points = new ArrayList<>();
        for (String[] write : HEADER_WRITES) {
            points.add(HookPoint.atEntry(write[0], write[1], write[2]).pushArgument(0).replacingArgument(0)
                    .optional().calls(ADVICE, write[3], REPLACE));
        }
        for (String descriptor : FOLLOW_UPS) {
            points.add(HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, RETRY_AND_FOLLOW_UP,
                            "followUpRequest", descriptor).pushArgument(0).optional()
                    .calls(ADVICE, "afterFollowUpRequest", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
        }
        return points;
    }

    /**
     * Throws unless the OkHttp in {@code loader} declares a hooked header write and a hooked
     * {@code followUpRequest}: a version that moved either would get tokens without their rules (or none).
     */
    static void checkHookedMethods(ClassLoader loader) throws ReflectiveOperationException {
        boolean writes = false;
        for (String[] write : HEADER_WRITES) {
            writes |= declares(loader, write[0], write[1], write[2]);
        }
        if (!writes) {
            throw new NoSuchMethodException("writeRequestHeaders(Request) in neither Exchange nor the codecs");
        }
        boolean followUps = false;
        for (String descriptor : FOLLOW_UPS) {
            followUps |= declares(loader, RETRY_AND_FOLLOW_UP, "followUpRequest", descriptor);
        }
        if (!followUps) {
            throw new NoSuchMethodException("RetryAndFollowUpInterceptor.followUpRequest of a known signature");
        }
    }

    private static boolean declares(ClassLoader loader, String className, String name, String descriptor) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void disable() {
        Bridge.installOkHttp(null);
    }
}
