package dev.veritas.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * An error answer in RFC 9457 problem+json: a status, a short title, and a detail a person can act on.
 * Thrown by handlers; the server turns it into the response.
 */
final class Problem extends RuntimeException {
    final int status;
    final String title;

    /** Seconds after which the request may succeed, for a Retry-After header; 0 for none. */
    final long retryAfterSeconds;

    Problem(int status, String title, String detail) {
        this(status, title, detail, 0);
    }

    Problem(int status, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    static Problem tooLarge(String detail) {
        return new Problem(413, "Request body too large", detail);
    }

    static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    /**
     * The problem+json body, for the API's own problems and for the HTTP server's refusals alike. {@code type} is
     * always {@code about:blank}: the status says what kind of problem it is. {@code instance} is the path asked for,
     * when there is one worth naming.
     */
    record Body(String type, String title, int status, String detail, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> instance) {
        static Body of(int status, String title, String detail, Optional<String> path) {
            return new Body("about:blank", title, status, detail, path.map(Requests::shorten));
        }
    }
}
