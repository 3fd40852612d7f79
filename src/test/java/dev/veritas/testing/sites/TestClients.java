package dev.veritas.testing.sites;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JDK HTTP clients for the site tests: they trust the test CA only and never follow redirects on their own. */
final class TestClients {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TestClients() {}

    static HttpClient trustingCa(TestCa ca) {
        return HttpClient.newBuilder()
                .sslContext(ca.clientSslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    }

    static HttpResponse<String> getString(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(get(url), HttpResponse.BodyHandlers.ofString());
    }
}
