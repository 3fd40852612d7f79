package dev.veritas.testing.sites;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one listener of a test site answers: it records the request, adds the site's headers, then routes to
 * the hostile endpoints, the HTTP→HTTPS redirect or the site's files. A failure in any of them becomes a 500 for that
 * request only; the server goes on.
 */
final class SiteHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SiteHandler.class);

    private final String scheme;
    private final SiteConfig config;
    private final Origins origins;
    private final RequestLog log;
    private final StaticFiles files;
    private final HostileEndpoints hostile;

    SiteHandler(String scheme, SiteConfig config, Origins origins, RequestLog log, HostileEndpoints hostile) {
        this.scheme = scheme;
        this.config = config;
        this.origins = origins;
        this.log = log;
        this.files = new StaticFiles(config.root());
        this.hostile = hostile;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            log.record(scheme, exchange);
            addSiteHeaders(exchange);
            route(exchange);
        } catch (InterruptedException e) {
            // The server is closing; the request ends unanswered.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Usually the client went away mid-response, which hostile-endpoint tests do on purpose.
            LOG.debug("{} {} on {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), scheme, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("test site {} failed on {} {}", config.site().folder(), exchange.getRequestMethod(),
                    exchange.getRequestURI(), e);
            answerServerError(exchange);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        if (HostileEndpoints.handles(path)) {
            hostile.serve(exchange, scheme);
        } else if ("http".equals(scheme) && config.httpRedirectsToHttps()) {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String target = origins.https() + exchange.getRequestURI().getRawPath()
                    + (rawQuery == null ? "" : "?" + rawQuery);
            Responses.redirect(exchange, 301, target);
        } else {
            files.serve(exchange);
        }
    }

    private void addSiteHeaders(HttpExchange exchange) {
        for (HeaderLine header : config.headers()) {
            // HSTS means nothing over plain HTTP (RFC 6797 §8.1), so a careful site only sends it over HTTPS.
            if ("http".equals(scheme) && header.name().equalsIgnoreCase("Strict-Transport-Security")) {
                continue;
            }
            exchange.getResponseHeaders().add(header.name(), header.value());
        }
    }

    private static void answerServerError(HttpExchange exchange) {
        if (exchange.getResponseCode() != -1) {
            return; // headers already went out; closing the exchange is all that is left
        }
        try {
            exchange.sendResponseHeaders(500, -1);
        } catch (IOException ignored) {
            // the client is gone
        }
    }
}
