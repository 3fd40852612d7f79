package dev.veritas.capture.network;

import dev.veritas.hosts.UrlHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import dev.veritas.capture.Deadline;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.RedirectHop;

/**
 * Plain HTTP fetches for the no-browser mode and the probes. Redirects are followed by hand so the URL guard
 * sees every hop; bodies are read up to a size cap and a deadline, so a huge, endless or stalled response
 * costs a bounded amount of memory and time.
 *
 * <p>Every connection goes through a {@link GuardedProxy} on loopback, as the browser's do: the JDK client
 * would otherwise resolve the name again after the guard approved it, and a name that answers with a public
 * address for the check and an internal one for the connection (DNS rebinding) would reach the internal one.
 * Through the proxy the connection goes to exactly the address the guard approved.
 */
public final class HttpFetcher implements AutoCloseable {
    public static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Veritas/0.1";

    private final UrlGuard guard;
    private final FetchLimits limits;
    private final GuardedProxy proxy;
    private final HttpClient client;

    public HttpFetcher(UrlGuard guard, FetchLimits limits) {
        this.guard = guard;
        this.limits = limits;
        this.proxy = GuardedProxy.start(guard);
        this.client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(proxy.socketAddress()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                .sslContext(TrustConfig.acceptingAny())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A response, or the reason there was none; with every hop of the redirect chain. */
    public record Result(
            URI requested,
            URI finalUrl,
            Optional<Integer> status,
            HeaderMap headers,
            byte[] body,
            boolean truncated,
            List<RedirectHop> chain,
            Optional<String> error,
            boolean unreachable) {

        public boolean ok() {
            return error.isEmpty() && status.isPresent();
        }
    }

    /** Fetches {@code url} within the fetcher's own limits (one connect and one response timeout for the whole chain). */
    public Result fetch(URI url, Map<String, String> extraHeaders) {
        return fetch(url, extraHeaders, Deadline.in(limits.connectTimeout().plus(limits.responseTimeout())));
    }

    /**
     * Fetches {@code url}, following redirects, within {@code deadline}: every hop's connection, headers and body
     * (however slowly it trickles) share it, so a chain of slow hops cannot take longer than the deadline allows.
     */
    public Result fetch(URI url, Map<String, String> extraHeaders, Deadline deadline) {
        List<RedirectHop> chain = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            if (guard.check(current) instanceof UrlGuard.Refused r) {
                return failed(url, current, chain, r.reason());
            }
            if (!seen.add(current)) {
                return failed(url, current, chain, "redirect loop: " + String.join(" → ", seen.stream().map(URI::toString).toList()) + " → " + current);
            }
            if (deadline.expired()) {
                return unreachable(url, current, chain, "no complete answer within the time the audit allowed");
            }
            Single one;
            try {
                one = single(current, extraHeaders, deadline);
            } catch (IOException e) {
                // A tunnel the proxy refused surfaces as an I/O error; the guard's reason says more.
                Optional<String> refused = proxy.refusalFor(current.getHost());
                if (refused.isPresent()) {
                    return failed(url, current, chain, refused.get());
                }
                int port = current.getPort() != -1 ? current.getPort() : ("https".equalsIgnoreCase(current.getScheme()) ? 443 : 80);
                return unreachable(url, current, chain, proxy.unreachableFor(current.getHost(), port).orElse(describe(e)));
            }
            if (one.headers.first(GuardedProxy.REFUSED_HEADER).isPresent()) {
                return failed(url, current, chain, proxy.refusalFor(current.getHost()).orElse("refused by the URL guard"));
            }
            Optional<String> unreachableWhy = one.headers.first(GuardedProxy.UNREACHABLE_HEADER);
            if (unreachableWhy.isPresent()) {
                return unreachable(url, current, chain, unreachableWhy.get());
            }
            int status = one.status;
            Optional<String> location = one.headers.first("location");
            chain.add(new RedirectHop(current, status, location));
            if (status >= 300 && status < 400 && location.isPresent()) {
                if (hop + 1 > limits.maxRedirects()) {
                    return failed(url, current, chain, "more than " + limits.maxRedirects() + " redirects");
                }
                try {
                    // The host as the browser would read it (0x7f.1 is 127.0.0.1), which is what the guard judges.
                    current = UrlHost.canonical(current.resolve(location.get().strip().replace(" ", "%20")));
                } catch (IllegalArgumentException e) {
                    return failed(url, current, chain, "redirect to an invalid URL: " + location.get());
                }
                continue;
            }
            return new Result(url, current, Optional.of(status), one.headers, one.body, one.truncated, chain, Optional.empty(), false);
        }
    }

    /** Stops the fetcher's proxy; fetches after this fail. */
    @Override
    public void close() {
        proxy.close();
    }

    private static Result failed(URI requested, URI at, List<RedirectHop> chain, String why) {
        return new Result(requested, at, Optional.empty(), HeaderMap.empty(), new byte[0], false, chain, Optional.of(why), false);
    }

    /** Nothing answered at {@code at}: the reason reads "could not reach host:port — why". */
    private static Result unreachable(URI requested, URI at, List<RedirectHop> chain, String why) {
        return new Result(requested, at, Optional.empty(), HeaderMap.empty(), new byte[0], false, chain,
                Optional.of("could not reach " + hostPort(at) + " — " + why), true);
    }

    private record Single(int status, HeaderMap headers, byte[] body, boolean truncated) {}

    private Single single(URI url, Map<String, String> extraHeaders, Deadline deadline) throws IOException {
        Duration timeout = deadline.cap(limits.responseTimeout());
        HttpRequest.Builder req = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-US,en;q=0.9")
                .GET();
        extraHeaders.forEach(req::header);
        CompletableFuture<HttpResponse<Capped>> future = client.sendAsync(req.build(), info -> new CappedSubscriber(limits.maxBodyBytes()));
        try {
            // The client's timeout covers waiting for headers; this wait also covers a body that trickles or stalls, and
            // an audit stopped meanwhile (cancelled, shutting down) cancels the request at once.
            HttpResponse<Capped> r = deadline.watch("fetching " + url, timeout, () -> future.cancel(true), () -> await(future, timeout));
            return new Single(r.statusCode(), HeaderMap.of(r.headers().map()), r.body().bytes(), r.body().truncated());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static HttpResponse<Capped> await(CompletableFuture<HttpResponse<Capped>> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UncheckedIOException(new HttpTimeoutException("no complete answer within " + Math.max(1, timeout.toSeconds()) + " s"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new UncheckedIOException(c instanceof IOException io ? io : new IOException(c == null ? "request failed" : c.getMessage(), c));
        }
    }

    static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "the server did not accept a connection in time";
        }
        if (e instanceof HttpTimeoutException) {
            return "the server did not answer in time (" + e.getMessage() + ")";
        }
        if (root instanceof ConnectException || e instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof SSLException || e instanceof SSLException) {
            return "TLS handshake failed: " + root.getMessage();
        }
        String m = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** The body as read: at most the cap; the rest is dropped and the connection closed. */
    record Capped(byte[] bytes, boolean truncated) {}

    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<Capped> {
        private final long cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<Capped> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedSubscriber(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<Capped> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                int room = (int) Math.min(b.remaining(), cap - out.size());
                byte[] chunk = new byte[room];
                b.get(chunk);
                out.write(chunk, 0, room);
                if (out.size() >= cap) {
                    subscription.cancel();
                    result.complete(new Capped(out.toByteArray(), true));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new Capped(out.toByteArray(), false));
        }
    }

    /** A URL's host and port as people read them in a message: {@code example.com:443}, {@code [::1]:8080}. */
    public static String hostPort(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        String host = url.getHost() == null ? String.valueOf(url) : url.getHost();
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
