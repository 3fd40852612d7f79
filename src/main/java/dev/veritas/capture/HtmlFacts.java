package dev.veritas.capture;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What can be read from HTML without a browser: text segments (with their region and whether an offer sits beside
 * them), controls, checkboxes, forms, scripts, links and how the page presents itself. The same facts, by the same
 * rules, as extract.js reads in a browser; styles are known only where they are inline, which a browser measures instead.
 */
public record HtmlFacts(
        String title,
        List<TextSegment> segments,
        List<ControlFacts> controls,
        List<CheckboxFacts> checkboxes,
        List<FormFacts> forms,
        List<ScriptFacts> scripts,
        List<LinkFacts> links,
        BrandingFacts branding) {

    /** Caps that keep a hostile page (millions of elements) from costing unbounded time and memory. */
    public static final int MAX_SEGMENTS = 5000;
    public static final int MAX_ITEMS = 2000;
    private static final int MAX_SEGMENT_CHARS = 600;

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em",
            "i", "img", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "label");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "option");
    private static final Pattern FONT_SIZE = Pattern.compile("font-size\\s*:\\s*([0-9.]+)px", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPACITY = Pattern.compile("opacity\\s*:\\s*([0-9.]+)");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z][\\w-]*");
    /** As in the browser capture: label and control texts of at most 300 characters, the text around an input of at most 200. */
    private static final int MAX_LABEL_CHARS = 300;
    private static final int MAX_AROUND_CHARS = 200;

    public static HtmlFacts parse(String html, URI base) {
        return extract(Jsoup.parse(html, base.toString()), base);
    }

    public static HtmlFacts extract(Document doc, URI base) {
        Index ix = new Index(doc);
        List<TextSegment> segments = new ArrayList<>();
        if (doc.body() != null) {
            collectSegments(doc.body(), segments, ix);
        }
        return new HtmlFacts(doc.title(), segments, controls(doc, ix), checkboxes(doc, ix), forms(doc, ix), scripts(doc), links(doc),
                PageBranding.read(doc));
    }

    private static void collectSegments(Element e, List<TextSegment> out, Index ix) {
        if (out.size() >= MAX_SEGMENTS || SKIP.contains(e.normalName())) {
            return;
        }
        boolean onlyInline = e.children().stream().allMatch(c -> INLINE.contains(c.normalName()) && !hasBlockInside(c));
        if (onlyInline) {
            String text = e.text().strip();
            if (!text.isEmpty()) {
                out.add(segment(e, text, ix));
            }
            return;
        }
        // Whitespace between blocks is skipped as it comes: on a page of thousands of blocks, re-reading it for each
        // block made this quadratic.
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
                    flush(e, own, out, ix);
                    collectSegments(c, out, ix);
                }
            }
        }
        flush(e, own, out, ix);
    }

    private static boolean hasBlockInside(Element e) {
        for (Element c : e.children()) {
            if (!INLINE.contains(c.normalName()) || hasBlockInside(c)) {
                return true;
            }
        }
        return false;
    }

    private static void flush(Element e, StringBuilder own, List<TextSegment> out, Index ix) {
        String text = own.toString().replaceAll("\\s+", " ").strip();
        own.setLength(0);
        if (!text.isEmpty() && out.size() < MAX_SEGMENTS) {
            out.add(segment(e, text, ix));
        }
    }

    private static TextSegment segment(Element e, String text, Index ix) {
        String t = text.length() > MAX_SEGMENT_CHARS ? text.substring(0, MAX_SEGMENT_CHARS) : text;
        return new TextSegment(t, e.normalName(), ix.selector(e), fontSize(e), visible(e), 0, TextSegment.AT_LOAD,
                SegmentPlace.region(e), ix.offers().near(e));
    }

    private static List<ControlFacts> controls(Document doc, Index ix) {
        List<ControlFacts> out = new ArrayList<>();
        for (Element e : doc.select("a, button, input[type=submit], input[type=button], [role=button]")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            String text = e.normalName().equals("input") ? e.attr("value") : boundedText(e, MAX_LABEL_CHARS);
            if (text.isBlank()) {
                text = e.attr("aria-label");
            }
            if (text.isBlank()) {
                continue;
            }
            boolean inDialog = e.parents().stream().anyMatch(p -> p.attr("role").equals("dialog") || p.normalName().equals("dialog")
                    || p.className().toLowerCase(Locale.ROOT).matches(".*\\b(modal|dialog|popup|overlay)\\b.*"));
            out.add(new ControlFacts(clip(text.strip(), MAX_LABEL_CHARS), e.normalName(), ix.selector(e), fontSize(e), visible(e), opacity(e),
                    0, 0, 0, inDialog));
        }
        return out;
    }

    private static List<CheckboxFacts> checkboxes(Document doc, Index ix) {
        List<CheckboxFacts> out = new ArrayList<>();
        for (Element e : doc.select("input[type=checkbox], input[type=radio]")) {
            if (out.size() >= MAX_ITEMS) {
                break;
            }
            out.add(new CheckboxFacts(labelOf(ix, e), e.attr("name"), e.attr("type").toLowerCase(Locale.ROOT), e.hasAttr("checked"),
                    e.closest("form") != null, visible(e), ix.selector(e)));
        }
        return out;
    }

    /** The label a person reads for the input: its label element, a wrapping label, aria-label, or the text around it. */
    static String labelOf(Index ix, Element input) {
        if (!input.id().isEmpty()) {
            Element l = ix.labelFor(input.id());
            if (l != null) {
                String t = boundedText(l, MAX_LABEL_CHARS);
                if (!t.isBlank()) {
                    return t;
                }
            }
        }
        Element parentLabel = input.closest("label");
        if (parentLabel != null) {
            String t = boundedText(parentLabel, MAX_LABEL_CHARS);
            if (!t.isBlank()) {
                return t;
            }
        }
        if (!input.attr("aria-label").isBlank()) {
            return clip(input.attr("aria-label").strip(), MAX_LABEL_CHARS);
        }
        Element parent = input.parent();
        return parent == null ? "" : boundedText(parent, MAX_AROUND_CHARS);
    }

    private static List<FormFacts> forms(Document doc, Index ix) {
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
                if (inputs.size() >= MAX_ITEMS) {
                    break;
                }
                String type = in.normalName().equals("input") ? in.attr("type").toLowerCase(Locale.ROOT) : in.normalName();
                if (type.isEmpty()) {
                    type = "text";
                }
                String hint = (in.attr("placeholder") + " " + in.attr("aria-label") + " " + in.id() + " " + labelOf(ix, in)).toLowerCase(Locale.ROOT).strip();
                inputs.add(new FormFacts.InputFacts(type, in.attr("name"), hint, in.attr("autocomplete").toLowerCase(Locale.ROOT)));
            }
            String method = f.attr("method").isBlank() ? "get" : f.attr("method").toLowerCase(Locale.ROOT);
            StringBuilder text = new StringBuilder(boundedText(f, FormFacts.MAX_TEXT));
            for (Element b : f.select("input[type=submit], input[type=button]")) {
                if (!b.attr("value").isBlank()) {
                    text.append(' ').append(b.attr("value").strip());
                }
            }
            out.add(new FormFacts(action, method, inputs, ix.selector(f), text.toString().strip()));
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
     * Selectors and labels of one document, looked up through indexes built once: jsoup's {@code cssSelector()} searches
     * the parent's whole subtree at every step up and a {@code label[for=…]} query scans the whole document, which made a
     * page of 100,000 elements take minutes.
     */
    static final class Index {
        private final Document doc;
        private final Map<Element, String> steps = new IdentityHashMap<>();
        private Map<String, Element> labels;
        private SegmentPlace.Offers offers;

        Index(Document doc) {
            this.doc = doc;
        }

        /** The blocks of the document that hold a price or a call to buy, found once. */
        SegmentPlace.Offers offers() {
            if (offers == null) {
                offers = SegmentPlace.Offers.of(doc);
            }
            return offers;
        }

        /** The first label of the document that is {@code for} this id. */
        Element labelFor(String id) {
            if (labels == null) {
                labels = new HashMap<>();
                for (Element l : doc.select("label[for]")) {
                    labels.putIfAbsent(l.attr("for"), l);
                }
            }
            return labels.get(id);
        }

        /**
         * A CSS path like the browser capture's: at most 12 steps, stopping at an element with a plain id, each step a tag
         * with {@code :nth-of-type} when its parent has more of that tag; at most 300 characters.
         */
        String selector(Element e) {
            ArrayDeque<String> parts = new ArrayDeque<>();
            for (Element x = e; x != null && !(x instanceof Document) && parts.size() < 12; x = x.parent()) {
                if (!x.id().isEmpty() && PLAIN_ID.matcher(x.id()).matches()) {
                    parts.addFirst("#" + x.id());
                    break;
                }
                parts.addFirst(step(x));
            }
            String s = String.join(" > ", parts);
            return s.length() > 300 ? s.substring(s.length() - 300) : s;
        }

        /** Sibling positions are counted once for all children of a parent. */
        private String step(Element x) {
            String known = steps.get(x);
            Element parent = x.parent();
            if (known != null || parent == null) {
                return known != null ? known : x.normalName();
            }
            List<Element> siblings = parent.children();
            Map<String, Integer> total = new HashMap<>();
            siblings.forEach(c -> total.merge(c.normalName(), 1, Integer::sum));
            Map<String, Integer> seen = new HashMap<>();
            for (Element c : siblings) {
                int n = seen.merge(c.normalName(), 1, Integer::sum);
                steps.put(c, total.get(c.normalName()) > 1 ? c.normalName() + ":nth-of-type(" + n + ")" : c.normalName());
            }
            return steps.get(x);
        }
    }

    /**
     * The element's text as {@link Element#text()} gives it, reading no further than needed for {@code max} characters:
     * the label of an input whose parent is the whole page must not cost, or hold, the whole page.
     */
    static String boundedText(Element e, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node n, int depth) {
                if (n instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (n instanceof Element el && sb.length() > 0 && (el.isBlock() || el.nameIs("br"))) {
                    sb.append(' ');
                }
                return sb.length() > 2 * max + 64 ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node n, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return clip(sb.toString().replaceAll("\\s+", " ").strip(), max);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static boolean visible(Element e) {
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
        Matcher m = OPACITY.matcher(e.attr("style"));
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
