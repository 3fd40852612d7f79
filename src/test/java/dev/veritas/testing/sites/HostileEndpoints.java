package dev.veritas.testing.sites;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Endpoints under {@code /_hostile/} that misbehave the way real sites do, so Veritas' crawler can be tested against
 * them: redirect loops, a request that is never answered, huge, binary and broken pages, a trickling response, an
 * HTTPS→HTTP downgrade and a long redirect chain. Both listeners serve them, whatever the site's redirect setting.
 *
 * <p>The endpoints that wait ({@code hang}, {@code slow}) wait on the server's closing latch, so closing the server
 * releases their threads at once.
 */
final class HostileEndpoints {
    static final String PREFIX = "/_hostile/";
    /** Size of {@code /_hostile/huge}: 50 MiB. */
    static final long HUGE_BYTES = 50L * 1024 * 1024;
    /** Size of {@code /_hostile/binary} and {@code /_hostile/binary-as-html}: 4 MiB. */
    static final long BINARY_BYTES = 4L * 1024 * 1024;
    /** Redirects {@code /_hostile/many-redirects} makes before the page. */
    static final int MANY_REDIRECT_HOPS = 7;
    /** What {@code /_hostile/slow} sends, one byte a second. */
    static final String SLOW_BODY =
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Slow</title></head>"
                    + "<body><p>This page arrives one byte a second.</p></body></html>\n";
    /** A page broken in many ways at once, with a NUL byte in the middle. */
    static final String MALFORMED_BODY = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Broken page</title>
            <body>
            <div class="outer"><p>Unclosed paragraph <b>bold <i>crossed</b> nesting</i>
            <p>Another paragraph with an unclosed <span>span
            </html>
            <h1>Content after the closing html tag</h1>
            <form action="/_hostile/outer" method="post"><input name="outer">
              <form action="/_hostile/inner" method="post"><input name="inner" type="password"></form>
            </form></form>
            <p>Invalid entities: &notanentity; &#xZZZ; &#99999999; &amp &lt &#0; done.
            <table><tr><td>cell<div>div in a cell</table></td></tr>
            <p>A NUL byte here: [\0] and after it more text.
            <a href="/_hostile/malformed" <a href="/">broken attribute</a>
            <img src=/favicon.ico alt=unquoted"quote>
            <ul><li>one<li>two</ol>
            </body></body></html></div>
            <p>Trailing text after everything.
            """;
    private static final int CHUNK = 64 * 1024;

    private final Origins origins;
    private final CountDownLatch closing;

    HostileEndpoints(Origins origins, CountDownLatch closing) {
        this.origins = origins;
        this.closing = closing;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    /** Answers a {@code /_hostile/…} request; {@code scheme} is the listener it arrived on. */
    void serve(HttpExchange exchange, String scheme) throws IOException, InterruptedException {
        String name = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String self = origins.of(scheme) + PREFIX;
        switch (name) {
            case "loop" -> Responses.redirect(exchange, 302, self + "loop");
            case "loop-a" -> Responses.redirect(exchange, 302, self + "loop-b");
            case "loop-b" -> Responses.redirect(exchange, 302, self + "loop-a");
            case "hang" -> hang();
            case "huge" -> huge(exchange);
            case "binary" -> randomBytes(exchange, "application/octet-stream");
            case "binary-as-html" -> randomBytes(exchange, "text/html; charset=utf-8");
            case "malformed" -> Responses.html(exchange, 200, MALFORMED_BODY);
            case "slow" -> slow(exchange);
            case "downgrade" -> Responses.redirect(exchange, 302, origins.http() + PREFIX + "downgraded");
            case "downgraded" -> Responses.html(exchange, 200, page("Plain HTTP page",
                    "This page was reached by a redirect from HTTPS to plain HTTP."));
            default -> manyRedirectsOrNotFound(exchange, self, name);
        }
    }

    /**
     * {@code many-redirects} → {@code many-redirects/1} → … → {@code many-redirects/6} → {@code many-redirects/end}:
     * seven redirects, then a page.
     */
    private void manyRedirectsOrNotFound(HttpExchange exchange, String self, String name) throws IOException {
        String base = "many-redirects";
        if (name.equals(base)) {
            Responses.redirect(exchange, 302, self + base + "/1");
        } else if (name.equals(base + "/end")) {
            Responses.html(exchange, 200, page("Arrived", "This page comes after " + MANY_REDIRECT_HOPS
                    + " redirects."));
        } else if (name.matches(base + "/[1-9]")) {
            int hop = Integer.parseInt(name.substring(base.length() + 1));
            if (hop < MANY_REDIRECT_HOPS - 1) {
                Responses.redirect(exchange, 302, self + base + "/" + (hop + 1));
            } else if (hop == MANY_REDIRECT_HOPS - 1) {
                Responses.redirect(exchange, 302, self + base + "/end");
            } else {
                Responses.notFound(exchange);
            }
        } else {
            Responses.notFound(exchange);
        }
    }

    /** Accepts the request and never answers; the thread is released when the server closes. */
    private void hang() throws InterruptedException {
        closing.await();
    }

    /** 50 MiB of HTML generated as it is written, so the server never holds the page. */
    private static void huge(HttpExchange exchange) throws IOException {
        byte[] head = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Huge page</title>"
                + "</head><body>\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</body></html>\n".getBytes(StandardCharsets.US_ASCII);
        byte[] row = "<p>Filler paragraph of a very large page that a crawler should not read to the end.</p>\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[CHUNK - CHUNK % row.length];
        for (int i = 0; i < block.length; i += row.length) {
            System.arraycopy(row, 0, block, i, row.length);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (Responses.isHead(exchange)) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(HUGE_BYTES));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, HUGE_BYTES);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head);
            long filler = HUGE_BYTES - head.length - tail.length;
            while (filler > 0) {
                int n = (int) Math.min(block.length, filler);
                out.write(block, 0, n);
                filler -= n;
            }
            out.write(tail);
        }
    }

    /** Seeded random bytes, generated chunk by chunk: the same bytes on every request. */
    private static void randomBytes(HttpExchange exchange, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (Responses.isHead(exchange)) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(BINARY_BYTES));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, BINARY_BYTES);
        SplittableRandom random = new SplittableRandom(0x7e57_5eedL);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long left = BINARY_BYTES; left > 0; left -= chunk.length) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long bits = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (bits >>> (8 * b));
                    }
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    /** Sends {@link #SLOW_BODY} one byte a second, chunked, flushing each byte. */
    private void slow(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] body = SLOW_BODY.getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i++) {
                out.write(Arrays.copyOfRange(body, i, i + 1));
                out.flush();
                // The wait is the point of this endpoint; closing the server cuts it short.
                if (i + 1 < body.length && closing.await(1, TimeUnit.SECONDS)) {
                    return;
                }
            }
        }
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>" + text + "</p><p><a href=\"/\">Home</a></p></body></html>\n";
    }
}
