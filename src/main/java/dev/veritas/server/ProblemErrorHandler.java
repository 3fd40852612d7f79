package dev.veritas.server;

import dev.veritas.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Veritas sees them — a malformed request line or header, a URL or headers too large,
 * an unknown HTTP version, an ambiguous encoded path such as {@code %2F} or {@code ..} — still get a problem+json
 * answer that says what to fix, like every other error of the API, whatever their method.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final String TYPE = "application/problem+json; charset=utf-8";

    /** Jetty writes an error body only for GET, POST and HEAD by default; an OPTIONS or an unknown method deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        byte[] body = body(code, message, path);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, TYPE);
        return ByteBuffer.wrap(body(status, reason, null));
    }

    static byte[] body(int code, String message, String path) {
        // Jetty names a request it could not parse "/badMessage"; "*" is the target of OPTIONS *.
        Optional<String> instance = Optional.ofNullable(path).filter(p -> p.startsWith("/") && !p.equals("/badMessage"));
        return Json.write(Problem.Body.of(code, title(code), detail(code, message), instance)).getBytes(StandardCharsets.UTF_8);
    }

    static String title(int code) {
        return code == 400 ? "Bad request" : HttpStatus.getMessage(code);
    }

    /** What went wrong and what to do, for the refusals Jetty makes on its own. */
    static String detail(int code, String message) {
        String why = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return switch (code) {
            case 400 -> "the request could not be understood (" + why + "); send a well-formed HTTP/1.1 request";
            case 413 -> "request bodies are limited to 64 KiB";
            case 414 -> "the URL is too long; shorten it (URL and headers together are limited to 8 KiB)";
            case 431 -> "the request headers are too large; send fewer or shorter ones (limited to 8 KiB together)";
            case 417 -> "the only expectation understood here is Expect: 100-continue";
            case 426, 505 -> "this server speaks HTTP/1.1 and HTTP/1.0 (" + why + ")";
            default -> why;
        };
    }
}
