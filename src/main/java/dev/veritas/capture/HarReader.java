package dev.veritas.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.hosts.RegistrableDomain;
import dev.veritas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.veritas.capture.network.HttpPageCapturer;
import dev.veritas.capture.network.TlsProbe;

/**
 * Audits a capture taken elsewhere: a HAR 1.2 file (browser dev tools' "Save all as HAR"). Exchanges are read
 * in order; 3xx entries with a Location form redirect chains; the first chain that starts at http:// is the
 * redirection probe; an entry whose request carries an Origin header is the CORS probe; HTTPS responses count
 * as certificate-valid unless the entry's {@code _securityDetails} say otherwise.
 */
public final class HarReader {
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private HarReader() {}

    public static SiteCapture read(Path file) {
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new HarException(file + " does not exist or is not a file");
            }
            if (Files.size(file) == 0) {
                throw new HarException(file + " is empty (0 bytes); save the HAR again from the browser's network panel");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new HarException(file + " is larger than 512 MB; save a HAR of fewer pages");
            }
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new HarException(file + " is not a HAR file: it is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new HarException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(root, file.toString());
    }

    /** A HAR already parsed as JSON (e.g. one of many in a file); {@code name} says which in error messages. */
    public static SiteCapture read(JsonNode root, String name) {
        return parse(root, name);
    }

    static SiteCapture parse(JsonNode root, String name) {
        JsonNode entries = root.path("log").path("entries");
        if (!entries.isArray()) {
            throw new HarException(name + " is not a HAR file: it has no log.entries list");
        }
        if (entries.isEmpty()) {
            throw new HarException(name + " holds no requests (log.entries is empty); record the page again with the network panel open");
        }
        List<Exchange> exchanges = new ArrayList<>();
        int i = 0;
        for (JsonNode e : entries) {
            i++;
            try {
                exchanges.add(Exchange.of(e));
            } catch (RuntimeException ex) {
                throw new HarException(name + ": entry " + i + " is broken (" + ex.getMessage() + ")");
            }
        }
        Instant started = exchanges.get(0).started;
        Map<String, TlsFacts> tls = new LinkedHashMap<>();
        exchanges.forEach(x -> x.tls.ifPresent(t -> tls.putIfAbsent(SiteCapture.originKey(x.url), t)));

        // Chains: an exchange whose URL some 3xx pointed to continues that chain.
        Set<Integer> consumed = new HashSet<>();
        Optional<SiteCapture.HttpProbe> httpProbe = Optional.empty();
        Optional<SiteCapture.CorsProbe> cors = Optional.empty();
        List<PageCapture> pages = new ArrayList<>();
        Optional<String> firstPageSource = Optional.empty();
        Optional<PageCapture> visited = Optional.empty();
        Optional<String> visitedSource = Optional.empty();
        URI target = exchanges.get(0).url;
        List<Exchange> withOrigin = new ArrayList<>();
        boolean first = true;
        for (int start = 0; start < exchanges.size(); start++) {
            Exchange request = exchanges.get(start);
            if (request.origin.isPresent()) {
                // Requests carrying an Origin are cross-origin fetches (fonts, XHR), not pages; one of them may be the CORS probe.
                withOrigin.add(request);
                consumed.add(start);
                continue;
            }
            if (consumed.contains(start)) {
                continue;
            }
            List<Integer> chain = follow(exchanges, start, consumed);
            Exchange last = exchanges.get(chain.get(chain.size() - 1));
            List<RedirectHop> hops = chain.stream().map(exchanges::get)
                    .map(x -> new RedirectHop(x.url, x.status, x.headers.first("location").or(() -> x.redirectUrl))).toList();
            boolean startsHttp = request.url.getScheme().equalsIgnoreCase("http");
            // The first request is the address that was visited: when it was plain http://, its chain is what plain HTTP
            // does, even a page served without any redirect. A later http:// chain only counts when it redirects.
            if (startsHttp && httpProbe.isEmpty() && (first || chain.size() > 1)) {
                httpProbe = Optional.of(new SiteCapture.HttpProbe(request.url, true, hops, Optional.empty()));
            }
            if (first && last.contentKept) {
                // Should the capture hold no HTML page at all, the site's answer is what the visited address served
                // (an API's JSON, an error page), as the Observatory grades it.
                visited = Optional.of(HttpPageCapturer.fromResponse(request.url, last.url, last.status, hops, last.headers, last.body, false));
                visitedSource = Optional.of(last.text);
            }
            first = false;
            boolean sameSite = pages.isEmpty() || RegistrableDomain.sameSite(last.url, pages.get(0).finalUrl());
            if (last.isHtmlDocument() && sameSite) {
                // Other sites' HTML in the capture (ad and widget frames) is not the audited site.
                if (pages.isEmpty()) {
                    firstPageSource = Optional.of(last.text);
                }
                pages.add(HttpPageCapturer.fromResponse(request.url, last.url, last.status, hops, last.headers, last.body, false));
            }
        }
        if (pages.isEmpty() && visited.isPresent()) {
            pages.add(visited.get());
            firstPageSource = visitedSource;
        }
        if (pages.isEmpty()) {
            throw new HarException(name + " has no HTML page among its " + exchanges.size()
                    + " requests (the page responses may have been saved without content); save the HAR with content");
        }
        Set<URI> pageUrls = new HashSet<>();
        pages.forEach(p -> pageUrls.add(p.finalUrl()));
        for (Exchange x : withOrigin) {
            if (pageUrls.contains(x.url)) {
                cors = Optional.of(new SiteCapture.CorsProbe(x.origin.get(), x.headers));
                break;
            }
        }
        target = pages.get(0).requestedUrl();
        return new SiteCapture(target, CaptureSource.HAR, started, pages, httpProbe, cors, tls,
                List.of("captured from a HAR file: no screenshots, scripts did not run again, timers were not probed"), firstPageSource);
    }

