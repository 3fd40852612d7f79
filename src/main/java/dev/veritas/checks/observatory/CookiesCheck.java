package dev.veritas.checks.observatory;

import dev.veritas.hosts.RegistrableDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cookies}: whether cookies carry Secure, session cookies HttpOnly, and cross-site requests are
 * limited with SameSite. A cookie whose name contains "login" or "sess" is a session cookie, one whose
 * name contains "csrf" an anti-CSRF token.
 */
public final class CookiesCheck implements ObservatoryCheck {
    public static final String NAME = "cookies";

    /** A load-balancer cookie that carries no secret and that Observatory ignores. */
    private static final List<String> IGNORED_COOKIES = List.of("heroku-session-affinity");

    public enum Result implements ObservatoryResult {
        SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE("cookies-secure-with-httponly-sessions-and-samesite", 5,
                "All cookies use Secure, session cookies use HttpOnly, and SameSite limits cross-site requests.",
                ""),
        SECURE_WITH_HTTPONLY_SESSIONS("cookies-secure-with-httponly-sessions", 0,
                "All cookies use Secure and session cookies use HttpOnly, but not every cookie sets SameSite.",
                "Add SameSite=Lax (or Strict) to every cookie."),
        NOT_FOUND("cookies-not-found", 0,
                "The page sets no cookies.",
                ""),
        WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS("cookies-without-secure-flag-but-protected-by-hsts", -5,
                "Cookies are set without Secure, though HSTS keeps browsers from sending them over HTTP.",
                "Add Secure to every cookie."),
        SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS("cookies-session-without-secure-flag-but-protected-by-hsts", -10,
                "A session cookie is set without Secure, though HSTS keeps browsers from sending it over HTTP.",
                "Add Secure to session cookies."),
        WITHOUT_SECURE_FLAG("cookies-without-secure-flag", -20,
                "Cookies are set without Secure, so they can travel over plain HTTP.",
                "Add Secure to every cookie and set up HSTS."),
        SAMESITE_FLAG_INVALID("cookies-samesite-flag-invalid", -20,
                "A cookie's SameSite is empty or not Strict, Lax or None, or SameSite=None is used without Secure.",
                "Use SameSite=Strict or Lax (SameSite=None only together with Secure)."),
        ANTICSRF_WITHOUT_SAMESITE_FLAG("cookies-anticsrf-without-samesite-flag", -20,
                "An anti-CSRF token cookie is set without SameSite.",
                "Set SameSite=Strict or Lax on anti-CSRF cookies."),
        SESSION_WITHOUT_HTTPONLY_FLAG("cookies-session-without-httponly-flag", -30,
                "A session cookie is readable by scripts (no HttpOnly), so an injected script can steal the session.",
                "Add HttpOnly to session cookies."),
        SESSION_WITHOUT_SECURE_FLAG("cookies-session-without-secure-flag", -40,
                "A session cookie is set without Secure and nothing keeps it off plain HTTP, so the session can be stolen on the network.",
                "Add Secure to session cookies and set up HSTS.");

        private final ResultText text;

        Result(String wire, int modifier, String description, String recommendation) {
            this.text = new ResultText(wire, modifier, description, recommendation);
        }

        @Override public ResultText text() { return text; }
    }

    /**
     * Observatory's order for "keep the worse result": by this list, not by score. Note that a session
     * cookie without Secure under HSTS ranks above a plain cookie without Secure and no HSTS.
     */
    private static final List<Result> WORSE_LATER = List.of(
            Result.WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS,
            Result.WITHOUT_SECURE_FLAG,
            Result.SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS,
            Result.SAMESITE_FLAG_INVALID,
            Result.ANTICSRF_WITHOUT_SAMESITE_FLAG,
            Result.SESSION_WITHOUT_HTTPONLY_FLAG,
            Result.SESSION_WITHOUT_SECURE_FLAG);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Result> possibleResults() {
        return Arrays.asList(Result.values());
    }

