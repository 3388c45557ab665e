package dev.oauthagent.testapps.springwebapp;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.OkHttp3ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The request factory {@code --factory} names, each as its no-argument constructor makes it (so its library's
 * default redirect handling), with timeouts set through the setters Spring 6.2 and 7.0 both have.
 */
final class Factories {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Long enough for a test origin that holds its answer back while the agent's tokens rotate. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private Factories() {
    }

    /** @return the factory, or null for DEFAULT (the api's own choice) */
    static ClientHttpRequestFactory named(String factory) {
        return switch (factory) {
            case "DEFAULT" -> null;
            case "SIMPLE" -> simple();
            case "JDK" -> jdk();
            case "HTTP_COMPONENTS" -> httpComponents();
            case "OKHTTP3" -> okHttp();
            default -> throw new IllegalArgumentException(factory);
        };
    }

    /** HttpURLConnection; Spring lets it follow redirects for GET only. */
    private static ClientHttpRequestFactory simple() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setReadTimeout(READ_TIMEOUT_MILLIS);
        return factory;
    }

    /** {@code HttpClient.newHttpClient()}: follows no redirect. */
    private static ClientHttpRequestFactory jdk() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
        factory.setReadTimeout(READ_TIMEOUT_MILLIS);
        return factory;
    }

    /** {@code HttpClients.createSystem()}: Apache HttpClient 5's DefaultRedirectStrategy. */
    private static ClientHttpRequestFactory httpComponents() {
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory();
        factory.setConnectionRequestTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setReadTimeout(READ_TIMEOUT_MILLIS);
        return factory;
    }

    private static ClientHttpRequestFactory okHttp() {
        try {
            return OkHttp.factory();
        } catch (NoClassDefFoundError e) {
            throw new IllegalArgumentException("--factory OKHTTP3 needs Spring 6.2 or older and OkHttp on the class"
                    + " path (Spring 7 has no OkHttp3ClientHttpRequestFactory): " + e.getMessage() + " not found");
        }
    }

    /** In a class of its own: Spring 7 has no OkHttp3ClientHttpRequestFactory, and never loads this one. */
    private static final class OkHttp {
        /** {@code new OkHttpClient()}: follows every redirect, https to http too. */
        @SuppressWarnings({"deprecation", "removal"})
        static ClientHttpRequestFactory factory() {
            OkHttp3ClientHttpRequestFactory factory = new OkHttp3ClientHttpRequestFactory();
            factory.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            factory.setReadTimeout(READ_TIMEOUT_MILLIS);
            return factory;
        }
    }
}
