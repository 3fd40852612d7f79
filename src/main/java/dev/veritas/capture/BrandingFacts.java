package dev.veritas.capture;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How a page presents itself to a visitor, whatever else it mentions: its headings, its logos and other marks,
 * its icons and the site name it declares in its metadata. Phishing pages copy exactly these from the brand they
 * imitate; an article that merely names a brand does not.
 *
 * @param headings  visible h1–h3 texts in page order (at most {@link #MAX_HEADINGS}, each at most 200 characters)
 * @param marks     images, and elements marked as logos, that can show a name
 * @param icons     the page's icons ({@code <link rel="icon">} and kin), resolved
 * @param siteName  the site name the page declares ({@code og:site_name}, {@code application-name})
 */
public record BrandingFacts(List<String> headings, List<BrandMark> marks, List<URI> icons, Optional<String> siteName) {
    public static final int MAX_HEADINGS = 30;
    public static final int MAX_MARKS = 80;
    public static final int MAX_ICONS = 5;

    public BrandingFacts {
        headings = List.copyOf(headings);
        marks = List.copyOf(marks);
        icons = List.copyOf(icons);
    }

    public static BrandingFacts none() {
        return new BrandingFacts(List.of(), List.of(), List.of(), Optional.empty());
    }
}
