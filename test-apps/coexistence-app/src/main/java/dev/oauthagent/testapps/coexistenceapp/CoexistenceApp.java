package dev.oauthagent.testapps.coexistenceapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application with its own copies of the libraries an agent typically bundles (byte-buddy, jackson, slf4j with
 * logback) and OkHttp. Each check prints {@code CHECK <name> ok: <detail>} or {@code CHECK <name> FAILED: <why>}:
 * the classes it uses come from its own jars, they work, and a class named with {@code --not-visible} cannot be
 * loaded (nor found as a resource) by its class loader. Then one HttpURLConnection request to {@code --matched-url}
 * and one OkHttp request to {@code --other-url}. Ends with {@code DONE failed=<n>}, exit status 1 when n > 0.
 *
 * <p>Options: {@code --byte-buddy-jar=NAME} (the byte-buddy jar file name expected on the class path),
 * {@code --matched-url=URL}, {@code --other-url=URL}, {@code --not-visible=CLASS} (repeatable).
 */
public final class CoexistenceApp {
    private static final Logger log = LoggerFactory.getLogger(CoexistenceApp.class);

    private int failed;

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(args);
        CoexistenceApp app = new CoexistenceApp();
        app.byteBuddy(single(options, "byte-buddy-jar"));
        app.jackson();
        app.logging();
        for (String name : options.getOrDefault("not-visible", Collections.<String>emptyList())) {
            app.notVisible(name);
        }
        app.urlConnection(single(options, "matched-url"));
        app.okHttp(single(options, "other-url"));
        System.out.println("DONE failed=" + app.failed);
        System.exit(app.failed == 0 ? 0 : 1);
    }

    private void byteBuddy(String expectedJar) throws Exception {
        Class<?> made = new ByteBuddy(ClassFileVersion.JAVA_V8).subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by byte-buddy"))
                .make().load(CoexistenceApp.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
        String made2 = made.getDeclaredConstructor().newInstance().toString();
        check("byte-buddy", jarOf(ByteBuddy.class).equals(expectedJar) && made2.equals("made by byte-buddy")
                && onlyOnce("net/bytebuddy/ByteBuddy.class"), jarOf(ByteBuddy.class) + ", " + made2);
    }

    private void jackson() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("library", "jackson-databind");
        ObjectMapper mapper = new ObjectMapper();
        Object back = mapper.readValue(mapper.writeValueAsString(value), Map.class);
        check("jackson", jarOf(ObjectMapper.class).equals("jackson-databind-2.9.10.8.jar")
                && PackageVersion.VERSION.toString().startsWith("2.9.") && value.equals(back)
                && onlyOnce("com/fasterxml/jackson/databind/ObjectMapper.class"),
                jarOf(ObjectMapper.class) + ", version " + PackageVersion.VERSION + ", round trip " + back);
    }

    private void logging() throws IOException {
        String factory = LoggerFactory.getILoggerFactory().getClass().getName();
        log.info("logged through slf4j 1.7 and logback 1.2");
        check("slf4j", jarOf(LoggerFactory.class).equals("slf4j-api-1.7.36.jar")
                && factory.equals("ch.qos.logback.classic.LoggerContext")
                && jarOf(LoggerFactory.getILoggerFactory().getClass()).equals("logback-classic-1.2.13.jar")
                && onlyOnce("org/slf4j/impl/StaticLoggerBinder.class"), jarOf(LoggerFactory.class) + ", " + factory);
    }

    private void notVisible(String className) {
        ClassLoader loader = CoexistenceApp.class.getClassLoader();
        String resource = className.replace('.', '/') + ".class";
        boolean loadable;
        try {
            Class.forName(className, false, loader);
            loadable = true;
        } catch (ClassNotFoundException expected) {
            loadable = false;
        }
        check("not-visible " + className, !loadable && loader.getResource(resource) == null,
                loadable ? "loadable" : loader.getResource(resource) != null ? "found as a resource" : "not found");
    }

    private void urlConnection(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        int status = connection.getResponseCode();
        connection.getInputStream().close();
        check("http-url-connection", status == 200, "status " + status);
    }

    private void okHttp(String url) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS).build();
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            check("okhttp", response.code() == 200 && jarOf(OkHttpClient.class).equals("okhttp-4.12.0.jar"),
                    jarOf(OkHttpClient.class) + ", status " + response.code());
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private void check(String name, boolean ok, String detail) {
        System.out.println("CHECK " + name + (ok ? " ok: " : " FAILED: ") + detail);
        if (!ok) {
            failed++;
        }
    }

    /** Exactly one copy of the resource on the class path: the application's own. */
    private static boolean onlyOnce(String resource) throws IOException {
        return Collections.list(CoexistenceApp.class.getClassLoader().getResources(resource)).size() == 1;
    }

    private static String jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getName();
        } catch (Exception | LinkageError e) {
            return "(unknown: " + e + ")";
        }
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --name=value");
            }
            options.computeIfAbsent(arg.substring(2, equals), k -> new ArrayList<>()).add(arg.substring(equals + 1));
        }
        return options;
    }

    private static String single(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException("--" + name + " is required, once");
        }
        return values.get(0);
    }
}
