package dev.veritas.checks.phishing;

import dev.veritas.hosts.HstsPreload;
import dev.veritas.hosts.PopularDomains;
import dev.veritas.hosts.RegistrableDomain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import java.util.Arrays;
import java.util.regex.Pattern;
/** Reads the named signals of {@link UrlFeature} from an address. Pure, and never throws. */
public final class UrlFeatureExtractor {
    private UrlFeatureExtractor() {}

    /** Beyond this, more of the address changes no signal; bounding it keeps 100 kB inputs fast. */
    private static final int MAX_SCANNED = 4096;
    private static final int MAX_TOKEN = 24;
    private static final int MAX_TOKENS = 200;

    /**
     * Top-level domains that are free or very cheap and stand out in abuse reports. Listed from
     * public reputation reports, not from Veritas' data, so the list stays meaningful over time.
     */
    static final Set<String> SUSPICIOUS_TLDS = Set.of(
            "tk", "ml", "ga", "cf", "gq", "xyz", "top", "work", "click", "link", "buzz", "surf",
            "icu", "monster", "rest", "cam", "casa", "bar", "cyou", "sbs", "cfd", "quest", "support",
            "online", "site", "website", "space", "fun", "pw", "ws", "su", "win", "bid", "loan",
            "men", "date", "racing", "review", "stream", "download", "trade", "party", "science",
            "gdn", "kim", "country", "accountant", "faith", "cricket", "zip", "mov", "vip", "lol",
            "host", "press", "uno", "ooo", "live", "cc");

