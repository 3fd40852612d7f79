package dev.veritas.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What can be read from HTML without a browser: text segments, controls, checkboxes, forms, scripts and links.
 * Styles are known only where they are inline; a browser capture measures them instead.
 */
public record HtmlFacts(
        String title,
        List<TextSegment> segments,
        List<ControlFacts> controls,
        List<CheckboxFacts> checkboxes,
        List<FormFacts> forms,
        List<ScriptFacts> scripts,
        List<LinkFacts> links) {

    /** Caps that keep a hostile page (millions of elements) from costing unbounded time and memory. */
    public static final int MAX_SEGMENTS = 5000;
    public static final int MAX_ITEMS = 2000;
    private static final int MAX_SEGMENT_CHARS = 600;

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em",
            "i", "img", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "label");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "option");
    private static final Pattern FONT_SIZE = Pattern.compile("font-size\\s*:\\s*([0-9.]+)px", Pattern.CASE_INSENSITIVE);

    public static HtmlFacts parse(String html, URI base) {
        return extract(Jsoup.parse(html, base.toString()), base);
    }

    public static HtmlFacts extract(Document doc, URI base) {
        Selectors sel = new Selectors();
        List<TextSegment> segments = new ArrayList<>();
        if (doc.body() != null) {
            collectSegments(doc.body(), segments, sel);
        }
        return new HtmlFacts(doc.title(), segments, controls(doc, sel), checkboxes(doc, sel), forms(doc, sel), scripts(doc), links(doc));
    }

    private static void collectSegments(Element e, List<TextSegment> out, Selectors sel) {
        if (out.size() >= MAX_SEGMENTS || SKIP.contains(e.normalName())) {
            return;
        }
        boolean onlyInline = e.children().stream().allMatch(c -> INLINE.contains(c.normalName()) && !hasBlockInside(c));
        if (onlyInline) {
            String text = e.text().strip();
            if (!text.isEmpty()) {
                out.add(segment(e, text, sel));
            }
            return;
        }
        StringBuilder own = new StringBuilder();
        for (Node n : e.childNodes()) {
            if (out.size() >= MAX_SEGMENTS) {
                return;
            }
            if (n instanceof TextNode t) {
                if (!t.isBlank()) {
                    own.append(t.text()).append(' ');
                }
            } else if (n instanceof Element c) {
                if (INLINE.contains(c.normalName()) && !hasBlockInside(c)) {
                    own.append(c.text()).append(' ');
                } else {
                    flush(e, own, out, sel);
                    collectSegments(c, out, sel);
                }
            }
        }
        flush(e, own, out, sel);
    }

    private static boolean hasBlockInside(Element e) {
        for (Element c : e.children()) {
            if (!INLINE.contains(c.normalName()) || hasBlockInside(c)) {
                return true;
            }
        }
        return false;
    }

    private static void flush(Element e, StringBuilder own, List<TextSegment> out, Selectors sel) {
        String text = own.toString().replaceAll("\\s+", " ").strip();
        own.setLength(0);
        if (!text.isEmpty() && out.size() < MAX_SEGMENTS) {
            out.add(segment(e, text, sel));
        }
    }

    private static TextSegment segment(Element e, String text, Selectors sel) {
        String t = text.length() > MAX_SEGMENT_CHARS ? text.substring(0, MAX_SEGMENT_CHARS) : text;
        return new TextSegment(t, e.normalName(), sel.of(e), fontSize(e), visible(e), 0, TextSegment.AT_LOAD);
    }

    private static List<ControlFacts> controls(Document doc, Selectors sel) {
        List<ControlFacts> out = new ArrayList<>();
        for (Element e : doc.select("a, button, input[type=submit], input[type=button], [role=button]")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            String text = e.normalName().equals("input") ? e.attr("value") : e.text();
            if (text.isBlank()) {
                text = e.attr("aria-label");
            }
            if (text.isBlank()) {
                continue;
            }
            boolean inDialog = e.parents().stream().anyMatch(p -> p.attr("role").equals("dialog") || p.normalName().equals("dialog")
                    || p.className().toLowerCase(Locale.ROOT).matches(".*\\b(modal|dialog|popup|overlay)\\b.*"));
            out.add(new ControlFacts(text.strip(), e.normalName(), sel.of(e), fontSize(e), visible(e), opacity(e), 0, 0, 0, inDialog));
        }
        return out;
    }

    private static List<CheckboxFacts> checkboxes(Document doc, Selectors sel) {
        List<CheckboxFacts> out = new ArrayList<>();
        for (Element e : doc.select("input[type=checkbox], input[type=radio]")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            out.add(new CheckboxFacts(labelOf(doc, e), e.attr("name"), e.attr("type").toLowerCase(Locale.ROOT), e.hasAttr("checked"),
                    e.closest("form") != null, visible(e), sel.of(e)));
        }
        return out;
    }

    static String labelOf(Document doc, Element input) {
        if (!input.id().isEmpty()) {
            Element l = doc.selectFirst("label[for=" + cssEscape(input.id()) + "]");
            if (l != null && !l.text().isBlank()) {
                return l.text().strip();
            }
        }
        Element parentLabel = input.closest("label");
        if (parentLabel != null && !parentLabel.text().isBlank()) {
            return parentLabel.text().strip();
        }
        if (!input.attr("aria-label").isBlank()) {
            return input.attr("aria-label").strip();
        }
        Element parent = input.parent();
        return parent == null ? "" : parent.text().strip();
    }

    private static String cssEscape(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<FormFacts> forms(Document doc, Selectors sel) {
        List<FormFacts> out = new ArrayList<>();
        for (Element f : doc.select("form")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            String actionAttr = f.attr("action");
            Optional<URI> action;
            try {
                action = Optional.of(URI.create(actionAttr.isBlank() ? doc.location() : f.absUrl("action").isEmpty() ? actionAttr : f.absUrl("action")));
            } catch (IllegalArgumentException e) {
                action = Optional.empty();
            }
            List<FormFacts.InputFacts> inputs = new ArrayList<>();
            for (Element in : f.select("input, textarea, select")) {
                String type = in.normalName().equals("input") ? in.attr("type").toLowerCase(Locale.ROOT) : in.normalName();
                if (type.isEmpty()) {
                    type = "text";
                }
                String hint = (in.attr("placeholder") + " " + in.attr("aria-label") + " " + in.id() + " " + labelOf(doc, in)).toLowerCase(Locale.ROOT).strip();
                inputs.add(new FormFacts.InputFacts(type, in.attr("name"), hint, in.attr("autocomplete").toLowerCase(Locale.ROOT)));
            }
            String method = f.attr("method").isBlank() ? "get" : f.attr("method").toLowerCase(Locale.ROOT);
            out.add(new FormFacts(action, method, inputs, sel.of(f)));
        }
        return out;
    }

    private static List<ScriptFacts> scripts(Document doc) {
        List<ScriptFacts> out = new ArrayList<>();
        for (Element s : doc.select("script")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            Optional<String> src = s.hasAttr("src") ? Optional.of(s.attr("src").strip()) : Optional.empty();
            out.add(new ScriptFacts(src, attr(s, "integrity"), attr(s, "crossorigin"), s.attr("type"), src.isPresent() ? "" : s.data()));
        }
        return out;
    }

    private static List<LinkFacts> links(Document doc) {
        List<LinkFacts> out = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            String abs = a.absUrl("href");
            if (abs.isEmpty()) {
                continue;
            }
            try {
                out.add(new LinkFacts(URI.create(abs.replace(" ", "%20")), a.text().strip(), visible(a)));
            } catch (IllegalArgumentException ignored) {
                // a link no browser could follow is no link
            }
        }
        return out;
    }

    private static Optional<String> attr(Element e, String name) {
        return e.hasAttr(name) ? Optional.of(e.attr(name)) : Optional.empty();
    }

    /**
     * CSS paths for elements, built from tag names and nth-of-type positions. jsoup's own cssSelector() checks
     * each candidate for uniqueness against the whole document, which is quadratic: minutes on a 5 MB page.
     * Here the positions of a parent's children are computed once and reused.
     */
    static final class Selectors {
        private final java.util.IdentityHashMap<Element, java.util.IdentityHashMap<Element, String>> positions = new java.util.IdentityHashMap<>();

        String of(Element e) {
            java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
            for (Element x = e; x != null && parts.size() < 12; x = x.parent()) {
                if (x.normalName().equals("#root")) {
                    break;
                }
                if (!x.id().isEmpty() && x.id().matches("[A-Za-z][\\w-]*")) {
                    parts.addFirst("#" + x.id());
                    break;
                }
                Element parent = x.parent();
                parts.addFirst(parent == null ? x.normalName() : positions.computeIfAbsent(parent, Selectors::label).get(x));
            }
            return String.join(" > ", parts);
        }

        private static java.util.IdentityHashMap<Element, String> label(Element parent) {
            java.util.Map<String, Integer> totals = new java.util.HashMap<>();
            for (Element c : parent.children()) {
                totals.merge(c.normalName(), 1, Integer::sum);
            }
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            java.util.IdentityHashMap<Element, String> out = new java.util.IdentityHashMap<>();
            for (Element c : parent.children()) {
                int n = seen.merge(c.normalName(), 1, Integer::sum);
                out.put(c, totals.get(c.normalName()) > 1 ? c.normalName() + ":nth-of-type(" + n + ")" : c.normalName());
            }
            return out;
        }
    }

    private static boolean visible(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            String style = x.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (x.hasAttr("hidden") || style.contains("display:none") || style.contains("visibility:hidden")
                    || (x.normalName().equals("input") && x.attr("type").equalsIgnoreCase("hidden"))) {
                return false;
            }
        }
        return true;
    }

    private static double fontSize(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            Matcher m = FONT_SIZE.matcher(x.attr("style"));
            if (m.find()) {
                try {
                    return Double.parseDouble(m.group(1));
                } catch (NumberFormatException ignored) {
                    return 16;
                }
            }
        }
        return 16;
    }

    private static double opacity(Element e) {
        Matcher m = Pattern.compile("opacity\\s*:\\s*([0-9.]+)").matcher(e.attr("style"));
        if (m.find()) {
            try {
                return Double.parseDouble(m.group(1));
            } catch (NumberFormatException ignored) {
                return 1;
            }
        }
        return 1;
    }
}
