package dev.veritas.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** How a page presents itself, read from HTML by the rules extract.js follows in a browser. */
final class PageBranding {
    private PageBranding() {}

    private static final Pattern LOGO_HINT = Pattern.compile("logo|brand");
    private static final Pattern ICON_REL = Pattern.compile("(^|\\s)(icon|shortcut|apple-touch-icon|mask-icon)(\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_IMAGES = 60;
    private static final int MAX_WITH_SVG = 70;
    private static final int MAX_CHARS = 120;

    static BrandingFacts read(Document doc) {
        List<String> headings = new ArrayList<>();
        for (Element h : doc.select("h1, h2, h3, [role=heading]")) {
            if (headings.size() >= BrandingFacts.MAX_HEADINGS) {
                break;
            }
            String t = HtmlFacts.boundedText(h, 200);
            if (!t.isBlank() && HtmlFacts.visible(h)) {
                headings.add(t);
            }
        }
        List<BrandMark> marks = new ArrayList<>();
        for (Element img : doc.select("img, input[type=image]")) {
            if (marks.size() >= MAX_IMAGES) {
                break;
            }
            marks.add(new BrandMark(BrandMark.IMG, src(img), clip(img.attr("alt").strip()), clip(firstNonBlank(img.attr("aria-label"), img.attr("title"))),
                    hint(img), logoHinted(img), context(img), HtmlFacts.visible(img)));
        }
        for (Element svg : doc.select("svg")) {
            if (marks.size() >= MAX_WITH_SVG) {
                break;
            }
            if (!logoHinted(svg)) {
                continue;
            }
            Element title = svg.selectFirst("title");
            marks.add(new BrandMark(BrandMark.SVG, "", "", clip(firstNonBlank(svg.attr("aria-label"), title == null ? "" : title.text())),
                    hint(svg), true, context(svg), HtmlFacts.visible(svg)));
        }
        for (Element e : doc.getAllElements()) {
            if (marks.size() >= BrandingFacts.MAX_MARKS) {
                break;
            }
            String name = e.normalName();
            if (name.equals("img") || name.equals("svg") || name.equals("script") || name.equals("style") || name.equals("noscript")
                    || name.equals("template") || e.closest("svg") != null || !LOGO_HINT.matcher(hint(e)).find()) {
                continue;
            }
            String t = HtmlFacts.boundedText(e, 61);
            String label = firstNonBlank(e.attr("aria-label"), e.attr("title"));
            if ((t.isEmpty() || t.length() > 60) && label.isEmpty()) {
                continue;
            }
            marks.add(new BrandMark(BrandMark.TEXT, "", t.length() <= 60 ? t : "", clip(label), hint(e), true, context(e), HtmlFacts.visible(e)));
        }
        List<URI> icons = new ArrayList<>();
        for (Element l : doc.select("link[rel][href]")) {
            if (icons.size() >= BrandingFacts.MAX_ICONS) {
                break;
            }
            if (ICON_REL.matcher(l.attr("rel")).find()) {
                uri(l.absUrl("href")).ifPresent(icons::add);
            }
        }
        Element meta = doc.selectFirst("meta[property=og:site_name], meta[name=application-name], meta[name=apple-mobile-web-app-title]");
        String site = meta == null ? "" : clip(meta.attr("content").strip());
        return new BrandingFacts(headings, marks, icons, site.isEmpty() ? Optional.empty() : Optional.of(site));
    }

    private static String hint(Element e) {
        String h = (e.className() + " " + e.id()).strip().toLowerCase(Locale.ROOT);
        return h.length() > MAX_CHARS ? h.substring(0, MAX_CHARS) : h;
    }

    /** The element or one of its three nearest ancestors is called a logo or brand, or its file name or alt text says logo. */
    private static boolean logoHinted(Element e) {
        int d = 0;
        for (Element x = e; x != null && !(x instanceof Document) && d < 4; x = x.parent(), d++) {
            if (LOGO_HINT.matcher(hint(x)).find()) {
                return true;
            }
        }
        return (e.attr("src") + " " + e.attr("alt")).toLowerCase(Locale.ROOT).contains("logo");
    }

    /** The text of the link or button the element sits in. */
    private static String context(Element e) {
        Element parent = e.parent();
        Element c = parent == null ? null : parent.closest("a, button, [role=button]");
        return c == null ? "" : HtmlFacts.boundedText(c, MAX_CHARS);
    }

    /** The image's resolved address; of an inline image only its data: type. */
    private static String src(Element img) {
        String raw = img.attr("src").strip();
        if (raw.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = raw.indexOf(',');
            return raw.substring(0, Math.min(comma < 0 ? 40 : comma, 40));
        }
        if (raw.isEmpty()) {
            return "";
        }
        String abs = img.absUrl("src");
        String v = abs.isEmpty() ? raw : abs;
        return v.length() > 300 ? v.substring(0, 300) : v;
    }

    private static Optional<URI> uri(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(s.strip().replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String firstNonBlank(String a, String b) {
        return !a.isBlank() ? a.strip() : b.strip();
    }

    private static String clip(String s) {
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }
}
