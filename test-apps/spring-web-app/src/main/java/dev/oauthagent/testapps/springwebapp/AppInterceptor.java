package dev.oauthagent.testapps.springwebapp;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The application's own interceptor, as real applications have one: adds {@code --header} when
 * {@code --header-via=INTERCEPTOR}, and notes which factory's response came back (e.g. "JdkClientHttpResponse"),
 * so the output says which library a request went through.
 */
final class AppInterceptor implements ClientHttpRequestInterceptor {
    private static final ThreadLocal<String> RESPONSE_TYPE = new ThreadLocal<>();

    private final String header;

    /** @param header {@code Name: value} to add, or null */
    AppInterceptor(String header) {
        this.header = header;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (header != null) {
            request.getHeaders().set(AppOptions.name(header), AppOptions.value(header));
        }
        ClientHttpResponse response = execution.execute(request, body);
        RESPONSE_TYPE.set(response.getClass().getSimpleName());
        return response;
    }

    /** The response class of this thread's last answer ("none" before the first), and forgets it. */
    static String lastResponseType() {
        String type = RESPONSE_TYPE.get();
        RESPONSE_TYPE.remove();
        return type == null ? "none" : type;
    }
}
