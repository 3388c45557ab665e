package dev.oauthagent.testapps.feignretrofitapp;

import java.io.IOException;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.scalars.ScalarsConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.Url;

/**
 * Retrofit as applications use it: a declarative interface, bodies as strings (converter-scalars), over an
 * {@link OkHttpClient} of the application's; the whole URL is a {@link Url} argument, {@code execute()} per call.
 */
final class RetrofitSender implements Sender {
    private static final String BODY = "{\"message\":\"hello from a Retrofit app\"}";

    interface Api {
        @GET
        Call<String> get(@Url String url, @HeaderMap Map<String, String> headers);

        @POST
        Call<String> post(@Url String url, @HeaderMap Map<String, String> headers, @Body String body);
    }

    private final Api api;
    private final OkHttpClient okHttp;

    RetrofitSender(OkHttpClient okHttp) {
        this.okHttp = okHttp;
        // Every call names its whole URL; the base URL only has to be a valid one.
        this.api = new Retrofit.Builder().baseUrl("http://localhost/").client(okHttp)
                .addConverterFactory(ScalarsConverterFactory.create()).build().create(Api.class);
    }

    @Override
    public Reply send(String method, String url, Map<String, String> headers) throws IOException {
        Call<String> call = "POST".equals(method) ? api.post(url, headers, BODY) : api.get(url, headers);
        Response<String> response = call.execute();
        if (response.isSuccessful()) {
            String body = response.body();
            return new Reply(response.code(), body == null ? 0 : body.getBytes("UTF-8").length);
        }
        ResponseBody error = response.errorBody();
        return new Reply(response.code(), error == null ? 0 : error.bytes().length);
    }

    @Override
    public String libraries() {
        return Sender.jarOf(Retrofit.class) + " " + Sender.jarOf(OkHttpClient.class);
    }

    @Override
    public void close() {
        OkHttpClients.close(okHttp);
    }
}
