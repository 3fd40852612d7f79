package dev.veritas.checks.phishing;

import dev.veritas.capture.BrandMark;
import dev.veritas.capture.BrandingFacts;
import dev.veritas.capture.FormFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.hosts.RegistrableDomain;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a page presents itself as, read from what a visitor sees of its identity — the title's site name, logos,
 * icons, headings, the declared site name and the sign-in form's own words — and not from every brand its text
 * mentions. The claims are then split into those the host is named after (the page's own name) and the others.
 */
public final class PresentedIdentity {
    /** Title separators: "Headline | Site", "Login - Site", "Sign in · Site", "Site :: Blog". */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*(?:[|·•»«‹›_]|::)\\s*|\\s+[-–—:]\\s+|(?<=\\S)[-–—:]\\s+|\\s+[-–—](?=\\S)");
    /** One word of a name: a capital or digit first ("Ars", "365"), inner capitals ("eBay"), or a domain ("x.org"). */
    private static final String NAME_WORD = "(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}&+'’]*(?:\\.[a-z]{2,6})?|\\p{Ll}+\\p{Lu}[\\p{L}\\p{N}]*(?:\\.[a-z]{2,6})?"
            + "|[\\p{L}\\p{N}-]+\\.(?:com|org|net|io|co|me|tv|app|ru|de|fr|uk))";
    private static final String NAME = "(" + NAME_WORD + "(?:[ .]" + NAME_WORD + "){0,2})";
    private static final List<Pattern> SIGN_IN = List.of(
            // "Sign in to X", "Log in to your X account", "Login on X", "Sign in to continue to X"
            Pattern.compile("\\b(?i:(?:sign|log)\\s?(?:in|on)|login)\\s+(?i:to|on|at|into)\\s+(?i:continue\\s+to\\s+)?(?i:your\\s+)?" + NAME),
            // "Sign in with your X account", "Log in using your X ID"
            Pattern.compile("\\b(?i:(?:sign|log)\\s?(?:in|on)|login|continue)\\s+(?i:with|using)\\s+(?i:your)\\s+" + NAME + "\\s+(?i:account|id)\\b"),
            // "X Security Check", "X account verification"
            Pattern.compile(NAME + "\\s+(?i:security\\s+check|account\\s+verification|account\\s+recovery|login\\s+verification)\\b"));
    private static final List<Pattern> SIGN_UP = List.of(
            // "Join X", "Sign up for X", "New to X?"
            Pattern.compile("\\b(?i:join|sign\\s?up\\s+(?:for|to|on)|register\\s+(?:for|on)|new\\s+to)\\s+" + NAME),
            // "Create a X account", "Create your free X ID"
            Pattern.compile("\\b(?i:create\\s+(?:a|an|your)\\s+(?:free\\s+|new\\s+)?)" + NAME + "\\s+(?i:account|id)\\b"));
    /** "Sign in with Google", "Continue with Apple", "Powered by X": another company's name that does not pose as it. */
    private static final Pattern NOT_A_POSE = Pattern.compile(
            "\\b(?:(?:sign|log)[ -]?(?:in|on|up)|login|continue|connect|register|join|share|follow us|follow)\\s+(?:with|using|via|through|on)\\s+(?!your\\b|my\\b|the\\b)\\S+(?:\\s+\\S+)?"
                    + "|\\bpowered by\\s+\\S+(?:\\s+\\S+)?|\\b(?:available|download|get it) on the\\s+\\S+(?:\\s+\\S+)?|\\bget it on\\s+\\S+(?:\\s+\\S+)?"
                    + "|\\b(?:download|available) (?:on|in|from)\\s+\\S+(?:\\s+\\S+)?",
            Pattern.CASE_INSENSITIVE);
    /** "© 2021 X", "Copyright X": the owner the form's small print names. */
    private static final Pattern COPYRIGHT = Pattern.compile("(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?" + NAME);
    /** "X's Terms", "X’s privacy policy", "agree to the X Terms": the service whose rules the form says you accept. */
    private static final Pattern TERMS_OF = Pattern.compile(NAME + "(?:['’]s)?\\s+(?i:terms|privacy|user agreement|data policy|cookie)");
    /** A domain name written out: "wordpress.org", "GitLab.com". */
    private static final Pattern DOMAIN = Pattern.compile("\\b([\\p{L}\\p{N}][\\p{L}\\p{N}-]{1,62}\\.(?:com|org|net|io|co|me|tv|app|ru|de|fr|co\\.uk))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that say what a page does, not who runs it; a title part made only of them names no one. */
    private static final Set<String> GENERIC = Set.of("login", "log", "in", "sign", "signin", "signup", "sign-in", "sign-up", "up", "on", "out",
            "logon", "account", "accounts", "my", "your", "the", "a", "home", "homepage", "page", "welcome", "official", "site", "website",
            "portal", "secure", "security", "check", "checkpoint", "verification", "verify", "confirm", "password", "reset", "recover", "recovery",
            "help", "support", "center", "centre", "service", "services", "online", "web", "id", "and", "or", "to", "of", "for", "with",
            "now", "please", "continue", "next", "error", "not", "found", "dashboard", "member", "members", "area", "user", "users",
            "admin", "administration", "panel", "access", "auth", "authentication", "session", "register", "registration", "create",
            "join", "back", "here", "step", "form", "submit", "loading", "redirecting", "untitled", "document", "index", "main", "start",
            "mail", "email", "e-mail", "inbox", "webmail", "logowanie", "anmelden", "connexion", "iniciar", "sesión", "entrar", "вход");
    /** Alt texts and file-name words that name no one ("logo", "image", "header"). */
    private static final Set<String> NAMELESS = Set.of("logo", "logos", "image", "img", "icon", "picture", "photo", "avatar", "profile",
            "banner", "header", "top", "main", "site", "white", "black", "dark", "light", "color", "colour", "mono", "small", "large", "big",
            "full", "mobile", "desktop", "default", "new", "old", "v2", "v3", "2x", "3x", "1x", "svg", "png", "jpg", "jpeg", "gif", "webp",
            "ico", "en", "us", "gb", "horizontal", "vertical", "lockup", "wordmark", "mark", "brand", "home", "retina", "hd", "sprite");
    private static final int TITLE_NAME_WORDS = 4;
    private static final int HEADINGS_READ = 10;
    private static final int SHORT_HEADING_WORDS = 4;

    private final List<IdentityClaim> claims;

    private PresentedIdentity(List<IdentityClaim> claims) {
        this.claims = List.copyOf(claims);
    }

    public List<IdentityClaim> claims() {
        return claims;
    }

    /** Reads the claims of one page. {@code credentialForms} are the forms asking for a secret: their words count as the page's. */
    public static PresentedIdentity of(PageCapture page, List<FormFacts> credentialForms) {
        List<IdentityClaim> out = new ArrayList<>();
        String host = page.finalUrl().getHost() == null ? "" : page.finalUrl().getHost();
        title(page.title(), out);
        BrandingFacts b = page.branding();
        b.siteName().ifPresent(n -> named(n, IdentityClaim.Where.SITE_NAME, n, out));
        headings(b.headings(), out);
        for (BrandMark m : b.marks()) {
            mark(m, out);
        }
        for (URI icon : b.icons()) {
            icon(icon, host, out);
        }
        for (FormFacts f : credentialForms) {
            form(f, out);
        }
        return new PresentedIdentity(out);
    }

    /** The claims the host is named after: the page's own name, as far as the address can tell. */
    public List<IdentityClaim> own(String host) {
        return claims.stream().filter(c -> isOwn(c, host)).toList();
    }

    /** Claims of names the host is not named after, grouped by identity, strongest first. */
    public List<Foreign> foreign(String host) {
        Map<String, List<IdentityClaim>> byKey = new LinkedHashMap<>();
        for (IdentityClaim c : claims) {
            if (c.onlyIfOwn()) {
                continue;
            }
            // An unknown name is someone else's only when the address does not even resemble it: without its real
            // domains, "acme-shop-eu" may well be Acme's own.
            boolean unknownButResembling = c.brand().isEmpty() && (!SiteNames.comparable(c.name()) || SiteNames.resembles(host, c.name()));
            if (!isOwn(c, host) && !unknownButResembling) {
                byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Foreign> out = new ArrayList<>();
        byKey.values().forEach(list -> out.add(new Foreign(list)));
        // The identity the sign-in form itself speaks of first, then known brands, then the strongest.
        out.sort(Comparator.comparing((Foreign f) -> !f.inSignIn()).thenComparing(f -> f.brand().isEmpty())
                .thenComparing(Foreign::weight, Comparator.reverseOrder()));
        return out;
    }

    /** How strongly the page names itself after its own host. */
    public double ownWeight(String host) {
        Map<IdentityClaim.Where, Double> best = new LinkedHashMap<>();
        own(host).forEach(c -> best.merge(c.where(), c.weight(), Math::max));
        return best.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** All claims of one identity the host is not named after. */
    public record Foreign(List<IdentityClaim> claims) {
        public Foreign {
            claims = List.copyOf(claims);
        }

        /** The weight of the identity: each place counts once, with its strongest claim. */
        public double weight() {
            return weightOf(claims);
        }

        public IdentityClaim strongest() {
            return claims.stream().max((a, b) -> Double.compare(a.weight(), b.weight())).orElseThrow();
        }

        public Optional<Brand> brand() {
            return claims.get(0).brand();
        }

        public String name() {
            return brand().map(Brand::name).orElse(strongest().name());
        }

        /** Whether the sign-in form's words or a sign-in phrase name it. */
        public boolean inSignIn() {
            return claims.stream().anyMatch(c -> c.where() == IdentityClaim.Where.FORM || c.where() == IdentityClaim.Where.SIGN_IN_PHRASE);
        }

        /** The places that showed it, for the finding's evidence ("title", "logo"). */
        public List<String> places() {
            return claims.stream().map(c -> c.where().wire()).distinct().toList();
        }
    }

    /** Where a self-hosted software's name says the page is the software's hosted service, not a site running it. */
    private static final Set<IdentityClaim.Where> SERVICE_PLACES = Set.of(IdentityClaim.Where.DOMAIN, IdentityClaim.Where.ICON,
            IdentityClaim.Where.SIGN_IN_PHRASE);

    /** The weight of someone else's identity: each place counts once, with its strongest claim. */
    static double weightOf(List<IdentityClaim> claims) {
        Map<IdentityClaim.Where, Double> best = new LinkedHashMap<>();
        for (IdentityClaim c : claims) {
            if (c.brand().map(Brand::selfHosted).orElse(false) && !SERVICE_PLACES.contains(c.where())) {
                continue; // "WordPress" in a blog's log-in page names the software it runs
            }
            best.merge(c.where(), c.weight(), Math::max);
        }
        return best.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Named after the host: the brand's own domain, or a name the host spells ("WordPress Tavern" on wptavern.com). */
    private static boolean isOwn(IdentityClaim c, String host) {
        if (c.brand().isPresent() && (c.brand().get().isOfficial(host) || brandTld(c.brand().get(), host))) {
            return true;
        }
        return SiteNames.carries(host, c.name()) && !c.brand().map(b -> SiteNames.squash(c.name()).equals(SiteNames.squash(b.name()))).orElse(false);
    }

    /** A brand's own top-level domain (".google"): only the brand registers names there. */
    private static boolean brandTld(Brand b, String host) {
        RegistrableDomain rd = RegistrableDomain.of(host.toLowerCase(Locale.ROOT));
        return !rd.suffix().contains(".") && b.allKeywords().contains(rd.tld());
    }

    // ---- reading each place ----

    private static void title(String title, List<IdentityClaim> out) {
        String t = title == null ? "" : title.replace('\u00a0', ' ').strip();
        if (t.isEmpty()) {
            return;
        }
        signIn(t, IdentityClaim.Where.SIGN_IN_PHRASE, out);
        domains(t, out, true);
        List<String> parts = Arrays.stream(TITLE_SEPARATOR.split(t)).map(String::strip).filter(p -> !p.isEmpty()).toList();
        for (String part : parts) {
            Optional<String> phrase = nameIn(part);
            for (Brand brand : Brands.namedIn(part)) {
                // "WordPress Tavern" names a brand inside its own name: the whole phrase is the claim. "Xbox One X review"
                // is a headline about the brand.
                boolean asName = phrase.isPresent() && othersBesides(phrase.get(), brand) <= 1;
                out.add(new IdentityClaim(phrase.orElse(brand.name()), Optional.of(brand),
                        asName ? IdentityClaim.Where.TITLE : IdentityClaim.Where.TOPIC, t));
            }
        }
        // An unknown name counts from the part sites put their name in: the last, or the first when the last is a headline.
        Optional<String> siteName = siteNamePart(parts).filter(n -> Brands.namedIn(n).isEmpty());
        siteName.ifPresent(n -> out.add(new IdentityClaim(n, Optional.empty(), IdentityClaim.Where.TITLE, t)));
        // Any other short part may still be the site's own name ("Log In ‹ My Blog — WordPress"); kept, it only counts if
        // the host is named after it.
        for (String part : parts) {
            nameIn(part).filter(n -> Brands.namedIn(n).isEmpty() && !siteName.equals(Optional.of(n)))
                    .ifPresent(n -> out.add(new IdentityClaim(n, Optional.empty(), IdentityClaim.Where.TITLE, t).ownOnly()));
        }
    }

    /** The title part that names the site, stripped of words that name no one ("Login - Spotify" → Spotify). */
    static Optional<String> siteNamePart(List<String> parts) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>();
        order.add(parts.get(parts.size() - 1));
        if (parts.size() > 1) {
            order.add(parts.get(0));
        }
        for (String p : order) {
            Optional<String> name = nameIn(p);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** A short phrase with its generic words removed, if what remains reads as a name (no dates, at most three words). */
    static Optional<String> nameIn(String phrase) {
        String[] words = phrase.strip().split("\\s+");
        if (words.length > TITLE_NAME_WORDS) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            String bare = w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.]+$", "").replaceAll("\\.$", "");
            if (bare.chars().anyMatch(Character::isDigit) && !bare.matches(".*\\p{L}.*\\.[a-z]{2,6}")) {
                return Optional.empty(); // dates, numbers, "Issue 85": not a name
            }
            if (!bare.isEmpty() && !bare.startsWith("#")) {
                kept.add(bare);
            }
        }
        // What a page does ("Login", "Sign in", "Account") is said around a name, not inside it: "Archive of Our Own" keeps its "of".
        while (!kept.isEmpty() && GENERIC.contains(kept.get(0).toLowerCase(Locale.ROOT))) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && GENERIC.contains(kept.get(kept.size() - 1).toLowerCase(Locale.ROOT))) {
            kept.remove(kept.size() - 1);
        }
        if (kept.isEmpty() || kept.size() > TITLE_NAME_WORDS) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", kept));
    }

    /** How many words of the phrase are neither the brand's nor generic: "Tik Tok Followers" has one, "Xbox One X review" three. */
    static int othersBesides(String phrase, Brand brand) {
        List<String> brandWords = new ArrayList<>(brand.allKeywords());
        brandWords.addAll(Words.alphanumericRuns(brand.name().toLowerCase(Locale.ROOT)));
        String joined = SiteNames.squash(phrase);
        int others = 0;
        List<String> words = Words.alphanumericRuns(phrase.toLowerCase(Locale.ROOT));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean partOfBrand = brandWords.contains(w) || brandWords.stream().anyMatch(k -> k.length() >= 5 && k.contains(w) && joined.contains(k))
                    || (w.length() <= 3 && i > 0 && brandWords.contains(words.get(i - 1)) && SiteNames.TLDS.contains(w));
            if (!partOfBrand && !GENERIC.contains(w)) {
                others++;
            }
        }
        return others;
    }

    private static void headings(List<String> headings, List<IdentityClaim> out) {
        for (String h : headings.subList(0, Math.min(HEADINGS_READ, headings.size()))) {
            String text = NOT_A_POSE.matcher(h).replaceAll(" ");
            signIn(text, IdentityClaim.Where.SIGN_IN_PHRASE, out);
            int words = text.strip().split("\\s+").length;
            if (words <= SHORT_HEADING_WORDS) {
                domains(text, out, false);
            }
            Optional<String> phrase = words <= SHORT_HEADING_WORDS ? nameIn(text) : Optional.empty();
            for (Brand brand : Brands.namedIn(text)) {
                boolean asName = phrase.isPresent() && othersBesides(phrase.get(), brand) <= 1;
                out.add(new IdentityClaim(phrase.orElse(brand.name()), Optional.of(brand),
                        asName ? IdentityClaim.Where.HEADING : IdentityClaim.Where.TOPIC, h));
            }
        }
    }

    private static void mark(BrandMark m, List<IdentityClaim> out) {
        if (!m.visible() || NOT_A_POSE.matcher(m.context()).find() || NOT_A_POSE.matcher(m.alt()).find() || NOT_A_POSE.matcher(m.label()).find()) {
            return; // a button to sign in with another company, an app-store badge
        }
        String evidence = m.kind() + (m.alt().isEmpty() ? "" : " “" + m.alt() + "”") + (m.src().isEmpty() ? "" : " " + m.src());
        IdentityClaim.Where where = m.logo() ? IdentityClaim.Where.LOGO : IdentityClaim.Where.IMAGE;
        for (String text : List.of(m.alt(), m.label())) {
            phrases(SIGN_UP, text, IdentityClaim.Where.SIGN_UP_PHRASE, out); // a "Join X" banner drawn as a picture
            Optional<String> phrase = nameIn(stripNameless(text));
            if (text.isBlank() || phrase.isEmpty()) {
                continue; // a picture described in a sentence is content, not a name
            }
            List<Brand> brands = Brands.namedIn(text);
            brands.forEach(brand -> out.add(new IdentityClaim(phrase.get(), Optional.of(brand), where, evidence)));
            if (brands.isEmpty() && m.logo()) {
                out.add(new IdentityClaim(phrase.get(), Optional.empty(), where, evidence));
            }
        }
        if (m.logo()) {
            // the logo's file and class names: "microsoft_logo.svg", "spotify-logo"
            String file = fileName(m.src());
            for (String words : List.of(file, m.hint())) {
                List<String> tokens = Words.letterRuns(words.toLowerCase(Locale.ROOT));
                for (String token : tokens) {
                    Brands.named(token).filter(b -> b.allKeywords().contains(token))
                            .ifPresent(brand -> out.add(new IdentityClaim(brand.name(), Optional.of(brand), where, evidence)));
                }
            }
        }
    }

    private static void icon(URI icon, String host, List<IdentityClaim> out) {
        if (icon.getHost() == null || RegistrableDomain.sameSite(icon.getHost(), host)) {
            return;
        }
        Brands.ownerOf(icon.getHost()).ifPresent(brand ->
                out.add(new IdentityClaim(brand.name(), Optional.of(brand), IdentityClaim.Where.ICON, "icon " + icon)));
    }

    private static void form(FormFacts f, List<IdentityClaim> out) {
        String text = NOT_A_POSE.matcher(f.text()).replaceAll(" ");
        signIn(text, IdentityClaim.Where.SIGN_IN_PHRASE, out);
        String evidence = "form: " + (f.text().length() > 120 ? f.text().substring(0, 120) + "…" : f.text());
        for (Pattern p : List.of(COPYRIGHT, TERMS_OF)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                named(m.group(1), IdentityClaim.Where.FORM, evidence, out);
            }
        }
        if (!f.asksForPassword() && !f.asksForOneTimeCode()) {
            return; // a checkout names card networks, wallets and carriers it does not pose as
        }
        StringBuilder said = new StringBuilder(text);
        f.inputs().forEach(i -> said.append(" \n ").append(i.hint()));
        for (Brand brand : Brands.namedIn(NOT_A_POSE.matcher(said).replaceAll(" "))) {
            out.add(new IdentityClaim(brand.name(), Optional.of(brand), IdentityClaim.Where.FORM, evidence));
        }
    }

    private static void signIn(String text, IdentityClaim.Where where, List<IdentityClaim> out) {
        phrases(SIGN_IN, text, where, out);
        phrases(SIGN_UP, text, IdentityClaim.Where.SIGN_UP_PHRASE, out);
    }

    private static void phrases(List<Pattern> patterns, String text, IdentityClaim.Where where, List<IdentityClaim> out) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String name = m.group(1).replaceAll("(?i)\\s+(account|id)$", "");
                named(name, where, text, out);
            }
        }
    }

    private static void domains(String text, List<IdentityClaim> out, boolean shortPartsOnly) {
        Matcher m = DOMAIN.matcher(text);
        while (m.find()) {
            String domain = m.group(1);
            if (shortPartsOnly && text.split("\\s+").length > TITLE_NAME_WORDS + 2) {
                continue;
            }
            named(domain, IdentityClaim.Where.DOMAIN, text, out);
        }
    }

    /** A name found in a place: as written, and with the known brand it names, if any. */
    private static void named(String raw, IdentityClaim.Where where, String evidence, List<IdentityClaim> out) {
        Optional<String> phrase = nameIn(raw);
        List<Brand> brands = Brands.namedIn(raw);
        if (!brands.isEmpty()) {
            brands.forEach(b -> out.add(new IdentityClaim(phrase.orElse(b.name()), Optional.of(b), where, evidence)));
            return;
        }
        phrase.ifPresent(n -> out.add(new IdentityClaim(n, Optional.empty(), where, evidence)));
    }

    private static String stripNameless(String text) {
        List<String> kept = new ArrayList<>();
        for (String w : text.split("\\s+")) {
            if (!NAMELESS.contains(w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""))) {
                kept.add(w);
            }
        }
        return String.join(" ", kept);
    }

    private static String fileName(String src) {
        if (src.isEmpty() || src.startsWith("data:")) {
            return "";
        }
        String path = src.replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
