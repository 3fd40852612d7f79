package dev.veritas.checks.phishing;

import java.util.Locale;
import java.util.Optional;

/**
 * One place where a page names who it is: a name, the brand it is when Veritas knows it, where it was seen, and
 * the words that showed it.
 */
public record IdentityClaim(String name, Optional<Brand> brand, Where where, String evidence, boolean onlyIfOwn) {

    public IdentityClaim(String name, Optional<Brand> brand, Where where, String evidence) {
        this(name, brand, where, evidence, false);
    }

    /** The same claim, counted only when the host is named after it (a title part that may be the site's name or not). */
    public IdentityClaim ownOnly() {
        return new IdentityClaim(name, brand, where, evidence, true);
    }

    /**
     * Where a page can name itself, and how strongly each place speaks for the page's identity. A sign-in phrase
     * ("Sign in to X") or a domain name shown on the page is the strongest; a brand in an article's headline is only
     * a topic.
     */
    public enum Where {
        /** "Sign in to X", "Log in to your X account", "Sign in with your X account". */
        SIGN_IN_PHRASE(3),
        /** A domain name written on the page ("X.com Login"). */
        DOMAIN(3),
        /** The site-name part of the title ("… | X"). */
        TITLE(2),
        /** The site name declared in the page's metadata. */
        SITE_NAME(2),
        /** A logo: its alt text, label, file or class name, or the text of an element called a logo. */
        LOGO(2),
        /** An icon served from a brand's own domain. */
        ICON(2),
        /** The credential form's own words: "© X", "X's terms", "X password". */
        FORM(2),
        /** "Join X", "New to X?", "Create your X account": an invitation to the service the page stands for. */
        SIGN_UP_PHRASE(2),
        /** A short heading that is a known brand's name. */
        HEADING(1.5),
        /** A picture whose alt text is a known brand's name, not called a logo. */
        IMAGE(1),
        /** A known brand in a long title or heading: what the page is about, not who it is. */
        TOPIC(0.5);

        private final double weight;

        Where(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public double weight() {
        return where.weight();
    }

    /** What identifies the claimed identity across places: the brand, or the name as letters and digits only. */
    public String key() {
        return brand.map(b -> "brand:" + b.name()).orElseGet(() -> "name:" + SiteNames.squash(name));
    }

    public String displayName() {
        return brand.map(Brand::name).orElse(name);
    }
}
