package dev.veritas.capture;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Where a piece of text sits, read from HTML as extract.js reads it in a browser: the nearest landmark around it, and
 * whether a price or a call to buy shares its small block.
 */
final class SegmentPlace {
    private SegmentPlace() {}

    private static final Pattern DIALOG_CLASS = Pattern.compile(".*\\b(modal|dialog|popup|pop-up|overlay|toast|snackbar)\\b.*");
    /** A price: a currency sign then digits, or digits then a currency. */
    static final Pattern PRICE = Pattern.compile("(^|[^\\w])([$€£¥₹]\\s?\\d|\\d[\\d.,]*\\s?(€|£|\\$|usd|eur|gbp|chf|zł|kr)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A control that buys. */
    static final Pattern BUY = Pattern.compile("\\b(add to (cart|bag|basket)|buy|order now|checkout|check out|shop now|book now|reserve"
            + "|pre-?order|claim (it|yours|offer|deal|now)|get (it|yours|the deal|this deal) now)\\b", Pattern.CASE_INSENSITIVE);
    private static final int BLOCK_LEVELS = 2;
    private static final int PRICE_TAG_CHARS = 40;
    private static final int BUY_BUTTON_CHARS = 25;
    /** Containers that are never a small block, however close: the page, its main content, an article. */
    private static final Set<String> LARGE = Set.of("html", "body", "main", "article");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template");

    /** The nearest landmark ({@link TextSegment#REGIONS}), or empty. */
    static String region(Element e) {
        int depth = 0;
        for (Element x = e; x != null && !(x instanceof Document) && depth < 40; x = x.parent(), depth++) {
            String tag = x.normalName();
            String role = x.attr("role").toLowerCase(Locale.ROOT);
            if (tag.equals("dialog") || role.equals("dialog") || role.equals("alertdialog") || x.attr("aria-modal").equals("true")
                    || DIALOG_CLASS.matcher(x.className().toLowerCase(Locale.ROOT)).matches()) {
                return "dialog";
            }
            if (tag.equals("nav") || role.equals("navigation")) {
                return "nav";
            }
            if (tag.equals("header") || role.equals("banner")) {
                return "header";
            }
            if (tag.equals("footer") || role.equals("contentinfo")) {
                return "footer";
            }
            if (tag.equals("aside") || role.equals("complementary")) {
                return "aside";
            }
            if (tag.equals("form")) {
                return "form";
            }
            if (tag.equals("article") || role.equals("article")) {
                return "article";
            }
            if (tag.equals("main") || role.equals("main")) {
                return "main";
            }
        }
        return "";
    }

    /** The elements, up to two levels above a price or a buying control, that text must share to be attached to an offer. */
    static final class Offers {
        private final Set<Element> blocks;

        private Offers(Set<Element> blocks) {
            this.blocks = blocks;
        }

        static Offers of(Document doc) {
            Set<Element> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
            if (doc.body() == null) {
                return new Offers(blocks);
            }
            int[] seen = {0};
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node n, int depth) {
                    if (n instanceof TextNode t && seen[0]++ < 50_000 && t.parent() != null && !SKIP.contains(t.parent().normalName())) {
                        Element p = t.parent();
                        String text = t.getWholeText().strip();
                        if (text.length() <= PRICE_TAG_CHARS && PRICE.matcher(text).find()) {
                            mark(p, blocks); // a price tag, not a sentence about money
                        }
                    }
                }

                @Override
                public void tail(Node n, int depth) {
                    // nothing on the way out
                }
            }, doc.body());
            int controls = 0;
            for (Element b : doc.body().select("button, a, input[type=submit], input[type=button], [role=button]")) {
                if (controls++ > HtmlFacts.MAX_ITEMS) {
                    break;
                }
                String t = b.normalName().equals("input") ? b.attr("value") : HtmlFacts.boundedText(b, 80);
                if (t.strip().length() <= BUY_BUTTON_CHARS && BUY.matcher(t).find()) { // a buying button, not a sentence that links
                    mark(b, blocks);
                }
            }
            return new Offers(blocks);
        }

        private static void mark(Element e, Set<Element> blocks) {
            int d = 0;
            for (Element x = e; x != null && !(x instanceof Document) && d <= BLOCK_LEVELS; x = x.parent(), d++) {
                if (LARGE.contains(x.normalName())) {
                    break;
                }
                blocks.add(x);
            }
        }

        boolean near(Element e) {
            int d = 0;
            for (Element x = e; x != null && !(x instanceof Document) && d <= BLOCK_LEVELS; x = x.parent(), d++) {
                if (blocks.contains(x)) {
                    return true;
                }
            }
            return false;
        }
    }
}
