package dev.veritas.engine;

import dev.veritas.capture.LinkFacts;
import dev.veritas.hosts.RegistrableDomain;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which same-site links an audit follows first: the pages where deception pays (login, checkout, cart,
 * pricing), then the pages that say who runs the site (privacy, terms, contact, about), then cancellation.
 */
final class LinkPriority {
    private static final List<Pattern> ORDER = List.of(
            // Link texts say "Sign in" and "Log out", paths say sign-in or signin: a space, hyphen or underscore, or none;
            // not inside a word ("blog in French" is no login).
            Pattern.compile("(?<![a-z])log[-_ ]?in|(?<![a-z])sign[-_ ]?in|account|auth|verify", Pattern.CASE_INSENSITIVE),
            Pattern.compile("checkout|payment|billing", Pattern.CASE_INSENSITIVE),
            Pattern.compile("cart|basket|bag", Pattern.CASE_INSENSITIVE),
            Pattern.compile("pricing|plans|(?<!un)subscribe|membership", Pattern.CASE_INSENSITIVE),
            Pattern.compile("privacy|datenschutz", Pattern.CASE_INSENSITIVE),
            Pattern.compile("terms|conditions|legal|agb", Pattern.CASE_INSENSITIVE),
            Pattern.compile("contact|support|help|impressum|imprint", Pattern.CASE_INSENSITIVE),
            Pattern.compile("about|company|who[-_ ]we[-_ ]are", Pattern.CASE_INSENSITIVE),
            Pattern.compile("cancel|unsubscribe|refund|return", Pattern.CASE_INSENSITIVE));
    private static final Pattern SKIP = Pattern.compile("\\.(pdf|jpe?g|png|gif|webp|svg|zip|gz|tgz|rar|7z|exe|dmg|msi|apk|mp3|mp4|mov|avi|docx?|xlsx?|pptx?|css|js|json|xml|ico|woff2?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOGOUT = Pattern.compile("(?<![a-z])log[-_ ]?out|(?<![a-z])sign[-_ ]?out", Pattern.CASE_INSENSITIVE);
    static final int OTHER = ORDER.size();

    private LinkPriority() {}

    /** The rank of a link (lower first), or empty when it should not be followed at all. */
    static Optional<Integer> rank(LinkFacts link, URI site) {
        URI u = link.href();
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        if (!RegistrableDomain.sameSite(u, site) || u.getPath() == null || SKIP.matcher(u.getPath()).find()) {
            return Optional.empty();
        }
        String text = (link.text() + " " + u.getPath()).toLowerCase(Locale.ROOT);
        if (LOGOUT.matcher(text).find()) {
            return Optional.empty();
        }
        for (int i = 0; i < ORDER.size(); i++) {
            if (ORDER.get(i).matcher(text).find()) {
                return Optional.of(i);
            }
        }
        return Optional.of(OTHER);
    }

    /** A URL without its fragment, default port and trailing slash, an empty path written as "/", to recognise a page already seen. */
    static String key(URI u) {
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean defaultPort = u.getPort() == -1 || u.getPort() == ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
        String port = defaultPort ? "" : ":" + u.getPort();
        return (u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT)) + port + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
}
