package dev.veritas.server;

import dev.veritas.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Veritas sees them (an ambiguous encoded path such as {@code %2F} or {@code ..})
 * still get a problem+json answer, like every other error of the API.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String detail = code == 400 ? "the request could not be understood (" + (message == null ? "malformed request" : message) + ")"
                : message == null ? "request failed" : message;
        String body = Json.write(Json.object().put("type", "about:blank").put("title", code == 400 ? "Bad request" : "Error")
                .put("status", code).put("detail", detail));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
