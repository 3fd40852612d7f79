package dev.veritas.testing.sites;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every request a test site's listeners received, in arrival order. Safe to read while requests arrive, and a test
 * can wait for a given request to arrive instead of sleeping.
 */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    void record(String scheme, HttpExchange exchange) {
        RecordedRequest request = new RecordedRequest(scheme, exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), Optional.ofNullable(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(), Instant.now());
        synchronized (requests) {
            requests.add(request);
            requests.notifyAll();
        }
    }

    List<RecordedRequest> snapshot() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** Waits until a request for {@code path} has been received (or was already); false if the timeout ran out. */
    boolean await(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (requests.stream().noneMatch(r -> r.path().equals(path))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                requests.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
