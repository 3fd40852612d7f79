package dev.veritas.checks.phishing;

import java.util.Optional;

/**
 * The named signals Veritas reads from an address. Each says, in words a person understands,
 * what it saw; {@code %s} is filled with the detail (the IP number, the brand, the count).
 *
 * <p>Binary signals are present or absent. Numeric ones are measured, and the model compares
 * them with a typical address, so they read differently when higher or lower than usual.
 */
public enum UrlFeature {
    IP_HOST("ip_host", "the address uses an IP number (%s) instead of a name"),
    USERINFO("userinfo_at", "the address puts '%s@' before the host; browsers ignore that part, so it can pose as the destination"),
    AT_AFTER_HOST("at_after_host", "the address contains '@' after the host, a trick to make part of it look like the destination"),
    OPAQUE_SCHEME("script_or_data_scheme", "the address is a '%s:' link that carries code or data instead of a web page"),
    PUNYCODE("punycode", "the host is written in punycode (%s), which can hide look-alike letters"),
    MIXED_SCRIPTS("mixed_scripts", "the host mixes alphabets (%s), a way to imitate another name with look-alike letters"),
    BRAND_LOOKALIKE("brand_lookalike", "the host contains %s"),
    BRAND_IN_SUBDOMAIN("brand_in_subdomain", "%s"),
    BRAND_IN_DOMAIN("brand_in_domain", "%s"),
    BRAND_IN_PATH("brand_in_path", "%s"),
    USER_CONTENT("user_content_on_brand_domain", "the address opens %s: anyone can publish there, so the brand's name does not vouch for it"),
    OFFICIAL_BRAND_DOMAIN("official_brand_domain", "the host is an official domain of %s"),
    PRELOADED_HTTPS("hsts_preloaded_domain", "%s is on the HSTS preload list built into browsers: its owner committed it to HTTPS "
            + "for good, which established sites do and throw-away phishing domains do not"),
    POPULAR_DOMAIN("popular_domain", "%s among the domains the rest of the web links to most: established organisations' "
            + "sites are, throw-away phishing domains are not"),
    SUSPICIOUS_TLD("suspicious_tld", "the top-level domain .%s is cheap or free and much abused by phishing sites"),
    SHORTENER("link_shortener", "the address goes through the link shortener %s, which hides the real destination"),
    SHARED_HOSTING("free_subdomain_hosting", "the page is on %s, where anyone can publish under a free subdomain"),
    HTTPS_IN_HOST("https_in_host", "the host contains '%s' to look secure; real sites have no need to"),
    DOUBLE_SLASH("double_slash_in_path", "the path contains '//', which can hide a redirect to another site"),
    PORT("non_standard_port", "the address names port %s; ordinary sites use the default port"),
    DOMAIN_IN_SUBDOMAIN("domain_in_subdomain", "the subdomain '%s' imitates a complete domain name, so the real domain is easy to miss"),
    DOMAIN_IN_PATH("domain_in_path", "the path contains another domain name (%s), as if the page were on that site"),
    WWW("www_prefix", "the host starts with 'www.'"),
    PLAIN_HTTP("plain_http", "the address uses plain HTTP, not HTTPS"),
    BARE_HOST("home_page_only", "the address is a site's home page, with no path or query"),
    SENSITIVE_WORDS("sensitive_words", "the address uses words that push for credentials or urgency: %s",
            "the address uses none of the words that press for a login or payment (login, verify, account, …)"),
    PHP_PAGE("php_script", "the page is a PHP script (%s), the usual form of a phishing kit's login page"),
    HTML_PAGE("static_html_page", "the address names a static page (%s)"),
    EXECUTABLE("executable_download", "the address points to a file that installs or runs software (%s)"),
    RANDOM_TOKEN("random_code_in_path", "the path contains a long random-looking code (%s), typical of kits that give each victim a unique link"),
    CMS_FOLDER("cms_folder", "the path goes through a '%s' folder; phishing pages are often planted in hacked websites"),
    EMAIL_IN_URL("email_in_address", "the address contains an e-mail address (%s), often the recipient's, pre-filled to look personal"),
    INSTITUTIONAL_DOMAIN("institutional_domain", "the domain is under .%s, which only institutions (universities, schools, "
            + "governments) may register"),
    TENANT_PLATFORM("organisation_tenant", "the address is an organisation's own space on %s, which organisations set up "
            + "under contract rather than pages anyone can publish"),
    SIGN_IN_PROTOCOL("sign_in_protocol", "the query is %s, in the fixed form organisations' identity systems write"),
    RETURN_TO_OWN_SITE("return_to_own_site", "the address sends the visitor back to the same site afterwards (%s)"),
    CAMPAIGN_TAGS("campaign_tags", "the address carries a mailing or advertising campaign's tags (%s)"),
    REDIRECT_ELSEWHERE("redirect_to_other_site", "the address forwards to another site (%s) named in its query, the way "
            + "phishing borrows a trusted site's name through its redirects"),
    URL_LENGTH("url_length", "the address is %s characters long", "the address is empty"),
    HOST_LENGTH("host_length", "the host name is %s characters long", "the address has no host name"),
    SUBDOMAIN_LEVELS("subdomain_levels", "the host has %s level(s) of subdomain before the registered domain",
            "the host has no subdomain besides 'www'"),
    HOST_HYPHENS("host_hyphens", "the host contains %s hyphen(s)", "the host contains no hyphen"),
    HOST_DIGITS("host_digits", "the host contains %s digit(s)", "the host contains no digits"),
    HOST_RANDOMNESS("host_randomness", "the domain name's longest run of consonants is %s letters (random names have long runs)",
            "the domain name has no run of consonants"),
    PATH_DEPTH("path_depth", "the path is %s level(s) deep", "the address has no path"),
    PATH_SLUG_WORDS("path_title_words", "the path spells %s hyphenated words, like the title of an article",
            "the path does not read like an article title"),
    PATH_UPPERCASE("path_capitals", "the path contains %s capital letter(s)", "the path has no capital letters"),
    PATH_DIGIT_SHARE("path_digit_share", "digits make up %s%% of the path", "the path contains no digits"),
    QUERY_LENGTH("query_length", "the query string is %s characters long", "the address has no query string"),
    QUERY_PARAMS("query_parameters", "the query string has %s parameter(s)", "the address has no query parameters"),
    PERCENT_ESCAPES("percent_escapes", "the address contains %s percent-encoded character(s)",
            "the address has no percent-encoded characters"),
    DOTS("dots", "the address contains %s dot(s)", "the address has no dots");

    private final String id;
    private final String template;
    private final String whenZero;

    UrlFeature(String id, String template) {
        this(id, template, template);
    }

    /** For measured signals, {@code whenZero} says what it means that there is none of the thing. */
    UrlFeature(String id, String template, String whenZero) {
        this.id = id;
        this.template = template;
        this.whenZero = whenZero;
    }

    static Optional<UrlFeature> byId(String id) {
        for (UrlFeature f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Stable name used in verdicts, in the model file and by the engine. */
    public String id() {
        return id;
    }

    String describe(double value, String detail) {
        return numeric() && value == 0 ? whenZero : describe(detail);
    }

    String describe(String detail) {
        // Plain replacement, not String.format: this runs for every signal of every address.
        return template.replace("%s", detail).replace("%%", "%");
    }

    /** Measured rather than present/absent: the model centres and scales these. */
    public boolean numeric() {
        return ordinal() >= URL_LENGTH.ordinal() || this == SENSITIVE_WORDS;
    }
}
