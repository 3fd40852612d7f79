package dev.veritas.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The old clients' WebSocket stream, /api/audit/stream/{id}, through a real upgrade with java.net.http. */
final class LegacySocket {
    private LegacySocket() {}

    /** What a connection received: its text messages in order, and whether the server closed it. */
    record Messages(List<String> texts, boolean closed) {}

    private static CompletableFuture<WebSocket> connect(int port, String path, Optional<String> token, WebSocket.Listener listener) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b.buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener);
    }

    /** The HTTP status that refused the upgrade, or 101 when the upgrade succeeded. */
    static int refusal(int port, String path, Optional<String> token) throws InterruptedException, TimeoutException {
        try {
            connect(port, path, token, new WebSocket.Listener() {}).get(30, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new AssertionError("the upgrade failed without an HTTP answer", e.getCause());
        }
    }

    /** Connects and reads until the server closes the connection (at most 60 s). */
    static Messages read(int port, String path, Optional<String> token) throws Exception {
        List<String> texts = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        WebSocket ws = connect(port, path, token, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    texts.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).get(30, TimeUnit.SECONDS);
        try {
            closed.get(60, TimeUnit.SECONDS);
            return new Messages(List.copyOf(texts), true);
        } catch (TimeoutException e) {
            return new Messages(List.copyOf(texts), false);
        } finally {
            ws.abort();
        }
    }
}