    @Override
    public TestResult evaluate(ObservedPage page) {
        ObservatoryInput input = page.input();
        boolean hsts = page.hsts().pass();
        Result result = null;

        // A malformed SameSite is caught on the raw response lines: the jar would quietly accept it.
        for (String raw : input.headers().values("Set-Cookie")) {
            if (SetCookie.hasInvalidSameSite(raw)) {
                result = worse(Result.SAMESITE_FLAG_INVALID, result);
            }
        }

        List<SetCookie> cookies = jar(input);
        if (cookies.isEmpty()) {
            return TestResult.of(Result.NOT_FOUND, true);
        }
        boolean missingSameSite = false;
        for (SetCookie cookie : cookies) {
            String name = cookie.name().toLowerCase(Locale.ROOT);
            boolean session = name.contains("login") || name.contains("sess");
            boolean antiCsrf = name.contains("csrf");

            if (!cookie.secure() && cookie.sameSite().filter("none"::equals).isPresent()) {
                result = worse(Result.SAMESITE_FLAG_INVALID, result);
            }
            if (!cookie.secure()) {
                result = worse(hsts ? Result.WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS : Result.WITHOUT_SECURE_FLAG, result);
            }
            if (antiCsrf && cookie.sameSite().isEmpty()) {
                result = worse(Result.ANTICSRF_WITHOUT_SAMESITE_FLAG, result);
            }
            if (session && !cookie.secure()) {
                result = worse(hsts ? Result.SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS
                        : Result.SESSION_WITHOUT_SECURE_FLAG, result);
            }
            if (session && !cookie.httpOnly()) {
                result = worse(Result.SESSION_WITHOUT_HTTPONLY_FLAG, result);
            }
            missingSameSite |= cookie.sameSite().isEmpty();
        }
        if (result == null) {
            result = missingSameSite ? Result.SECURE_WITH_HTTPONLY_SESSIONS : Result.SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE;
        }
        boolean pass = result == Result.SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE || result == Result.SECURE_WITH_HTTPONLY_SESSIONS;
        return TestResult.of(result, pass);
    }

    private static Result worse(Result candidate, Result current) {
        if (current == null || WORSE_LATER.indexOf(candidate) > WORSE_LATER.indexOf(current)) {
            return candidate;
        }
        return current;
    }

    /**
     * The cookies a browser-like jar keeps from the page's host: a cookie for another domain or for a
     * public suffix is refused, a {@code __Secure-}/{@code __Host-} cookie that breaks its prefix rules is
     * dropped, and a later cookie with the same name, domain and path replaces an earlier one.
     */
    static List<SetCookie> jar(ObservatoryInput input) {
        String host = input.host();
        Map<String, SetCookie> kept = new LinkedHashMap<>();
        for (String raw : input.cookies()) {
            Optional<SetCookie> parsed = SetCookie.parse(raw);
            if (parsed.isEmpty()) {
                continue;
            }
            SetCookie cookie = parsed.get();
            boolean hostOnly = cookie.domain().isEmpty();
            String domain = cookie.domain().orElse(host);
            if (!hostOnly && (refusedDomain(domain) || !domainMatches(host, domain))) {
                continue;
            }
            String path = cookie.path().orElseGet(() -> defaultPath(input.pageUrl().getRawPath()));
            if (cookie.name().startsWith("__Secure-") && !cookie.secure()) {
                continue;
            }
            if (cookie.name().startsWith("__Host-") && !(cookie.secure() && hostOnly && path.equals("/"))) {
                continue;
            }
            if (cookie.name().isEmpty() || IGNORED_COOKIES.contains(cookie.name())) {
                continue;
            }
            kept.put(domain + "\n" + path + "\n" + cookie.name(), cookie);
        }
        return new ArrayList<>(kept.values());
    }

    /**
     * A Domain attribute the jar refuses: a public suffix, or an IPv4 address (which has no registrable domain);
     * the special-use names "localhost" and "invalid" are accepted as they are (RFC 6761).
     */
    private static boolean refusedDomain(String domain) {
        if (domain.equals("localhost") || domain.equals("invalid")) {
            return false;
        }
        boolean ipv4 = RegistrableDomain.isIpAddress(domain) && domain.indexOf(':') < 0;
        return ipv4 || RegistrableDomain.isPublicSuffix(domain);
    }

    private static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return host.endsWith("." + domain) && !RegistrableDomain.isIpAddress(host);
    }

    private static String defaultPath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) {
            return "/";
        }
        int lastSlash = requestPath.lastIndexOf('/');
        return lastSlash == 0 ? "/" : requestPath.substring(0, lastSlash);
    }
}
