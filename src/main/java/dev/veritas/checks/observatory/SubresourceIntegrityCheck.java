package dev.veritas.checks.observatory;

import dev.veritas.hosts.RegistrableDomain;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code subresource-integrity}: whether scripts from other sites are loaded over HTTPS and pinned with an
 * {@code integrity} hash. A script counts as the site's own when its URL is relative or on the same
 * registrable domain as the site (under the Public Suffix List's ICANN section, as the Observatory compares);
 * a protocol-relative {@code //host/x.js} never does and never counts as HTTPS, because a page served over
 * HTTP would fetch it over HTTP.
 */
public final class SubresourceIntegrityCheck implements ObservatoryCheck {
    public static final String NAME = "subresource-integrity";

    public enum Result implements ObservatoryResult {
        IMPLEMENTED_AND_ALL_SCRIPTS_LOADED_SECURELY("sri-implemented-and-all-scripts-loaded-securely", 5,
                "Subresource Integrity is used and every script comes from the site itself over HTTPS.",
                ""),
        IMPLEMENTED_AND_EXTERNAL_SCRIPTS_LOADED_SECURELY("sri-implemented-and-external-scripts-loaded-securely", 5,
                "Scripts from other sites are loaded over HTTPS with Subresource Integrity, so a tampered copy would not run.",
                ""),
        NOT_IMPLEMENTED_RESPONSE_NOT_HTML("sri-not-implemented-response-not-html", 0,
                "The response is not HTML, so Subresource Integrity does not apply.",
                ""),
        NOT_IMPLEMENTED_BUT_NO_SCRIPTS_LOADED("sri-not-implemented-but-no-scripts-loaded", 0,
                "The page has no script tags, so Subresource Integrity is not needed.",
                ""),
        NOT_IMPLEMENTED_BUT_ALL_SCRIPTS_LOADED_FROM_SECURE_ORIGIN("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0,
                "Subresource Integrity is not used, but all scripts come from the site itself.",
                "Add integrity attributes for bonus points."),
        NOT_IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_LOADED_SECURELY("sri-not-implemented-but-external-scripts-loaded-securely", -5,
                "Scripts from other sites are loaded over HTTPS but without Subresource Integrity: if that site is compromised, so is this one.",
                "Add integrity (and crossorigin) attributes to scripts from other sites."),
        IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY("sri-implemented-but-external-scripts-not-loaded-securely", -20,
                "Subresource Integrity is used, but scripts from other sites are loaded over HTTP or with protocol-relative URLs (src=\"//…\").",
                "Load scripts from other sites with https:// URLs."),
        NOT_IMPLEMENTED_AND_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY("sri-not-implemented-and-external-scripts-not-loaded-securely", -50,
                "Scripts from other sites are loaded over HTTP or with protocol-relative URLs (src=\"//…\") and without "
                        + "Subresource Integrity, so anyone on the network path can replace them.",
                "Load scripts from other sites with https:// URLs and add integrity attributes."),
        HTML_NOT_PARSEABLE("html-not-parseable", -20,
                "The response claims to be HTML but could not be read as HTML.",
                "Make sure the server returns well-formed HTML in the declared character set.");

        private final ResultText text;

        Result(String wire, int modifier, String description, String recommendation) {
            this.text = new ResultText(wire, modifier, description, recommendation);
        }

        @Override public ResultText text() { return text; }
    }

    /**
     * Observatory's order for "keep the worse result". It is not the score order: a later script loaded
     * over HTTPS without SRI (-5) replaces an earlier SRI script over HTTP (-20).
     */
    private static final List<Result> WORSE_LATER = List.of(
            Result.IMPLEMENTED_AND_ALL_SCRIPTS_LOADED_SECURELY,
            Result.IMPLEMENTED_AND_EXTERNAL_SCRIPTS_LOADED_SECURELY,
            Result.IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY,
            Result.NOT_IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_LOADED_SECURELY,
            Result.NOT_IMPLEMENTED_AND_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY,
            Result.NOT_IMPLEMENTED_RESPONSE_NOT_HTML);

    private static final List<Result> PASSING = List.of(
            Result.IMPLEMENTED_AND_ALL_SCRIPTS_LOADED_SECURELY,
            Result.IMPLEMENTED_AND_EXTERNAL_SCRIPTS_LOADED_SECURELY,
            Result.NOT_IMPLEMENTED_RESPONSE_NOT_HTML,
            Result.NOT_IMPLEMENTED_BUT_ALL_SCRIPTS_LOADED_FROM_SECURE_ORIGIN,
            Result.NOT_IMPLEMENTED_BUT_NO_SCRIPTS_LOADED);

    private static final Pattern FULL_URL = Pattern.compile("^(https?)://");
    private static final Pattern PROTOCOL_RELATIVE = Pattern.compile("^//[^/]");

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
        Result result = classify(page);
        return TestResult.of(result, PASSING.contains(result));
    }

    private static Result classify(ObservedPage page) {
        // Only a declared type that is not HTML is "not HTML": a response without a Content-Type is read as HTML.
        String mime = JsText.split(page.input().headers().combined("Content-Type").orElse(""), ';').get(0);
        if (!mime.isEmpty() && !ObservedPage.HTML_TYPES.contains(mime)) {
            return Result.NOT_IMPLEMENTED_RESPONSE_NOT_HTML;
        }
        if (page.tags().isEmpty()) {
            return Result.HTML_NOT_PARSEABLE;
        }
        ObservatoryInput input = page.input();
        // The Observatory compares registrable domains under the list's ICANN section only, so scripts on another
        // user's subdomain of the same hosting platform (alice.github.io on bob.github.io) count as the site's own.
        Optional<String> siteDomain = RegistrableDomain.icannRegistrableOf(input.siteHost());
        List<ObservatoryHtml.Tag> scripts = page.tags("script");
        Result result = null;
        boolean scriptsOnForeignOrigin = false;
        for (ObservatoryHtml.Tag script : scripts) {
            String address = script.has("src") ? script.get("src") : "";
            if (address.isEmpty()) {
                continue; // inline script
            }
            ScriptUrl src = ScriptUrl.of(address);
            if (src.kind() == ScriptUrl.Kind.ABSOLUTE && !WhatwgUrl.acceptsSpecial(address)) {
                throw new AnalyzerFailure("the Observatory cannot grade this page: the script address " + address
                        + " is not a valid URL, and its analyzer stops there");
            }
            String integrityAttr = script.has("integrity") ? script.get("integrity") : "";
            boolean integrity = !integrityAttr.isEmpty();

            boolean relativeOrigin = src.kind() == ScriptUrl.Kind.RELATIVE;
            boolean relativeProtocol = src.kind() == ScriptUrl.Kind.PROTOCOL_RELATIVE;
            boolean sameSecondLevelDomain = switch (src.kind()) {
                case RELATIVE, PROTOCOL_RELATIVE -> true;
                case ABSOLUTE -> Objects.equals(RegistrableDomain.icannRegistrableOf(src.host()), siteDomain);
            };
            boolean secureOrigin = relativeOrigin || sameSecondLevelDomain && !relativeProtocol;
            if (!secureOrigin) {
                scriptsOnForeignOrigin = true;
            }
            boolean secureScheme = src.kind() == ScriptUrl.Kind.ABSOLUTE && src.scheme().equals("https")
                    || relativeOrigin && input.isHttps();

            if (!secureOrigin) {
                if (integrity && !secureScheme) {
                    result = worse(Result.IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY, result);
                } else if (!integrity && secureScheme) {
                    result = worse(Result.NOT_IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_LOADED_SECURELY, result);
                } else if (!integrity) {
                    result = worse(Result.NOT_IMPLEMENTED_AND_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY, result);
                }
            } else if (integrity && secureScheme && result == null) {
                result = Result.IMPLEMENTED_AND_ALL_SCRIPTS_LOADED_SECURELY; // the bonus counts on the site's own scripts too
            }
        }
        if (scripts.isEmpty()) {
            return Result.NOT_IMPLEMENTED_BUT_NO_SCRIPTS_LOADED;
        }
        if (result == null) {
            return scriptsOnForeignOrigin ? Result.IMPLEMENTED_AND_EXTERNAL_SCRIPTS_LOADED_SECURELY
                    : Result.NOT_IMPLEMENTED_BUT_ALL_SCRIPTS_LOADED_FROM_SECURE_ORIGIN;
        }
        return result;
    }

    private static Result worse(Result candidate, Result current) {
        if (current == null || WORSE_LATER.indexOf(candidate) > WORSE_LATER.indexOf(current)) {
            return candidate;
        }
        return current;
    }

    /**
     * A script's {@code src} as the Observatory reads it, by the shape of the text alone: protocol-relative,
     * absolute http(s), or anything else — {@code data:}, {@code ftp:}, a path — which counts as relative.
     */
    record ScriptUrl(Kind kind, String scheme, String host) {
        enum Kind { ABSOLUTE, PROTOCOL_RELATIVE, RELATIVE }

        static ScriptUrl of(String raw) {
            // The Observatory reads the attribute as written: "//x" is protocol-relative, a value starting with
            // exactly "http://" or "https://" is absolute, and anything else (upper case, leading spaces,
            // other schemes) is relative to the page.
            if (PROTOCOL_RELATIVE.matcher(raw).find()) {
                return new ScriptUrl(Kind.PROTOCOL_RELATIVE, "", "");
            }
            Matcher absolute = FULL_URL.matcher(raw);
            if (absolute.find()) {
                return new ScriptUrl(Kind.ABSOLUTE, absolute.group(1), hostOf(raw.substring(absolute.group(1).length() + 1)));
            }
            return new ScriptUrl(Kind.RELATIVE, "", "");
        }

        /** The host after {@code scheme:}: slashes and backslashes skipped, user info and port removed. */
        private static String hostOf(String afterScheme) {
            int i = 0;
            while (i < afterScheme.length() && (afterScheme.charAt(i) == '/' || afterScheme.charAt(i) == '\\')) {
                i++;
            }
            int end = i;
            while (end < afterScheme.length() && "/\\?#".indexOf(afterScheme.charAt(end)) < 0) {
                end++;
            }
            String authority = afterScheme.substring(i, end);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1);
            }
            if (!authority.startsWith("[")) {
                int colon = authority.indexOf(':');
                if (colon >= 0) {
                    authority = authority.substring(0, colon);
                }
            } else if (authority.indexOf(']') > 0) {
                authority = authority.substring(0, authority.indexOf(']') + 1);
            }
            return authority.toLowerCase(Locale.ROOT);
        }
    }
}