    static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "t.co", "is.gd", "ow.ly", "buff.ly",
            "cutt.ly", "rb.gy", "shorturl.at", "tiny.cc", "rebrand.ly", "bl.ink", "s.id", "v.gd",
            "t.ly", "shorte.st", "adf.ly", "bc.vc", "soo.gd", "qr.ae", "x.co", "db.tt", "qr.net",
            "1url.com", "v.ht", "po.st", "mcaf.ee", "su.pr", "clck.ru", "u.to", "shrtco.de",
            "surl.li", "gg.gg", "tiny.one", "2.gy", "snip.ly", "ift.tt", "dlvr.it", "lnkd.in",
            "amzn.to", "tr.im", "cli.gs", "short.gy", "urlz.fr", "s.free.fr", "bitly.ws", "zpr.io",
            "urlr.me", "shorturl.asia", "hyperurl.co", "rotf.lol", "l.ead.me", "lnk.bio", "app.link",
            "page.link", "forms.gle", "1drv.ms", "qrco.de", "linktr.ee", "bit.do", "j.mp", "geni.us");

    /** Words that press for a login, a payment or quick action. */
    private static final List<String> SENSITIVE = List.of(
            "login", "logon", "signin", "verif", "secure", "account", "update", "confirm", "banking",
            "password", "passwd", "webscr", "suspend", "unlock", "wallet", "billing", "authenticat",
            "validat", "recover", "restore", "unusual", "credential", "reactivat", "invoice", "payment",
            "limited", "security", "customer", "support", "authorize");

    private static final Set<String> CMS_FOLDERS = Set.of(
            "wp-content", "wp-admin", "wp-includes", "wp-snapshots", "administrator", "components",
            "modules", "templates", "plugins", "themes", "cgi-bin", "includes", "vendor", "uploads");

    /** Endings that make a word look like a domain name when found where no domain should be. */
    private static final Set<String> DOMAIN_ENDINGS = Set.of(
            "com", "net", "org", "info", "biz", "co", "io", "us", "uk", "de", "ru", "br", "fr", "it",
            "es", "ca", "au", "cn", "jp", "gov", "edu", "mx", "nl");

    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "scr", "apk", "msi", "bat", "cmd", "jar", "vbs", "ps1", "dmg", "iso", "hta");

    public static UrlFeatures extract(String url) {
        return extract(UrlParts.parse(url));
    }

    public static UrlFeatures extract(UrlParts u) {
        int n = UrlFeature.values().length;
        double[] v = new double[n];
        String[] d = new String[n];
        Arrays.fill(d, "");
        Set<String> tokens = new LinkedHashSet<>();

        String raw = clip(u.raw().strip());
        String host = clip(u.asciiHost());
        String shownHost = clip(u.unicodeHost());
        String path = clip(u.path());
        String query = clip(u.query());
        String afterHost = clip(u.afterHost());
        RegistrableDomain rd = RegistrableDomain.of(host);
        String subdomain = rd.subdomain();
        String domain = rd.domain().orElse(host);

        if (u.isOpaque()) {
            set(v, d, UrlFeature.OPAQUE_SCHEME, 1, u.scheme());
        }
        if (rd.ip()) {
            set(v, d, UrlFeature.IP_HOST, 1, host);
        }
        if (!u.userinfo().isEmpty()) {
            set(v, d, UrlFeature.USERINFO, 1, shorten(u.userinfo(), 40));
        }
        if (afterHost.indexOf('@') >= 0) {
            set(v, d, UrlFeature.AT_AFTER_HOST, 1, "@");
        }
        if (host.contains("xn--")) {
            set(v, d, UrlFeature.PUNYCODE, 1, shorten(host, 60) + " reads as " + shorten(shownHost, 60));
        }
        for (String label : shownHost.split("\\.")) {
            if (Confusables.mixesScripts(label)) {
                set(v, d, UrlFeature.MIXED_SCRIPTS, 1, shorten(label, 40));
                break;
            }
        }
        if (!u.port().isEmpty() && !isDefaultPort(u.scheme(), u.port())) {
            set(v, d, UrlFeature.PORT, 1, u.port());
        }
        if (!rd.ip() && SUSPICIOUS_TLDS.contains(rd.tld())) {
            set(v, d, UrlFeature.SUSPICIOUS_TLD, 1, rd.tld());
        }
        if (SHORTENERS.contains(withoutWww(host)) || SHORTENERS.contains(domain)) {
            set(v, d, UrlFeature.SHORTENER, 1, SHORTENERS.contains(domain) ? domain : withoutWww(host));
        }
        if (rd.onSharedHosting()) {
            set(v, d, UrlFeature.SHARED_HOSTING, 1, rd.suffix());
        }
        brandSignals(v, d, rd, shownHost, subdomain, path, query);
        preloaded(rd, path).ifPresent(name -> set(v, d, UrlFeature.PRELOADED_HTTPS, 1, name));
        popular(rd, path).ifPresent(rank -> set(v, d, UrlFeature.POPULAR_DOMAIN, 1, rank));
        int httpsAt = host.indexOf("https");
        int httpAt = host.indexOf("http");
        if (httpsAt >= 0 || httpAt >= 0) {
            set(v, d, UrlFeature.HTTPS_IN_HOST, 1, httpsAt >= 0 ? "https" : "http");
        }
        if (path.contains("//")) {
            set(v, d, UrlFeature.DOUBLE_SLASH, 1, "//");
        }
        domainInSubdomain(subdomain).ifPresent(s -> set(v, d, UrlFeature.DOMAIN_IN_SUBDOMAIN, 1, s));
        domainIn(afterHost.toLowerCase(Locale.ROOT), rd.label()).ifPresent(s -> set(v, d, UrlFeature.DOMAIN_IN_PATH, 1, s));
        if (host.startsWith("www.")) {
            set(v, d, UrlFeature.WWW, 1, "www");
        }
        if (u.scheme().equals("http")) {
            set(v, d, UrlFeature.PLAIN_HTTP, 1, "http");
        }
        if ((path.isEmpty() || path.equals("/")) && query.isEmpty() && u.fragment().isEmpty()) {
            set(v, d, UrlFeature.BARE_HOST, 1, "");
        }

        String lowerAfterHost = afterHost.toLowerCase(Locale.ROOT);
        List<String> found = sensitiveWords(subdomain + " " + lowerAfterHost);
        set(v, d, UrlFeature.SENSITIVE_WORDS, found.size(), String.join(", ", found));

        String lastSegment = lastSegment(path);
        String extension = extension(lastSegment);
        if (extension.equals("php") || extension.startsWith("php")) {
            set(v, d, UrlFeature.PHP_PAGE, 1, shorten(lastSegment, 40));
        }
        if (extension.equals("html") || extension.equals("htm")) {
            set(v, d, UrlFeature.HTML_PAGE, 1, shorten(lastSegment, 40));
        }
        if (EXECUTABLE_EXTENSIONS.contains(extension)) {
            set(v, d, UrlFeature.EXECUTABLE, 1, shorten(lastSegment, 40));
        }
        randomToken(path).ifPresent(t -> set(v, d, UrlFeature.RANDOM_TOKEN, 1, shorten(t, 40)));
        cmsFolder(path.toLowerCase(Locale.ROOT)).ifPresent(f -> set(v, d, UrlFeature.CMS_FOLDER, 1, f));
        emailIn(lowerAfterHost + " " + u.userinfo().toLowerCase(Locale.ROOT))
                .ifPresent(e -> set(v, d, UrlFeature.EMAIL_IN_URL, 1, shorten(e, 60)));

        organisationSignals(v, d, rd, u.asciiHost(), path, query);

        int urlLength = u.raw().strip().length();
        count(v, d, UrlFeature.URL_LENGTH, urlLength);
        count(v, d, UrlFeature.HOST_LENGTH, u.host().length());
        int levels = subdomain.isEmpty() ? 0 : subdomain.split("\\.").length;
        if (subdomain.equals("www") || subdomain.startsWith("www.")) {
            levels--;
        }
        count(v, d, UrlFeature.SUBDOMAIN_LEVELS, levels);
        count(v, d, UrlFeature.HOST_HYPHENS, countChar(host, '-'));
        count(v, d, UrlFeature.HOST_DIGITS, rd.ip() ? 0 : countDigits(host));
        count(v, d, UrlFeature.HOST_RANDOMNESS, rd.ip() ? 0 : longestConsonantRun(rd.label()));
        count(v, d, UrlFeature.PATH_DEPTH, pathDepth(path));
        count(v, d, UrlFeature.PATH_SLUG_WORDS, slugWords(path));
        count(v, d, UrlFeature.PATH_UPPERCASE, countUpper(path));
        count(v, d, UrlFeature.PATH_DIGIT_SHARE, path.isEmpty() ? 0 : Math.round(100.0 * countDigits(path) / path.length()));
        count(v, d, UrlFeature.QUERY_LENGTH, u.query().length());
        count(v, d, UrlFeature.QUERY_PARAMS, query.isEmpty() ? 0 : countChar(query, '&') + 1);
        count(v, d, UrlFeature.PERCENT_ESCAPES, countChar(raw, '%'));
        count(v, d, UrlFeature.DOTS, countChar(raw, '.'));

        collectTokens(tokens, rd, subdomain, path, query, extension);
        // Ranges of each measured signal let the linear model bend: both very short and very long
        // addresses can be honest. The classifier folds these into the signal they refine.
        for (UrlFeature f : UrlFeature.values()) {
            if (f.numeric()) {
                tokens.add(binToken(f, v[f.ordinal()]));
            }
        }
        tokens.add("shape:" + (u.scheme().equals("https") ? "s" : "p") + (host.startsWith("www.") ? "w" : "n")
                + Math.min(levels, 3) + (v[UrlFeature.BARE_HOST.ordinal()] > 0 ? "h" : "x"));
        return new UrlFeatures(v, d, new ArrayList<>(tokens), rd);
    }

    private static void brandSignals(double[] v, String[] d, RegistrableDomain rd, String shownHost,
                                     String subdomain, String path, String query) {
        String pathAndQuery = path + " " + query;
        Optional<String> userContent = UserContent.at(rd.host(), path);
        if (userContent.isPresent()) {
            set(v, d, UrlFeature.USER_CONTENT, 1, userContent.get());
        }
        Optional<Brand> owner = rd.domain().isPresent() ? Brands.ownerOf(rd) : Optional.empty();
        if (owner.isPresent()) {
            if (userContent.isEmpty()) {
                set(v, d, UrlFeature.OFFICIAL_BRAND_DOMAIN, 1, owner.get().name());
            }
            return;
        }
        String where = rd.domain().orElse(rd.host());
        // On a business platform a customer's tenant is named after the customer ("acme.wd1.myworkdayjobs.com"):
        // the name there is the organisation's own space, not a disguise.
        if (TenantPlatform.of(rd.host(), path).isEmpty()) {
            firstBrand(Words.alphanumericRuns(subdomain)).ifPresent(hit -> set(v, d, UrlFeature.BRAND_IN_SUBDOMAIN, 1,
                    "'" + hit.keyword() + "' appears in a subdomain of an unrelated domain (" + where + ")"));
        }
        firstBrand(Words.alphanumericRuns(rd.label())).ifPresent(hit -> set(v, d, UrlFeature.BRAND_IN_DOMAIN, 1,
                "the domain " + where + " contains '" + hit.keyword() + "' but is not one of "
                        + hit.brand().name() + "'s official domains"));
        firstBrand(Words.alphanumericRuns(pathAndQuery.toLowerCase(Locale.ROOT))).ifPresent(hit ->
                set(v, d, UrlFeature.BRAND_IN_PATH, 1, "'" + hit.keyword() + "' appears in the path of an address on "
                        + where + ", which does not belong to " + hit.brand().name()));
        if (!rd.ip()) {
            BrandLookalikes.in(shownHost).ifPresent(l -> set(v, d, UrlFeature.BRAND_LOOKALIKE, 1,
                    "'" + l.written() + "', which imitates '" + l.keyword() + "', but " + where
                            + " is not an official " + l.brand().name() + " domain"));
        }
    }

    private static Optional<Brands.BrandHit> firstBrand(List<String> words) {
        int limit = Math.min(words.size(), MAX_TOKENS);
        for (int i = 0; i < limit; i++) {
            String w = words.get(i);
            if (w.length() <= 40) {
                Optional<Brands.BrandHit> hit = Brands.inWord(w);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Marks of an organisation's own address (an institutional domain, a tenant on a business platform, a sign-in
     * protocol's request, a return address to the same site, a campaign's tags) and the open redirect phishing borrows.
     * The domain marks are never read on a platform where anyone can claim a subdomain: its name vouches for nothing.
     */
    private static void organisationSignals(double[] v, String[] d, RegistrableDomain rd, String host, String path, String query) {
        InstitutionalDomain.of(rd).ifPresent(s -> set(v, d, UrlFeature.INSTITUTIONAL_DOMAIN, 1, s));
        if (!rd.ip() && !rd.onSharedHosting()) {
            TenantPlatform.of(host, path).ifPresent(s -> set(v, d, UrlFeature.TENANT_PLATFORM, 1, s));
        }
        QueryShape.signInProtocol(query, path).ifPresent(s -> set(v, d, UrlFeature.SIGN_IN_PROTOCOL, 1, s));
        QueryShape.returnToOwnSite(rd, query).ifPresent(s -> set(v, d, UrlFeature.RETURN_TO_OWN_SITE, 1, s));
        QueryShape.campaignTags(query).ifPresent(s -> set(v, d, UrlFeature.CAMPAIGN_TAGS, 1, s));
        QueryShape.redirectElsewhere(rd, query).ifPresent(s -> set(v, d, UrlFeature.REDIRECT_ELSEWHERE, 1, s));
    }

    /** "paypal.com-secure" or "com.login" in a subdomain: a label that ends a domain name. */
    private static Optional<String> domainInSubdomain(String subdomain) {
        if (subdomain.isEmpty()) {
            return Optional.empty();
        }
        String[] labels = subdomain.split("\\.");
        for (int i = 1; i < labels.length; i++) {
            String label = labels[i];
            int dash = label.indexOf('-');
            String head = dash < 0 ? label : label.substring(0, dash);
            if (DOMAIN_ENDINGS.contains(head) && !labels[i - 1].isEmpty()) {
                return Optional.of(labels[i - 1] + "." + label);
            }
        }
        return Optional.empty();
    }

    /**
     * The registrable domain and its rank when it is among the web's most linked-to domains — never on a platform where
     * anyone can publish (a shared-hosting suffix, user content on a brand's domain, a link shortener, a site builder or
     * file host), whose popularity vouches for the platform, not the page.
     */
    private static Optional<String> popular(RegistrableDomain rd, String path) {
        if (noOwnerBehind(rd, path) || PublishingPlatforms.hosts(rd)) {
            return Optional.empty();
        }
        String domain = rd.domain().get();
        if (SHORTENERS.contains(domain) || SHORTENERS.contains(withoutWww(rd.host())) || numberedSubdomain(rd.subdomain())) {
            return Optional.empty();
        }
        OptionalInt rank = PopularDomains.shipped().rank(domain);
        return rank.isPresent() ? Optional.of(domain + " (rank " + String.format(Locale.ROOT, "%,d", rank.getAsInt()) + ") is")
                : Optional.empty();
    }

    /**
     * Whether the address has no registrable domain whose owner vouches for the page: an IP number, a bare suffix, a
     * shared-hosting subdomain, or user content on a brand's domain. Domain-level marks never count for such an address.
     */
    private static boolean noOwnerBehind(RegistrableDomain rd, String path) {
        return rd.ip() || rd.domain().isEmpty() || rd.onSharedHosting() || UserContent.at(rd.host(), path).isPresent();
    }

    /**
     * A subdomain label carrying a number of three digits or more ("u10084924.ct", "server685641", "vps-2303d288")
     * names one customer's or one machine's space on a provider, not a service of the organisation itself.
     */
    private static boolean numberedSubdomain(String subdomain) {
        int run = 0;
        for (int i = 0; i < subdomain.length(); i++) {
            char c = subdomain.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * The host's registrable domain (or the host itself, on a site whose domain the list does not cover) when it is on
     * the HSTS preload list — never for a platform where anyone can publish (a shared-hosting suffix, or user content
     * on a brand's domain), whose preloading vouches for the platform, not the page.
     */
    private static Optional<String> preloaded(RegistrableDomain rd, String path) {
        if (noOwnerBehind(rd, path)) {
            return Optional.empty();
        }
        HstsPreload list = HstsPreload.chromium();
        String domain = rd.domain().get();
        // A whole top-level domain preloaded by its registry (.app, .dev, .bank) says nothing of the site's owner: only an
        // entry at or below the registrable domain is the owner's own commitment.
        Optional<HstsPreload.Entry> own = list.lookup(rd.host()).filter(e -> e.name().endsWith(domain));
        if (own.isPresent()) {
            return Optional.of(rd.host());
        }
        // A site that preloads its bare domain without subdomains still showed the commitment.
        return list.lookup(domain).filter(e -> e.name().endsWith(domain)).map(e -> domain);
    }

    /**
     * A word.ending pair in text after the host ("paypal.com" in "/www.paypal.com/signin") naming another site; the
     * site's own name there (a return address back to itself) is no disguise.
     */
    private static Optional<String> domainIn(String text, String ownLabel) {
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isDomainChar(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String[] labels = text.substring(start, i).split("\\.");
                for (int k = 1; k < labels.length; k++) {
                    if (DOMAIN_ENDINGS.contains(labels[k]) && labels[k - 1].length() >= 2 && !labels[k - 1].equals(ownLabel)) {
                        return Optional.of(shorten(labels[k - 1] + "." + labels[k], 60));
                    }
                }
            }
            i++;
        }
        return Optional.empty();
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private static List<String> sensitiveWords(String text) {
        List<String> found = new ArrayList<>();
        for (String word : SENSITIVE) {
            if (text.contains(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** A path word of 16+ characters mixing letters and digits: a hash or per-victim id. */
    private static Optional<String> randomToken(String path) {
        for (String w : Words.alphanumericRuns(path)) {
            if (w.length() < 16) {
                continue;
            }
            int digits = countDigits(w);
            int letters = w.length() - digits;
            if (digits >= 3 && letters >= 3) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cmsFolder(String lowerPath) {
        for (String seg : lowerPath.split("/")) {
            if (CMS_FOLDERS.contains(seg)) {
                return Optional.of(seg);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> emailIn(String text) {
        int at = text.indexOf('@');
        while (at > 0) {
            int s = at;
            while (s > 0 && isEmailChar(text.charAt(s - 1))) {
                s--;
            }
            int e = at + 1;
            while (e < text.length() && isEmailChar(text.charAt(e))) {
                e++;
            }
            String domainPart = text.substring(at + 1, e);
            if (s < at && domainPart.indexOf('.') > 0 && endsWithLetterLabel(domainPart)) {
                return Optional.of(text.substring(s, e));
            }
            at = text.indexOf('@', at + 1);
        }
        // Percent-encoded '@' as mail links and redirect kits write it.
        int enc = text.indexOf("%40");
        if (enc > 0) {
            return emailIn(text.replace("%40", "@"));
        }
        return Optional.empty();
    }

    /** "user@mail.example" is an address; "bootstrap@5.3.0" (a package version) is not. */
    private static boolean endsWithLetterLabel(String domainPart) {
        String tld = domainPart.substring(domainPart.lastIndexOf('.') + 1);
        if (tld.length() < 2) {
            return false;
        }
        for (int i = 0; i < tld.length(); i++) {
            if (tld.charAt(i) < 'a' || tld.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmailChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '+';
    }

    private static void collectTokens(Set<String> tokens, RegistrableDomain rd, String subdomain, String path,
                                      String query, String extension) {
        if (!rd.tld().isEmpty()) {
            addChecked(tokens, "tld:" + rd.tld());
        }
        addWords(tokens, "sub:", subdomain);
        addWords(tokens, "dom:", rd.label());
        addWords(tokens, "path:", path.toLowerCase(Locale.ROOT));
        if (!extension.isEmpty() && extension.length() <= 6) {
            addChecked(tokens, "ext:" + extension);
        }
        for (String pair : query.split("&")) {
            if (tokens.size() >= MAX_TOKENS) {
                break;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && key.length() <= MAX_TOKEN && !hasBlank(key)) {
                tokens.add("query:" + key);
            }
        }
        String name = rd.host().startsWith("www.") ? rd.host().substring(4) : rd.host();
        addGrams(tokens, "hg:", "<" + name + ">", 3, 5);
        addGrams(tokens, "pg:", path.toLowerCase(Locale.ROOT), 4, 4);
    }

    static final String BIN_PREFIX = "bin:";
    private static final Pattern SLUG_SEPARATOR = Pattern.compile("[-_]");

    static String binToken(UrlFeature f, double value) {
        int bucket = (int) Math.min(8, Math.floor(Math.log(1 + Math.max(0, value)) / Math.log(2)));
        return BIN_PREFIX + f.id() + ":" + bucket;
    }

    /** Letter sequences of the host or path, to recognise spelling patterns inside run-together words. */
    private static void addGrams(Set<String> tokens, String prefix, String text, int min, int max) {
        String t = text.length() <= 256 ? text : text.substring(0, 256);
        boolean blanks = hasBlank(t);
        for (int n = min; n <= max; n++) {
            for (int i = 0; i + n <= t.length(); i++) {
                String gram = t.substring(i, i + n);
                if (!blanks || !hasBlank(gram)) {
                    tokens.add(prefix + gram);
                }
            }
        }
    }

    private static void addChecked(Set<String> tokens, String token) {
        if (!hasBlank(token)) {
            tokens.add(token);
        }
    }

    /** Model files separate fields with spaces, so tokens never contain any. */
    private static boolean hasBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void addWords(Set<String> tokens, String prefix, String text) {
        for (String w : Words.letterRuns(text)) {
            if (tokens.size() >= MAX_TOKENS) {
                return;
            }
            if (w.length() >= 2 && w.length() <= MAX_TOKEN) {
                tokens.add(prefix + w);
            }
        }
    }

    private static void set(double[] v, String[] d, UrlFeature f, double value, String detail) {
        v[f.ordinal()] = value;
        d[f.ordinal()] = detail;
    }

    private static void count(double[] v, String[] d, UrlFeature f, long value) {
        set(v, d, f, value, Long.toString(value));
    }

    private static String clip(String s) {
        return s.length() <= MAX_SCANNED ? s : s.substring(0, MAX_SCANNED);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean isDefaultPort(String scheme, String port) {
        return (scheme.equals("http") && port.equals("80")) || (scheme.equals("https") && port.equals("443"));
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String extension(String segment) {
        int dot = segment.lastIndexOf('.');
        return dot < 0 ? "" : segment.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int countChar(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static int countUpper(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static int longestConsonantRun(String label) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean consonant = c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
            run = consonant ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static int pathDepth(String path) {
        int n = 0;
        for (String seg : path.split("/")) {
            if (!seg.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Hyphen- or underscore-joined words in the longest path segment: article slugs are honest. */
    private static int slugWords(String path) {
        int best = 0;
        for (String seg : path.split("/")) {
            int words = 0;
            for (String part : SLUG_SEPARATOR.split(seg)) {
                if (part.length() >= 2 && Words.letterRuns(part).size() == 1 && countDigits(part) == 0) {
                    words++;
                }
            }
            best = Math.max(best, words >= 2 ? words : 0);
        }
        return best;
    }
}