    private static List<Integer> follow(List<Exchange> xs, int start, Set<Integer> consumed) {
        List<Integer> chain = new ArrayList<>(List.of(start));
        consumed.add(start);
        Exchange cur = xs.get(start);
        while (cur.status >= 300 && cur.status < 400) {
            Exchange here = cur;
            Optional<String> loc = here.headers.first("location").or(() -> here.redirectUrl);
            if (loc.isEmpty()) {
                break;
            }
            URI next;
            try {
                next = cur.url.resolve(loc.get().strip());
            } catch (IllegalArgumentException e) {
                break;
            }
            int found = -1;
            for (int j = chain.get(chain.size() - 1) + 1; j < xs.size(); j++) {
                if (!consumed.contains(j) && xs.get(j).url.equals(next)) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                break;
            }
            chain.add(found);
            consumed.add(found);
            if (chain.size() > 20) {
                break;
            }
            cur = xs.get(found);
        }
        return chain;
    }

    /** One request and its response. */
    private static final class Exchange {
        URI url;
        int status;
        HeaderMap headers;
        Optional<String> redirectUrl;
        byte[] body;
        String text;
        boolean contentKept;
        String mimeType;
        Optional<String> origin;
        Instant started;
        Optional<TlsFacts> tls;

        static Exchange of(JsonNode e) {
            Exchange x = new Exchange();
            JsonNode req = e.path("request");
            JsonNode res = e.path("response");
            String u = req.path("url").asText(null);
            if (u == null || u.isBlank()) {
                throw new IllegalArgumentException("request.url is missing");
            }
            x.url = URI.create(u.strip().replace(" ", "%20"));
            if (x.url.getScheme() == null || !(x.url.getScheme().equalsIgnoreCase("http") || x.url.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("request.url is not an http(s) URL: " + u);
            }
            if (!res.path("status").canConvertToInt()) {
                throw new IllegalArgumentException("response.status is missing");
            }
            x.status = res.path("status").asInt();
            x.headers = headers(res.path("headers"));
            x.origin = headers(req.path("headers")).first("origin");
            String redirect = res.path("redirectURL").asText("");
            x.redirectUrl = redirect.isBlank() ? Optional.empty() : Optional.of(redirect);
            JsonNode content = res.path("content");
            x.mimeType = content.path("mimeType").asText(x.headers.first("content-type").orElse("")).toLowerCase(Locale.ROOT);
            String text = content.path("text").asText("");
            boolean base64 = "base64".equalsIgnoreCase(content.path("encoding").asText());
            x.body = base64 ? decodeBase64(text) : text.getBytes(StandardCharsets.UTF_8);
            x.text = base64 ? new String(x.body, charset(x.headers.first("content-type").orElse(""))) : text;
            // A HAR saved without content keeps the size of the body but not its text.
            x.contentKept = content.has("text") || content.path("size").asLong(0) <= 0;
            x.started = parseTime(e.path("startedDateTime").asText(""));
            x.tls = x.url.getScheme().equalsIgnoreCase("https") ? Optional.of(tls(x.url, e.path("_securityDetails").isMissingNode()
                    ? res.path("_securityDetails") : e.path("_securityDetails"), x.started)) : Optional.empty();
            return x;
        }

        private static Charset charset(String contentType) {
            for (String parameter : contentType.split(";")) {
                String p = parameter.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
            return StandardCharsets.UTF_8;
        }

        /** A 2xx HTML response with content; a HAR saved without content has the page's entry but no page. */
        boolean isHtmlDocument() {
            return status >= 200 && status < 300 && body.length > 0 && (mimeType.contains("html") || (mimeType.isEmpty() && new String(body, 0,
                    Math.min(body.length, 512), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("<html")));
        }

        private static byte[] decodeBase64(String s) {
            try {
                // Strict, line breaks aside: the MIME decoder skips every character it does not know, so text that is not
                // base64 at all would decode to garbage instead of being reported.
                return Base64.getDecoder().decode(s.replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("response content says base64 but is not");
            }
        }

        private static HeaderMap headers(JsonNode array) {
            HeaderMap.Builder b = HeaderMap.builder();
            if (array.isArray()) {
                for (JsonNode h : array) {
                    String n = h.path("name").asText("");
                    if (!n.isBlank() && !n.startsWith(":")) {
                        b.add(n, h.path("value").asText(""));
                    }
                }
            }
            return b.build();
        }

        private static Instant parseTime(String s) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return Instant.EPOCH;
            }
        }

        /** HTTPS counts as valid unless the HAR says otherwise: an explicit error, expired dates, or names that do not cover the host. */
        private static TlsFacts tls(URI url, JsonNode sd, Instant at) {
            String host = url.getHost();
            int port = url.getPort() == -1 ? 443 : url.getPort();
            if (sd.isMissingNode() || sd.isNull()) {
                return new TlsFacts(host, port, true, Optional.empty(), false, false, false, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty());
            }
            Optional<Instant> notAfter = sd.has("validTo") ? Optional.of(Instant.ofEpochSecond(sd.path("validTo").asLong())) : Optional.empty();
            Optional<Instant> notBefore = sd.has("validFrom") ? Optional.of(Instant.ofEpochSecond(sd.path("validFrom").asLong())) : Optional.empty();
            Instant when = at.equals(Instant.EPOCH) ? Instant.now() : at;
            boolean expired = notAfter.map(na -> na.isBefore(when)).orElse(false) || notBefore.map(nb -> nb.isAfter(when)).orElse(false);
            List<String> sans = new ArrayList<>();
            sd.path("sanList").forEach(n -> sans.add(n.asText()));
            boolean mismatch = !sans.isEmpty() && !TlsProbe.matchesHost(host, sans, null);
            Optional<String> explicit = Optional.ofNullable(sd.get("certificateError")).or(() -> Optional.ofNullable(sd.get("_certificateError")))
                    .map(JsonNode::asText).filter(s -> !s.isBlank());
            boolean markedInvalid = sd.has("certificateValid") && !sd.path("certificateValid").asBoolean(true);
            boolean valid = !expired && !mismatch && explicit.isEmpty() && !markedInvalid;
            Optional<String> problem = valid ? Optional.empty() : Optional.of(explicit.orElse(expired ? "the certificate has expired"
                    : mismatch ? "the certificate is for another host name" : "the capture marks the certificate as invalid"));
            String issuer = sd.path("issuer").asText("");
            String subject = sd.path("subjectName").asText("");
            return new TlsFacts(host, port, valid, problem, expired, !issuer.isEmpty() && issuer.equals(subject), mismatch, notAfter,
                    issuer.isEmpty() ? Optional.empty() : Optional.of(issuer), subject.isEmpty() ? Optional.empty() : Optional.of(subject),
                    sans, Optional.ofNullable(sd.get("protocol")).map(JsonNode::asText));
        }
    }

    /** A HAR file that cannot be used; the message says what is wrong with it. */
    public static final class HarException extends IllegalArgumentException {
        public HarException(String message) {
            super(message);
        }
    }
}
