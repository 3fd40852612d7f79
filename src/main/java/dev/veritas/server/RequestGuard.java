package dev.veritas.server;

import dev.veritas.hosts.UrlHost;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before any handler runs, whether a request may be answered: the Host it names (without a token), its
 * token (with one), and for a request that changes something, that a web page of another site did not send it.
 *
 * <p>A page elsewhere can make a visitor's browser send requests to this server: a form can POST here, a script
 * can open the WebSocket, a name can be re-pointed at 127.0.0.1 (DNS rebinding). Browsers name the page's site in
 * {@code Origin} on every such request, and a form can send only form or text bodies. So a request that changes
 * something must carry JSON or the {@value #CLIENT_HEADER} header (a form can send neither, and a script on
 * another site cannot without this server's consent, which it never gives), and an {@code Origin}, when there is one,
 * must be this server's own. Clients that are not browsers send no {@code Origin}.
 */
final class RequestGuard {
    /** The header a client that sends no JSON body (e.g. `curl -X POST …/cancel`) adds to show it is not a web form. */
    static final String CLIENT_HEADER = "X-Veritas-Client";

    private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "::1");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<String> token;
    /** Host names this server answers to without a token: the loopback names and the address it is bound to. */
    private final List<String> ownHosts;
    /** Origins of other sites allowed to call this server from a browser. */
    private final Set<String> trustedOrigins;

    RequestGuard(ServerConfig config) {
        this.token = config.token();
        Set<String> hosts = new LinkedHashSet<>();
        if (ServerConfig.isLoopback(config.host())) {
            hosts.add(canonicalHost(config.host()));
        }
        hosts.addAll(LOOPBACK_NAMES);
        this.ownHosts = List.copyOf(hosts);
        Set<String> origins = new LinkedHashSet<>();
        config.corsOrigins().forEach(o -> origin(o).ifPresent(origins::add));
        this.trustedOrigins = Set.copyOf(origins);
    }

    /** The before-handler of every HTTP request. Throws a {@link Problem} to refuse. */
    void check(Context ctx) {
        boolean api = ctx.path().startsWith("/api/");
        if (api) {
            ctx.header("X-Content-Type-Options", "nosniff");
        }
        checkHostAndToken(ctx, api);
        if (api && !SAFE_METHODS.contains(ctx.method().name())) {
            checkOrigin(ctx);
            if (ctx.method().name().equals("POST")) {
                checkNotAForm(ctx);
            }
        }
    }

    /**
     * The same for a WebSocket upgrade, which skips the HTTP before-handlers; also refuses a malformed handshake
     * with a 4xx problem before the server's own handshake code would answer it with a bare 500 or 405.
     */
    void checkUpgrade(Context ctx) throws IOException {
        try {
            checkHostAndToken(ctx, true);
            // Browsers do not apply CORS to WebSockets: the Origin is the only sign of a page of another site.
            checkOrigin(ctx);
            checkHandshake(ctx);
        } catch (Problem p) {
            // On the upgrade path Javalin turns the exception into the status but writes no body, so write the
            // problem here; the exception then stops the upgrade.
            byte[] body = VeritasServer.problemBody(ctx, p.status, p.title, p.getMessage());
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
            ctx.res().flushBuffer();
            throw p;
        }
    }

    private void checkHostAndToken(Context ctx, boolean api) {
        if (token.isEmpty()) {
            // Bound to loopback without a token: refuse other Host names so a web page cannot reach this API
            // through DNS rebinding.
            String host = canonicalHost(hostName(Optional.ofNullable(ctx.header("Host")).orElse("")));
            if (!ownHosts.contains(host)) {
                throw new Problem(403, "Forbidden", "this Veritas server answers only to " + names()
                        + "; to serve other names, start it with an API token (--token)");
            }
            return;
        }
        if (!api) {
            return;
        }
        String given = bearer(ctx).orElse("");
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"veritas\"");
            throw Problem.unauthorized(given.isEmpty()
                    ? "this server needs an API token: send Authorization: Bearer <token>"
                    : "the API token is not valid");
        }
    }

    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return; // not sent by a browser
        }
        Optional<String> o = origin(origin);
        if (o.isPresent() && (sameAsHost(o.get(), ctx) || trustedOrigins.contains(o.get()))) {
            return;
        }
        throw new Problem(403, "Forbidden", "a page of another site (" + Requests.shorten(origin) + ") may not "
                + (ctx.header("Upgrade") != null ? "open this stream" : "change anything here")
                + "; use the Veritas web UI on this server, or a client that is not a browser");
    }

    private static void checkNotAForm(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") || ctx.header(CLIENT_HEADER) != null) {
            return;
        }
        // Only these two things a cross-site form cannot send (a script cannot either, without a CORS consent
        // this server never gives).
        throw new Problem(415, "Unsupported media type", "send the request as JSON with Content-Type: application/json "
                + "(an empty body where the endpoint takes none), or add the header " + CLIENT_HEADER + ": <your client's name>");
    }

    private static void checkHandshake(Context ctx) {
        String version = ctx.header("Sec-WebSocket-Version");
        if (!"13".equals(version == null ? null : version.strip())) {
            ctx.header("Sec-WebSocket-Version", "13");
            throw new Problem(426, "Upgrade required", "this WebSocket speaks version 13 (RFC 6455): send Sec-WebSocket-Version: 13");
        }
        String key = ctx.header("Sec-WebSocket-Key");
        if (key == null || !key.strip().matches("[A-Za-z0-9+/]{22}==")) {
            throw Problem.badRequest("a WebSocket handshake needs a Sec-WebSocket-Key (16 random bytes in base64)");
        }
    }

    /** Whether the origin names the host and port this request was sent to (what the browser showed as this server). */
    private boolean sameAsHost(String origin, Context ctx) {
        URI o = URI.create(origin);
        String originHost = canonicalHost(UrlHost.of(o).map(UrlHost::text).orElse(""));
        int originPort = o.getPort() != -1 ? o.getPort() : o.getScheme().equals("https") ? 443 : 80;
        String hostHeader = Optional.ofNullable(ctx.header("Host")).orElse("");
        String host = canonicalHost(hostName(hostHeader));
        Optional<Integer> port = portOf(hostHeader);
        boolean samePort = port.map(p -> p == originPort).orElse(originPort == 80 || originPort == 443);
        if (originHost.equals(host) && samePort) {
            return true;
        }
        // The same server under another of its own names (the UI opened at localhost, the API called at 127.0.0.1).
        return ownHosts.contains(originHost) && ownHosts.contains(host) && port.map(p -> p == originPort).orElse(false);
    }

    /** An Origin as scheme://host[:port] in canonical form; empty for "null" and anything that is not an origin. */
    private static Optional<String> origin(String raw) {
        try {
            URI u = new URI(raw.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            Optional<UrlHost> host = UrlHost.of(u);
            if (!(scheme.equals("http") || scheme.equals("https")) || host.isEmpty() || host.get() instanceof UrlHost.Invalid
                    || (u.getRawPath() != null && !u.getRawPath().isEmpty())) {
                return Optional.empty();
            }
            int port = UrlHost.portOf(u);
            return Optional.of(scheme + "://" + host.get().authority() + (port == -1 ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private String names() {
        List<String> names = ownHosts.stream().filter(h -> !h.equals("::1")).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The host name of a Host header, without its port. */
    static String hostName(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && colon > h.lastIndexOf(']') && h.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            h = h.substring(0, colon);
        }
        return h;
    }

    private static Optional<Integer> portOf(String header) {
        int colon = header.lastIndexOf(':');
        if (colon > 0 && colon > header.lastIndexOf(']')) {
            String digits = header.substring(colon + 1);
            if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
                return Optional.of(Integer.parseInt(digits));
            }
        }
        return Optional.empty();
    }

    /** A host as the browser writes it (127.0.0.1 for 0x7f.1, ::1 for [0:0::1], lower case), without brackets. */
    static String canonicalHost(String host) {
        return UrlHost.parseBareOrBracketed(host).text().toLowerCase(Locale.ROOT);
    }

    /** The token from the Authorization header, or from ?access_token= for EventSource and WebSocket clients that cannot set headers. */
    private static Optional<String> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(h.substring(7).strip());
        }
        return Optional.ofNullable(ctx.queryParam("access_token"));
    }
}
