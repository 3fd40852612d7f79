package dev.veritas.testing.sites;

/**
 * The sites under {@code src/test/resources/sites/}. Each folder holds the site's files, its {@code _headers} and
 * {@code _site.properties} (see {@link SiteConfig}) and a README saying what an audit should find there.
 */
public enum TestSite {
    /** A small shop with honest content and strong security headers; HTTP redirects to HTTPS. */
    HONEST_SHOP("honest-shop"),
    /** A shop full of dark patterns, with weak headers; HTTP redirects to HTTPS. */
    DARK_SHOP("dark-shop"),
    /** A credential-phishing clone of a payment brand's login; no headers; HTTP serves the site too. */
    PHISHING_CLONE("phishing-clone"),
    /** An honest bakery with no security headers, insecure cookies, and HTTP serving the site too. */
    WEAK_HEADERS("weak-headers");

    private final String folder;

    TestSite(String folder) {
        this.folder = folder;
    }

    /** The folder name under {@code sites/} on the test class path. */
    public String folder() {
        return folder;
    }
}
