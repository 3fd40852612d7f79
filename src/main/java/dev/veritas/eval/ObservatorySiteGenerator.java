package dev.veritas.eval;

import dev.veritas.eval.ObservatorySite.Header;
import dev.veritas.eval.ObservatorySite.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import java.util.Locale;
/**
 * Makes sites for comparing Veritas's Observatory grade with the Observatory's own analyzer: every input
 * the twelve tests read — redirect chains, CSP in headers and {@code <meta>}, cookies, HSTS, the framing,
 * sniffing, referrer and cross-origin headers, CORS answers, scripts for subresource integrity — in ordinary,
 * odd and malformed forms (repeated header lines, unusual case and spacing, empty values, broken markup).
 * The same seed always gives the same sites.
 *
 * @param preloaded host names on the HSTS preload list to build some sites on (their own and subdomains)
 */
public record ObservatorySiteGenerator(long seed, List<String> preloaded) {

    public ObservatorySiteGenerator {
        preloaded = List.copyOf(preloaded);
    }

    public List<ObservatorySite> generate(int count) {
        Random random = new Random(seed);
        List<ObservatorySite> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sites.add(new One(random, "s" + seed + "-" + i).site());
        }
        return sites;
    }

    private static final String[] ETLDS = {"com", "net", "org", "co.uk", "com.au", "de", "io", "github.io", "herokuapp.com",
        "blogspot.com", "appspot.com", "azurewebsites.net"};
    private static final String[] WORDS = {"shop", "bank", "news", "mail", "acme", "cloud", "store", "travel", "pay", "photo"};

    /** One site under construction; fields are filled test by test. */
    private final class One {
        final Random r;
        final String id;
        final String host;
        final List<Header> headers = new ArrayList<>();
        final StringBuilder head = new StringBuilder();
        final StringBuilder bodyHtml = new StringBuilder();
        boolean htmlBody = true;

        One(Random r, String id) {
            this.r = r;
            this.id = id;
            this.host = siteHost();
        }

        <T> T pick(List<T> options) {
            return options.get(r.nextInt(options.size()));
        }

        String pick(String... options) {
            return options[r.nextInt(options.length)];
        }

        boolean chance(double p) {
            return r.nextDouble() < p;
        }

        String siteHost() {
            if (!preloaded.isEmpty() && chance(0.08)) {
                String name = pick(preloaded);
                // A name ending in a number is an IP address; a subdomain of it would be no valid host at all.
                boolean numeric = Character.isDigit(name.charAt(name.length() - 1));
                return !numeric && (chance(0.5) || !name.contains(".")) ? pick("www.", "app.", "a.b.") + name : name;
            }
            if (chance(0.03)) {
                return "192.0.2." + (1 + r.nextInt(250));
            }
            String label = pick(WORDS) + r.nextInt(1000);
            String etld = pick(ETLDS);
            return switch (r.nextInt(4)) {
                case 0 -> "www." + label + "." + etld;
                case 1 -> pick("login", "secure", "m") + "." + label + "." + etld;
                default -> label + "." + etld;
            };
        }

        /** The registrable-looking parent of the site's host, for subdomain and cookie-domain variants. */
        String parent() {
            int dot = host.indexOf('.');
            return dot > 0 && host.indexOf('.', dot + 1) > 0 ? host.substring(dot + 1) : host;
        }

        ObservatorySite site() {
            List<Hop> chain = chain();
            boolean https = chain.stream().anyMatch(h -> h.url().startsWith("https:"));
            contentType();
            csp(https);
            cookies();
            hsts();
            simpleHeaders();
            scripts();
            noise();
            String body = body();
            return new ObservatorySite(id, host, chain, headers, body, cors());
        }

        List<Hop> chain() {
            String path = pick("/", "/", "/", "/login", "/app/home", "/a/b/c?x=1");
            String other = Character.isDigit(host.charAt(0)) ? "elsewhere" + r.nextInt(50) + ".net" : pick("www." + host, "cdn-" + host, "elsewhere" + r.nextInt(50) + ".net", host.startsWith("www.") ? host.substring(4) : "www." + host);
            int finalStatus = chance(0.85) ? 200 : Integer.parseInt(pick("201", "204", "301", "302", "401", "403", "404", "500", "100", "399", "400"));
            int redirect = Integer.parseInt(pick("301", "302", "303", "307", "308"));
            String port = chance(0.05) ? ":8443" : "";
            List<Hop> c = new ArrayList<>();
            switch (r.nextInt(12)) {
                case 0, 1, 2 -> {
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("https://" + host + port + path, finalStatus));
                }
                case 3 -> c.add(new Hop("https://" + host + path, finalStatus));
                case 4 -> c.add(new Hop("http://" + host + path, finalStatus));
                case 5 -> {
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("https://" + other + path, finalStatus));
                }
                case 6 -> {
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("http://" + other + "/", redirect));
                    c.add(new Hop("https://" + other + path, finalStatus));
                }
                case 7 -> {
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("https://" + host + "/", redirect));
                    c.add(new Hop("https://" + other + path, finalStatus));
                }
                case 8 -> {
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("http://" + other + path, finalStatus));
                }
                case 9 -> {
                    c.add(new Hop("https://" + host + "/", redirect));
                    c.add(new Hop("https://" + other + path, finalStatus));
                }
                case 10 -> {
                    // HTTPS that sends visitors back to plain HTTP
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("https://" + host + "/", redirect));
                    c.add(new Hop("http://" + host + path, finalStatus));
                }
                default -> {
                    c.add(new Hop("http://" + host + "/", redirect));
                    c.add(new Hop("https://" + host + "/", redirect));
                    c.add(new Hop("https://" + host + "/", redirect));
                    c.add(new Hop("https://" + host + path, finalStatus));
                }
            }
            return c;
        }

        void add(String name, String value) {
            headers.add(new Header(chance(0.1) ? name.toLowerCase(Locale.ROOT) : chance(0.05) ? name.toUpperCase(Locale.ROOT) : name, value));
        }

        void contentType() {
            String type = pick("text/html", "text/html", "text/html", "text/html; charset=utf-8", "text/html;charset=UTF-8",
                    "application/xhtml+xml", "TEXT/HTML", "Text/Html; charset=utf-8", "text/plain", "application/json",
                    "text/htm", "", "none", "none", "twice");
            switch (type) {
                case "none" -> { }
                case "twice" -> {
                    add("Content-Type", pick("text/plain", "text/html"));
                    add("Content-Type", pick("text/html", "application/json"));
                }
                default -> add("Content-Type", type);
            }
            htmlBody = !type.contains("json") || chance(0.3);
        }

        String source() {
            return pick("'self'", "'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'nonce-r4nd0m'",
                    "'sha256-abc='", "'SHA384-Def='", "https:", "http:", "data:", "blob:", "*", "https://*", "http://*.*",
                    "https://cdn.example.com", "http://cdn.example.com", "https://cdn.example.com/js/", "https://cdn.example.com/js",
                    "https://cdn.example.com/js/app.js", "https://cdn.example.com/%7Euser/", "https://cdn.example.com/%E0%A4%A/",
                    "*.example.com", "ftp://files.example.com", "ws:", "wss://live.example.com", "'SELF'", "HTTPS:", "'report-sample'",
                    "https://a.example.com/x/y/", "https://a.example.com/x/");
        }

        String directive() {
            return pick("default-src", "default-src", "script-src", "script-src", "style-src", "object-src", "img-src", "media-src",
                    "frame-ancestors", "report-uri", "report-to", "base-uri", "form-action", "connect-src", "font-src", "sandbox",
                    "upgrade-insecure-requests", "Script-Src", "DEFAULT-SRC", "worker-src", "frame-src");
        }

        String policy() {
            if (chance(0.25)) {
                // well-formed policies, one for each verdict, so that rare ones are met too
                return pick("default-src 'none'", "default-src 'none'; img-src http://images.example.com; script-src 'self'",
                        "default-src 'self'; script-src 'self' 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'",
                        "script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'",
                        "default-src 'self'; script-src 'self' 'unsafe-eval'", "default-src https:",
                        "default-src 'self'; report-uri /a; report-uri /b", "default-src 'self'; script-src 'strict-dynamic'",
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                        "default-src 'self'; connect-src http://api.example.com", "upgrade-insecure-requests; default-src 'self'");
            }
            if (chance(0.05)) {
                return pick("", " ", "a", "img-sr", "default", ";;;", "default-src", "; ;");
            }
            List<String> parts = new ArrayList<>();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                StringBuilder d = new StringBuilder(chance(0.04) && !parts.isEmpty() ? parts.get(0).split(" ")[0] : directive());
                int sources = r.nextInt(4);
                for (int s = 0; s < sources; s++) {
                    d.append(chance(0.1) ? "  " : " ").append(source());
                }
                parts.add(d.toString());
            }
            String joined = String.join(pick("; ", ";", " ; "), parts);
            return chance(0.2) ? joined + ";" : joined;
        }

        void csp(boolean https) {
            int headerLines = chance(0.35) ? 0 : chance(0.8) ? 1 : 2;
            for (int i = 0; i < headerLines; i++) {
                add("Content-Security-Policy", chance(0.1) ? policy() + ", " + policy() : policy());
            }
            if (chance(0.1)) {
                add("Content-Security-Policy-Report-Only", chance(0.2) ? "" : policy());
            }
            int metas = chance(0.75) ? 0 : 1 + r.nextInt(2);
            for (int i = 0; i < metas; i++) {
                String equiv = pick("Content-Security-Policy", "content-security-policy", " Content-Security-Policy ", "X-Frame-Options",
                        "refresh");
                String content = chance(0.3) ? pick("frame-ancestors 'none'", "report-uri /r", "sandbox") : policy();
                head.append(pick("<meta http-equiv=\"", "<META HTTP-EQUIV=\"", "<meta http-equiv='")
                        .replace("'", "\"")).append(equiv).append("\" content=\"").append(content).append("\">");
            }
        }

        void cookies() {
            int n = chance(0.35) ? 0 : 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                String name = pick("sessionid", "PHPSESSID", "login_token", "csrftoken", "XSRF-TOKEN", "_ga", "prefs", "__Secure-id",
                        "__Host-id", "heroku-session-affinity", "", "LoginState", "sess", "theme", "__secure-x");
                StringBuilder c = new StringBuilder(name.isEmpty() && chance(0.5) ? "novalue" : name + "=" + pick("abc123", "", "x y", "\"q\""));
                if (chance(0.6)) {
                    c.append(pick("; Secure", "; secure", ";Secure", "; SECURE"));
                }
                if (chance(0.5)) {
                    c.append(pick("; HttpOnly", "; httponly", ";HTTPONLY"));
                }
                if (chance(0.5)) {
                    c.append(pick("; SameSite=Lax", "; SameSite=Strict", "; SameSite=None", "; samesite=lax", "; SameSite=",
                            "; SameSite", "; SameSite=bogus", "; SameSite= Lax ", "; SameSite=Lax=Strict"));
                }
                if (chance(0.3)) {
                    c.append("; Domain=").append(pick(host, "." + host, parent(), "." + parent(), "other.example", "com", "co.uk",
                            "github.io", "herokuapp.com", "example", host.toUpperCase(Locale.ROOT)));
                }
                if (chance(0.3)) {
                    c.append("; Path=").append(pick("/", "/app", "", "x", "/login"));
                }
                if (chance(0.2)) {
                    c.append(pick("; Max-Age=0", "; Max-Age=3600", "; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
                            "; Expires=Fri, 01 Jan 2100 00:00:00 GMT"));
                }
                add("Set-Cookie", c.toString());
            }
            if (n > 0 && chance(0.15)) {
                // the same cookie again, e.g. a prefixed one set twice with different flags
                add("Set-Cookie", pick("__Secure-id=2", "__Secure-id=3; Secure", "sessionid=4; Secure; HttpOnly", "sessionid=5"));
            }
        }

        void hsts() {
            if (chance(0.35)) {
                return;
            }
            String value = pick("max-age=31536000", "max-age=31536000; includeSubDomains; preload", "max-age=15552000",
                    "max-age=15551999", "max-age=0", "max-age=300", "max-age=abc", "max-age=", "includeSubDomains", "",
                    "Max-Age=63072000", " max-age=31536000 ", "max-age=\"31536000\"", "max-age=31536000, max-age=31536000",
                    "max-age=-1", "max-age = 31536000");
            add("Strict-Transport-Security", value);
            if (chance(0.05)) {
                add("Strict-Transport-Security", "max-age=31536000");
            }
        }

        void header(String name, double p, String... values) {
            if (chance(p)) {
                add(name, pick(values));
                if (chance(0.05)) {
                    add(name, pick(values));
                }
            }
        }

        void simpleHeaders() {
            header("X-Frame-Options", 0.6, "DENY", "SAMEORIGIN", "deny", " sameorigin", "ALLOW-FROM https://partner.example",
                    "allow-from", "ALLOWALL", "", "DENY, DENY", "SAMEORIGIN;");
            header("X-Content-Type-Options", 0.6, "nosniff", "NOSNIFF", " nosniff", "no-sniff", "", "nosniff, nosniff", "nosniff;");
            header("Referrer-Policy", 0.5, "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin",
                    "origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade", "", "bogus",
                    "no-referrer, unsafe-url", "unsafe-url, bogus", "STRICT-ORIGIN", "no-referrer,,", "unsafe-url , strict-origin");
            if (chance(0.15)) {
                head.append("<meta name=\"").append(pick("referrer", "Referrer", " referrer ", "REFERRER"))
                        .append("\" content=\"").append(pick("no-referrer", "unsafe-url", "", "bogus", "origin")).append("\">");
            }
            String[] coopValues = {"same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none", "Same-Origin",
                "\"same-origin\"", "same-origin; report-to=\"r\"", "same-origin, unsafe-none", "", "bogus", "same-origin;",
                "same-origin; report-to=r", "*"};
            header("Cross-Origin-Opener-Policy", 0.4, coopValues);
            header("Cross-Origin-Embedder-Policy", 0.4, "require-corp", "credentialless", "unsafe-none", "REQUIRE-CORP",
                    "require-corp; report-to=\"e\"", "\"require-corp\"", "", "require-corp, credentialless", "none", "require-corp;");
            header("Cross-Origin-Resource-Policy", 0.4, "same-origin", "same-site", "cross-origin", "SAME-SITE", " same-origin ",
                    "", "bogus", "same-origin, same-site");
        }

        String scriptSrc() {
            String site = parent();
            return pick("/js/app.js", "js/app.js", "../app.js", "https://" + host + "/a.js", "http://" + host + "/a.js",
                    "https://static." + site + "/a.js", "http://static." + site + "/a.js", "//static." + site + "/a.js",
                    "//" + host + "/a.js", "https://cdn.example.net/lib.js", "http://cdn.example.net/lib.js", "//cdn.example.net/lib.js",
                    "HTTPS://cdn.example.net/lib.js", " https://cdn.example.net/lib.js", "///cdn.example.net/lib.js",
                    "https://other.github.io/x.js", "https://x.herokuapp.com/x.js", "https://192.0.2.9/x.js", "https://cdn.example.net:8443/x.js",
                    "https://user@cdn.example.net/x.js", "https:&#x2F;&#x2F;cdn.example.net/x.js", "data:text/javascript,1",
                    "javascript:void(0)", "", "https://CDN.Example.NET/x.js", "https://www." + site + "/x.js", "https://b\u00fccher.example/x.js",
                    "https://example.co.uk/x.js", "https://" + site + ".evil.example/x.js", "ftp://cdn.example.net/x.js", "https:/cdn.example.net/x.js",
                    "https://cdn.exa mple.net/x.js", "https://cdn.example.net:99999/x.js", "https://1.2.3.999/x.js", "https://[::1]/x.js",
                    "https://cdn.example.net:/x.js", "https://cdn.example.net./x.js", "http://localhost/x.js", "https://a.b.github.io/x.js");
        }

        void scripts() {
            int n = chance(0.25) ? 0 : 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                StringBuilder tag = new StringBuilder(pick("<script", "<script", "<SCRIPT", "<script type=\"module\""));
                if (!chance(0.15)) {
                    String attribute = pick(" src=\"", " SRC=\"", " src=");
                    String src = scriptSrc();
                    boolean quoted = attribute.endsWith("\"") || src.isEmpty() || src.contains(" ");
                    tag.append(quoted ? attribute.replace("=", "=\"").replace("\"\"", "\"") : attribute).append(src).append(quoted ? "\"" : "");
                }
                if (chance(0.4)) {
                    tag.append(pick(" integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"",
                            " integrity=\"\"", " INTEGRITY=\"sha256-x\"", " integrity"));
                }
                if (chance(0.3)) {
                    tag.append(pick(" crossorigin=\"anonymous\"", " crossorigin"));
                }
                tag.append(">").append(chance(0.2) ? "var x = '<script src=\"http://evil.example/x.js\"></script>';" : "").append("</script>");
                String wrapped = switch (r.nextInt(24)) {
                    case 0 -> "<!-- " + tag + " -->";
                    case 1 -> "<template>" + tag + "</template>";
                    case 2 -> "<noscript>" + tag + "</noscript>";
                    case 3 -> "<textarea>" + tag + "</textarea>";
                    case 4 -> "<xmp>" + tag + "</xmp>";
                    case 5 -> "<iframe>" + tag + "</iframe>";
                    case 6 -> "<noembed>" + tag + "</noembed>";
                    case 7 -> "<noframes>" + tag + "</noframes>";
                    case 8 -> "<svg>" + tag + "</svg>";
                    case 9 -> "<math>" + tag + "</math>";
                    case 10 -> "<title>" + tag + "</title>";
                    case 11 -> "<style>" + tag + "</style>";
                    case 12 -> "<![CDATA[" + tag + "]]>";
                    case 13 -> "<script><!--<script>" + tag + "</script>--></script>";
                    case 14 -> tag.toString().replace("<script", "<script src=\"https://first.example.net/a.js\"");
                    case 15 -> "<!--" + tag;
                    case 16 -> "<div title='" + tag + "'></div>";
                    default -> tag.toString();
                };
                (chance(0.5) ? head : bodyHtml).append(wrapped);
            }
        }

        void noise() {
            if (chance(0.05)) {
                add("Server", "nginx");
                add("Server", "other");
            }
            if (chance(0.05)) {
                add("X-Powered-By", "PHP");
            }
        }

        String body() {
            if (!htmlBody) {
                return pick("{\"ok\":true}", "", "plain text <script src=\"http://x.example/a.js\"></script>");
            }
            if (chance(0.03)) {
                return "";
            }
            String doctype = pick("<!doctype html>", "<!DOCTYPE html>", "", "<?xml version=\"1.0\"?>");
            String html = doctype + "<html><head><title>" + pick(WORDS) + "</title>" + head + "</head><body><p>Hello</p>" + bodyHtml
                    + (chance(0.1) ? "<div><span>unclosed" : "</body></html>")
                    + (chance(0.03) ? "<plaintext><script src=\"http://late.example.net/x.js\"></script>" : "");
            return chance(0.05) ? html.replace("</head>", "") : html;
        }

        Optional<List<Header>> cors() {
            if (chance(0.5)) {
                return Optional.empty();
            }
            List<Header> h = new ArrayList<>();
            String acao = pick("*", ObservatorySite.CORS_ORIGIN, ObservatorySite.CORS_ORIGIN, "https://partner.example", "", " * ",
                    ObservatorySite.CORS_ORIGIN.toUpperCase(Locale.ROOT), "null", "none");
            if (!acao.equals("none")) {
                h.add(new Header(pick("Access-Control-Allow-Origin", "access-control-allow-origin"), acao));
            }
            if (chance(0.5)) {
                h.add(new Header("Access-Control-Allow-Credentials", pick("true", "TRUE", " true", "false", "")));
            }
            return Optional.of(h);
        }
    }
}
