package dev.veritas.eval.pages;

import dev.veritas.eval.pages.PageManifest.Corpus;
import dev.veritas.eval.pages.PageManifest.Row;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each played host answers, decided from the manifest alone (no sockets here):
 * <ul>
 *   <li>a <b>kit</b> host, over HTTPS and plain HTTP alike: {@code /} and {@code /<page file>} answer the page with
 *       the manifest's headers; {@code GET /index.php} redirects (302) to the page; any other {@code .php} is 404;
 *       every {@code POST} is 303 to {@code /} (nothing is processed); any other path is the file of that name in the
 *       kit's folder, with a Content-Type from its extension, or 404. No security headers: cheap shared hosting.</li>
 *   <li>a <b>page</b> host: over HTTPS each page at exactly its path and query, with the manifest's headers, any
 *       other path a small 404 page; plain HTTP redirects (301) to the same path over HTTPS.</li>
 * </ul>
 */
final class PlayedSites {
    private static final byte[] NOT_FOUND = "<!doctype html><title>404 Not Found</title><h1>Not Found</h1><p>The requested URL was not found on this server.</p>\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final String HTML = "text/html; charset=utf-8";

    /** One answer: status, headers in order, and the body (a file or bytes; none for redirects). */
    record Response(int status, Map<String, String> headers, Optional<Path> file, byte[] bytes) {
        static Response redirect(int status, String location, Map<String, String> base) {
            Map<String, String> h = new LinkedHashMap<>(base);
            h.put("Location", location);
            return new Response(status, h, Optional.empty(), new byte[0]);
        }
    }

    private sealed interface Site permits Kit, Pages {}

    /** A kit: its folder, its page, and the headers the manifest gives the page. */
    private record Kit(Path folder, Path page, Map<String, String> headers) implements Site {}

    /** The saved pages of one host, by decoded path and query ({@code /a/b?x=1}). */
    private record Pages(Map<String, Row> byTarget) implements Site {}

    private final Map<String, Site> sites;

    private PlayedSites(Map<String, Site> sites) {
        this.sites = sites;
    }

    /** The sites of every row; a host claimed by two kits, or by a kit and a page, is a manifest error. */
    static PlayedSites of(List<Row> rows) {
        Map<String, Site> sites = new TreeMap<>();
        for (Row r : rows) {
            Site existing = sites.get(r.host());
            if (r.corpus() == Corpus.PHISH) {
                Kit kit = new Kit(r.file().getParent(), r.file(), r.headers());
                if (existing != null && !existing.equals(kit)) {
                    throw conflict(r);
                }
                sites.put(r.host(), kit);
            } else {
                if (existing instanceof Kit) {
                    throw conflict(r);
                }
                Pages pages = existing == null ? new Pages(new LinkedHashMap<>()) : (Pages) existing;
                Row other = pages.byTarget().putIfAbsent(target(r.url().getPath(), r.url().getQuery()), r);
                if (other != null && !other.file().equals(r.file())) {
                    throw conflict(r);
                }
                sites.put(r.host(), pages);
            }
        }
        return new PlayedSites(sites);
    }

    private static PageManifest.FormatException conflict(Row r) {
        return new PageManifest.FormatException("line " + r.line() + ": " + r.url()
                + " is already served with another file by an earlier row; one host serves one kit, or pages at distinct URLs");
    }

    /** Every played host name, lower case. */
    Set<String> hosts() {
        return sites.keySet();
    }

    /** The answer to a request for {@code target} (origin form: path and query) at the host of the Host header. */
    Response respond(String host, boolean secure, String method, URI target) {
        String h = bareHost(host);
        Site site = sites.get(h);
        if (site == null) {
            return notFound(Map.of());
        }
        String path = target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath();
        return site instanceof Kit kit ? kit(kit, method, path) : pages((Pages) site, h, secure, path, target);
    }

    private Response kit(Kit kit, String method, String p) {
        Map<String, String> base = withoutContentType(kit.headers());
        if (method.equalsIgnoreCase("POST")) {
            return Response.redirect(303, "/", base);
        }
        String pageName = kit.page().getFileName().toString();
        if (p.equals("/") || p.equals("/" + pageName)) {
            return new Response(200, kit.headers(), Optional.of(kit.page()), new byte[0]);
        }
        if (p.equals("/index.php") && method.equalsIgnoreCase("GET")) {
            return Response.redirect(302, pageName, base);
        }
        if (p.toLowerCase(Locale.ROOT).endsWith(".php")) {
            return notFound(base);
        }
        Optional<Path> file = inside(kit.folder(), p);
        if (file.isEmpty()) {
            return notFound(base);
        }
        Map<String, String> headers = new LinkedHashMap<>(base);
        headers.put("Content-Type", ContentTypes.forFile(file.get().getFileName().toString()));
        return new Response(200, headers, file, new byte[0]);
    }

    private Response pages(Pages pages, String host, boolean secure, String path, URI target) {
        Row any = pages.byTarget().values().iterator().next();
        if (!secure) {
            String raw = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            return Response.redirect(301, "https://" + host + raw, Map.of("Server", any.headers().getOrDefault("Server", "nginx")));
        }
        Row page = pages.byTarget().get(target(path, target.getQuery()));
        if (page == null) {
            return notFound(withoutContentType(any.headers()));
        }
        return new Response(200, page.headers(), Optional.of(page.file()), new byte[0]);
    }

    private static String target(String path, String query) {
        String p = path == null || path.isEmpty() ? "/" : path;
        return query == null ? p : p + "?" + query;
    }

    /** The file at this URL path inside the folder, never outside it. */
    private static Optional<Path> inside(Path folder, String urlPath) {
        try {
            Path f = folder.resolve(urlPath.substring(1)).normalize();
            return f.startsWith(folder) && !f.equals(folder) && Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Response notFound(Map<String, String> base) {
        Map<String, String> headers = new LinkedHashMap<>(base);
        headers.put("Content-Type", HTML);
        return new Response(404, headers, Optional.empty(), NOT_FOUND);
    }

    private static Map<String, String> withoutContentType(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
        return out;
    }

    private static String bareHost(String hostHeader) {
        String h = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
