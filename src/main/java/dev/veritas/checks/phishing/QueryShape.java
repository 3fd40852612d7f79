package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an address's query string says about how it was made. Sign-in protocols (OAuth and OpenID Connect, SAML, CAS,
 * WS-Federation) write requests of a fixed form that an organisation's identity system produces; a return address
 * back to the same site is how sign-in and checkout pages send people home; campaign tags are added by the mailing
 * tools of organisations that measure their newsletters. Phishing links carry these too at times, which is why they
 * are signals the model weighs rather than verdicts.
 */
final class QueryShape {
    private QueryShape() {}

    private static final int MAX_PARAMS = 64;

    /** Parameter names that carry the address to return to after signing in or acting. */
    private static final Set<String> RETURN_PARAMS = Set.of(
            "continue", "next", "return", "returnto", "return_to", "returnurl", "return_url", "returnpath", "redirect",
            "redirect_uri", "redirect_url", "redirecturl", "redirect_to", "redirectto", "target", "service", "relaystate",
            "origin", "origin_url", "starturl", "goto", "dest", "destination", "callback", "callback_url", "backurl",
            "back_url", "successurl", "success_url", "loginsuccessurl");

    /**
     * Campaign tags that an organisation's own mailing and analytics tools append. Click identifiers that a social
     * network or an advertising platform adds to any link clicked there (fbclid, gclid) say nothing of who sent it.
     */
    private static final Set<String> CAMPAIGN_PARAMS = Set.of(
            "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "_hsenc", "_hsmi", "mc_cid", "mc_eid",
            "mkt_tok", "cmpid", "et_rid", "sc_cid", "ito", "icid");

    /** The sign-in protocol an address's query speaks, if it has the fixed parameters of one. */
    static Optional<String> signInProtocol(String query, String path) {
        Set<String> keys = new HashSet<>();
        for (Param p : params(query)) {
            keys.add(p.key);
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        if (keys.contains("samlrequest") || keys.contains("samlresponse") || keys.contains("relaystate") && keys.contains("sigalg")) {
            return Optional.of("a SAML sign-in request");
        }
        if (keys.contains("client_id") && (keys.contains("redirect_uri") || keys.contains("response_type") || keys.contains("scope"))) {
            return Optional.of("an OAuth / OpenID Connect sign-in request");
        }
        if (keys.contains("wa") && keys.contains("wtrealm")) {
            return Optional.of("a WS-Federation sign-in request");
        }
        if (keys.contains("service") && (lowerPath.contains("/cas/") || lowerPath.endsWith("/cas") || lowerPath.contains("/login"))) {
            return Optional.of("a CAS sign-in request");
        }
        if (keys.contains("authstate") || keys.contains("execution") && lowerPath.contains("/idp/")
                || lowerPath.contains("/idp/profile/") || keys.contains("shire") && keys.contains("providerid")) {
            return Optional.of("a step of a university-style single sign-on (Shibboleth, SimpleSAMLphp)");
        }
        return Optional.empty();
    }

    /**
     * The return address when one parameter sends the visitor back to the same registrable domain, either by a path on
     * the same site ("?next=%2Faccount") or by a full address there ("?continue=https://mail.example.com/").
     */
    static Optional<String> returnToOwnSite(RegistrableDomain rd, String query) {
        if (rd.ip() || rd.domain().isEmpty()) {
            return Optional.empty();
        }
        String own = rd.domain().get();
        for (Param p : params(query)) {
            if (!RETURN_PARAMS.contains(p.key) || p.value.isEmpty()) {
                continue;
            }
            String v = decode(decode(p.value)).strip();
            if (v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\")) {
                return Optional.of(p.key + "=" + UrlFeatureExtractor.shorten(v, 60));
            }
            String lower = v.toLowerCase(Locale.ROOT);
            String rest = lower.startsWith("https://") ? v.substring(8) : lower.startsWith("http://") ? v.substring(7) : "";
            if (rest.isEmpty()) {
                continue;
            }
            UrlParts target = UrlParts.parse("https://" + rest);
            if (!target.userinfo().isEmpty()) {
                continue;
            }
            Optional<String> targetDomain = RegistrableDomain.of(target.asciiHost()).domain();
            if (targetDomain.isPresent() && targetDomain.get().equals(own)) {
                return Optional.of(p.key + "=" + UrlFeatureExtractor.shorten(target.asciiHost(), 60));
            }
        }
        return Optional.empty();
    }

    /**
     * Parameters that sign-in protocols use to name where to go next, whose destination is routinely another
     * organisation's site (the application that asked for the sign-in): not a redirect to judge.
     */
    private static final Set<String> PROTOCOL_RETURN_PARAMS = Set.of(
            "redirect_uri", "service", "relaystate", "wreply", "wtrealm", "client_id", "post_logout_redirect_uri", "acr_values");

    /**
     * The other site an address forwards to when one of its parameters is a full address on another registrable domain
     * ("away.php?to=http://elsewhere.example/"): the open redirect through which phishing borrows a trusted site's name.
     */
    static Optional<String> redirectElsewhere(RegistrableDomain rd, String query) {
        if (rd.ip() || rd.domain().isEmpty()) {
            return Optional.empty();
        }
        String own = rd.domain().get();
        for (Param p : params(query)) {
            String key = p.key.startsWith("amp;") ? p.key.substring(4) : p.key;
            if (PROTOCOL_RETURN_PARAMS.contains(key) || key.startsWith("openid.")) {
                continue;
            }
            String v = decode(decode(p.value)).strip();
            String lower = v.toLowerCase(Locale.ROOT);
            String rest = lower.startsWith("https://") ? v.substring(8) : lower.startsWith("http://") ? v.substring(7)
                    : lower.startsWith("//") ? v.substring(2) : "";
            if (rest.isEmpty()) {
                continue;
            }
            String targetHost = UrlParts.parse("https://" + rest).asciiHost();
            Optional<String> target = RegistrableDomain.of(targetHost).domain();
            if (target.isPresent() && !target.get().equals(own)) {
                return Optional.of(UrlFeatureExtractor.shorten(target.get(), 60));
            }
        }
        return Optional.empty();
    }

    /** The campaign tags of an address ("utm_source, utm_medium"), if it has any. */
    static Optional<String> campaignTags(String query) {
        List<String> found = new ArrayList<>();
        for (Param p : params(query)) {
            if (CAMPAIGN_PARAMS.contains(p.key) && !found.contains(p.key)) {
                found.add(p.key);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    private record Param(String key, String value) {}

    private static List<Param> params(String query) {
        List<Param> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (out.size() >= MAX_PARAMS) {
                break;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                out.add(new Param(key, eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        return out;
    }

    /** Percent-decoding that never throws: a malformed escape stays as written, other characters as they are. */
    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
