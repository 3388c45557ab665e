package dev.oauthagent.testapps.apache4app;

import org.apache.http.HttpResponse;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.BasicCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;

/** The requests every mode sends, built the same way: one method, an optional header, a JSON body for POST. */
final class Requests {
    static final RequestConfig TIMEOUTS = RequestConfig.custom().setConnectTimeout(5000)
            .setConnectionRequestTimeout(5000).setSocketTimeout(60000).build();
    private static final String BODY = "{\"message\":\"hello from an Apache HttpClient 4 app\"}";

    private Requests() {
    }

    static HttpUriRequest build(Options options, String url, String method) {
        HttpUriRequest request;
        if ("POST".equals(method)) {
            HttpPost post = new HttpPost(url);
            byte[] body = BODY.getBytes(Charset.forName("UTF-8"));
            post.setEntity(options.streamBody
                    ? new InputStreamEntity(new ByteArrayInputStream(body), body.length, ContentType.APPLICATION_JSON)
                    : new StringEntity(BODY, ContentType.APPLICATION_JSON));
            request = post;
        } else {
            request = new HttpGet(url);
        }
        if (options.headerName != null) {
            request.addHeader(options.headerName, options.headerValue);
        }
        return request;
    }

    /** {@code --basic-auth} for any host that asks (the client's own authenticator), or null. */
    static CredentialsProvider credentials(Options options) {
        if (options.basicAuth == null) {
            return null;
        }
        int colon = options.basicAuth.indexOf(':');
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(options.basicAuth.substring(0, colon),
                options.basicAuth.substring(colon + 1)));
        return provider;
    }

    static int status(HttpResponse response) {
        return response.getStatusLine().getStatusCode();
    }
}
