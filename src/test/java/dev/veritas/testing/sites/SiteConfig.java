package dev.veritas.testing.sites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How one test site behaves, read from its folder:
 * <ul>
 *   <li>{@code _headers}: one response header a line, {@code Name: value}; a name may repeat (Set-Cookie); lines
 *       starting with {@code #} and blank lines are ignored. Sent on every response of the site, pages, assets, 404s
 *       and hostile endpoints alike, except that Strict-Transport-Security goes out over HTTPS only (browsers ignore
 *       it over HTTP, and so does the Observatory).</li>
 *   <li>{@code _site.properties}: {@code http.redirect-to-https=true} makes the plain-HTTP listener answer every
 *       request outside {@code /_hostile/} with a 301 to the same path on the HTTPS listener; {@code false} makes it
 *       serve the site itself.</li>
 * </ul>
 * Files whose names start with {@code _}, and README.md, are configuration and documentation: never served.
 */
public record SiteConfig(TestSite site, Path root, List<HeaderLine> headers, boolean httpRedirectsToHttps) {
    public SiteConfig {
        headers = List.copyOf(headers);
    }

    public static SiteConfig load(TestSite site) {
        Path root = root(site);
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("_site.properties"))) {
            props.load(in);
            String redirect = props.getProperty("http.redirect-to-https");
            if (!"true".equals(redirect) && !"false".equals(redirect)) {
                throw new IllegalStateException(site.folder() + "/_site.properties must set http.redirect-to-https"
                        + " to true or false, not " + redirect);
            }
            return new SiteConfig(site, root, headers(root.resolve("_headers")), Boolean.parseBoolean(redirect));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration of test site " + site.folder(), e);
        }
    }

    /** Whether a file of the site's folder is configuration or documentation rather than content. */
    public static boolean isHidden(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("_") || name.equals("README.md");
    }

    private static Path root(TestSite site) {
        String resource = "/sites/" + site.folder() + "/_site.properties";
        URL url = SiteConfig.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("test site resource " + resource + " is not on the class path");
        }
        if (!"file".equals(url.getProtocol())) {
            // Serving walks directories, which a jar on the class path would not allow.
            throw new IllegalStateException("test sites must be served from a directory, not " + url);
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<HeaderLine> headers(Path file) throws IOException {
        List<HeaderLine> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(file + ": not a header line: " + line);
            }
            lines.add(new HeaderLine(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip()));
        }
        return lines;
    }
}
