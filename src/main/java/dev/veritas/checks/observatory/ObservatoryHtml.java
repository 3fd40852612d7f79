package dev.veritas.checks.observatory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The start tags of a page as the Observatory's HTML parser (htmlparser2, in HTML mode, streaming) reports them:
 * the tag name in lower case and its attributes (names in lower case, the first of repeated names kept, character
 * references decoded). Which {@code <script>} and {@code <meta>} tags the Observatory sees decides two tests, and
 * its parser is not a browser's: it reads tags inside {@code <noscript>}, ends a script at the first
 * {@code </script>}, treats {@code <![CDATA[…]]>} as a comment and parses markup inside {@code <svg>} and
 * {@code <math>}. This is a port of the parts of its tokenizer and tree handling that decide those tags.
 */
final class ObservatoryHtml {
    /** One start tag: its name and attributes. */
    record Tag(String name, Map<String, String> attributes) {
        boolean has(String attribute) {
            return attributes.containsKey(attribute);
        }

        String get(String attribute) {
            return attributes.get(attribute);
        }
    }

    private enum State {
        TEXT, BEFORE_TAG_NAME, IN_TAG_NAME, IN_SELF_CLOSING_TAG, BEFORE_CLOSING_TAG_NAME, IN_CLOSING_TAG_NAME,
        AFTER_CLOSING_TAG_NAME, BEFORE_ATTRIBUTE_NAME, IN_ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME, BEFORE_ATTRIBUTE_VALUE,
        IN_ATTRIBUTE_VALUE_DQ, IN_ATTRIBUTE_VALUE_SQ, IN_ATTRIBUTE_VALUE_NQ, BEFORE_DECLARATION, IN_DECLARATION,
        BEFORE_COMMENT, CDATA_SEQUENCE, IN_SPECIAL_COMMENT, IN_COMMENT_LIKE, DECLARATION_SEQUENCE, SPECIAL_START_SEQUENCE,
        IN_SPECIAL_TAG, IN_PLAIN_TEXT
    }

    private static final String CDATA = "CDATA[";
    private static final String CDATA_END = "]]>";
    private static final String COMMENT_END = "--!>";
    private static final String DOCTYPE = "doctype";
    private static final String IFRAME_END = "</iframe";
    private static final String NOEMBED_END = "</noembed";
    private static final String NOFRAMES_END = "</noframes";
    private static final String PLAINTEXT = "</plaintext";
    private static final String SCRIPT_END = "</script";
    private static final String STYLE_END = "</style";
    private static final String TITLE_END = "</title";
    private static final String TEXTAREA_END = "</textarea";
    private static final String XMP_END = "</xmp";
    private static final String EMPTY = "";

    private static final Map<String, Set<String>> OPEN_IMPLIES_CLOSE = openImpliesClose();
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "basefont", "br", "col", "command", "embed",
            "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr");
    private static final Set<String> FOREIGN_CONTEXT_ELEMENTS = Set.of("math", "svg");
    private static final Set<String> HTML_INTEGRATION_ELEMENTS = Set.of("mi", "mo", "mn", "ms", "mtext", "annotation-xml",
            "foreignObject", "desc", "title");
    private static final Map<String, String> SVG_TAG_NAMES = svgTagNames();

    private enum Foreign { NONE, SVG, MATHML }

    private final String html;
    private final Set<String> wanted;
    private final List<Tag> tags = new ArrayList<>();

    // tokenizer
    private State state = State.TEXT;
    private int index;
    private int sectionStart;
    private boolean isSpecial;
    private String currentSequence = EMPTY;
    private int sequenceIndex;

    // parser
    private final Deque<String> stack = new ArrayDeque<>();
    private final Deque<Foreign> foreignContext = new ArrayDeque<>(List.of(Foreign.NONE));
    private String tagName = "";
    private String attributeName = "";
    private Map<String, String> attributes;

    private ObservatoryHtml(String html, Set<String> wanted) {
        this.html = html;
        this.wanted = wanted;
    }

    /** The start tags named in {@code names} (lower case), in document order. */
    static List<Tag> startTags(String html, Set<String> names) {
        ObservatoryHtml parser = new ObservatoryHtml(html, names);
        parser.parse();
        return parser.tags;
    }

    private void parse() {
        while (index < html.length()) {
            char c = html.charAt(index);
            switch (state) {
                case TEXT -> stateText(c);
                case IN_PLAIN_TEXT -> { }
                case SPECIAL_START_SEQUENCE -> stateSpecialStartSequence(c);
                case IN_SPECIAL_TAG -> stateInSpecialTag(c);
                case CDATA_SEQUENCE -> stateCdataSequence(c);
                case DECLARATION_SEQUENCE -> stateDeclarationSequence(c);
                case IN_ATTRIBUTE_VALUE_DQ -> stateInQuotedAttributeValue(c, '"');
                case IN_ATTRIBUTE_NAME -> stateInAttributeName(c);
                case IN_COMMENT_LIKE -> stateInCommentLike(c);
                case IN_SPECIAL_COMMENT -> stateInSpecialComment(c);
                case BEFORE_ATTRIBUTE_NAME -> stateBeforeAttributeName(c);
                case IN_TAG_NAME -> stateInTagName(c);
                case IN_CLOSING_TAG_NAME -> stateInClosingTagName(c);
                case BEFORE_TAG_NAME -> stateBeforeTagName(c);
                case AFTER_ATTRIBUTE_NAME -> stateAfterAttributeName(c);
                case IN_ATTRIBUTE_VALUE_SQ -> stateInQuotedAttributeValue(c, '\'');
                case BEFORE_ATTRIBUTE_VALUE -> stateBeforeAttributeValue(c);
                case BEFORE_CLOSING_TAG_NAME -> stateBeforeClosingTagName(c);
                case AFTER_CLOSING_TAG_NAME -> stateAfterClosingTagName(c);
                case IN_ATTRIBUTE_VALUE_NQ -> stateInAttributeValueNoQuotes(c);
                case IN_SELF_CLOSING_TAG -> stateInSelfClosingTag(c);
                case IN_DECLARATION -> stateInDeclaration(c);
                case BEFORE_DECLARATION -> stateBeforeDeclaration(c);
                case BEFORE_COMMENT -> stateBeforeComment(c);
            }
            index++;
        }
    }

    // ---- tokenizer (htmlparser2's Tokenizer, HTML mode) ----

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    }

    private static boolean isEndOfTagSection(char c) {
        return c == '/' || c == '>' || isWhitespace(c);
    }

    private static boolean isAsciiAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String specialStart(char lower) {
        return switch (lower) {
            case 'i' -> IFRAME_END;
            case 'n' -> NOEMBED_END;
            case 'p' -> PLAINTEXT;
            case 's' -> SCRIPT_END;
            case 't' -> TITLE_END;
            case 'x' -> XMP_END;
            default -> null;
        };
    }

    /** Skips ahead to the next {@code target}; at the end of input, stops on the last character. */
    private boolean fastForwardTo(char target) {
        while (++index < html.length()) {
            if (html.charAt(index) == target) {
                return true;
            }
        }
        index = html.length() - 1;
        return false;
    }

    private void stateText(char c) {
        if (c == '<') {
            state = State.BEFORE_TAG_NAME;
            sectionStart = index;
        }
    }

    private void enterTagBody() {
        if (currentSequence.equals(PLAINTEXT)) {
            currentSequence = EMPTY;
            state = State.IN_PLAIN_TEXT;
        } else if (isSpecial) {
            state = State.IN_SPECIAL_TAG;
            sequenceIndex = 0;
        } else {
            state = State.TEXT;
        }
    }

    private void stateSpecialStartSequence(char c) {
        int lower = c | 0x20;
        if (sequenceIndex < currentSequence.length()) {
            if (lower == currentSequence.charAt(sequenceIndex)) {
                sequenceIndex++;
                return;
            }
            if (sequenceIndex == 3) {
                if (currentSequence.equals(SCRIPT_END) && lower == STYLE_END.charAt(3)) {
                    currentSequence = STYLE_END;
                    sequenceIndex = 4;
                    return;
                }
                if (currentSequence.equals(TITLE_END) && lower == TEXTAREA_END.charAt(3)) {
                    currentSequence = TEXTAREA_END;
                    sequenceIndex = 4;
                    return;
                }
            } else if (sequenceIndex == 4 && currentSequence.equals(NOEMBED_END) && lower == NOFRAMES_END.charAt(4)) {
                currentSequence = NOFRAMES_END;
                sequenceIndex = 5;
                return;
            }
        } else if (isEndOfTagSection(c)) {
            sequenceIndex = 0;
            state = State.IN_TAG_NAME;
            stateInTagName(c);
            return;
        }
        isSpecial = false;
        currentSequence = EMPTY;
        sequenceIndex = 0;
        state = State.IN_TAG_NAME;
        stateInTagName(c);
    }

    private void stateCdataSequence(char c) {
        if (c == CDATA.charAt(sequenceIndex)) {
            if (++sequenceIndex == CDATA.length()) {
                state = State.IN_COMMENT_LIKE;
                currentSequence = CDATA_END;
                sequenceIndex = 0;
                sectionStart = index + 1;
            }
        } else {
            sequenceIndex = 0;
            state = State.IN_SPECIAL_COMMENT;
            stateInSpecialComment(c);
        }
    }

    private void endCommentLike() {
        sequenceIndex = 0;
        sectionStart = index + 1;
        state = State.TEXT;
    }

    private void stateInCommentLike(char c) {
        boolean commentEnd = currentSequence.equals(COMMENT_END);
        if (commentEnd && sequenceIndex <= 1 && index == sectionStart + sequenceIndex && c == '>') {
            endCommentLike(); // <!--> and <!--->
        } else if (commentEnd && sequenceIndex == 2 && c == '>') {
            endCommentLike(); // -->
        } else if (commentEnd && sequenceIndex == currentSequence.length() - 1 && c != '>') {
            sequenceIndex = c == '-' ? 1 : 0;
        } else if (c == currentSequence.charAt(sequenceIndex)) {
            if (++sequenceIndex == currentSequence.length()) {
                endCommentLike();
            }
        } else if (sequenceIndex == 0) {
            if (fastForwardTo(currentSequence.charAt(0))) {
                sequenceIndex = 1;
            }
        } else if (c != currentSequence.charAt(sequenceIndex - 1)) {
            sequenceIndex = 0;
        }
    }

    private void stateInSpecialTag(char c) {
        if (sequenceIndex == currentSequence.length()) {
            if (isEndOfTagSection(c)) {
                int endOfText = index - currentSequence.length();
                isSpecial = false;
                sectionStart = endOfText + 2;
                stateInClosingTagName(c);
                return;
            }
            sequenceIndex = 0;
        }
        if ((c | 0x20) == currentSequence.charAt(sequenceIndex)) {
            sequenceIndex++;
        } else if (sequenceIndex == 0) {
            boolean rcdata = currentSequence.equals(TITLE_END) || currentSequence.equals(TEXTAREA_END);
            if (!rcdata && fastForwardTo('<')) {
                sequenceIndex = 1;
            }
        } else {
            sequenceIndex = c == '<' ? 1 : 0;
        }
    }

    private void stateBeforeTagName(char c) {
        if (c == '!') {
            state = State.BEFORE_DECLARATION;
            sectionStart = index + 1;
        } else if (c == '?') {
            state = State.IN_SPECIAL_COMMENT;
            sectionStart = index;
        } else if (isAsciiAlpha(c)) {
            sectionStart = index;
            String special = isInForeignContext() ? null : specialStart((char) (c | 0x20));
            if (special == null) {
                state = State.IN_TAG_NAME;
            } else {
                isSpecial = true;
                currentSequence = special;
                sequenceIndex = 3;
                state = State.SPECIAL_START_SEQUENCE;
            }
        } else if (c == '/') {
            state = State.BEFORE_CLOSING_TAG_NAME;
        } else {
            state = State.TEXT;
            stateText(c);
        }
    }

    private void stateInTagName(char c) {
        if (isEndOfTagSection(c)) {
            onOpenTagName(html.substring(sectionStart, index));
            sectionStart = -1;
            state = State.BEFORE_ATTRIBUTE_NAME;
            stateBeforeAttributeName(c);
        }
    }

    private void stateBeforeClosingTagName(char c) {
        if (isWhitespace(c)) {
            state = State.IN_SPECIAL_COMMENT;
            sectionStart = index;
        } else if (c == '>') {
            state = State.TEXT;
            sectionStart = index + 1;
        } else {
            state = isAsciiAlpha(c) ? State.IN_CLOSING_TAG_NAME : State.IN_SPECIAL_COMMENT;
            sectionStart = index;
        }
    }

    private void stateInClosingTagName(char c) {
        if (isEndOfTagSection(c)) {
            onCloseTag(html.substring(sectionStart, index));
            sectionStart = -1;
            state = State.AFTER_CLOSING_TAG_NAME;
            stateAfterClosingTagName(c);
        }
    }

    private void stateAfterClosingTagName(char c) {
        if (c == '>' || fastForwardTo('>')) {
            state = State.TEXT;
            sectionStart = index + 1;
        }
    }

    private void stateBeforeAttributeName(char c) {
        if (c == '>') {
            onOpenTagEnd();
            enterTagBody();
            sectionStart = index + 1;
        } else if (c == '/') {
            state = State.IN_SELF_CLOSING_TAG;
        } else if (!isWhitespace(c)) {
            state = State.IN_ATTRIBUTE_NAME;
            sectionStart = index;
        }
    }

    private void stateInSelfClosingTag(char c) {
        if (c == '>') {
            onSelfClosingTag();
            sectionStart = index + 1;
            enterTagBody();
        } else if (!isWhitespace(c)) {
            state = State.BEFORE_ATTRIBUTE_NAME;
            stateBeforeAttributeName(c);
        }
    }

    private void stateInAttributeName(char c) {
        if (c == '=' || isEndOfTagSection(c)) {
            attributeName = html.substring(sectionStart, index).toLowerCase(Locale.ROOT);
            sectionStart = index;
            state = State.AFTER_ATTRIBUTE_NAME;
            stateAfterAttributeName(c);
        }
    }

    private void stateAfterAttributeName(char c) {
        if (c == '=') {
            state = State.BEFORE_ATTRIBUTE_VALUE;
        } else if (c == '/' || c == '>') {
            onAttributeEnd("");
            sectionStart = -1;
            state = State.BEFORE_ATTRIBUTE_NAME;
            stateBeforeAttributeName(c);
        } else if (!isWhitespace(c)) {
            onAttributeEnd("");
            state = State.IN_ATTRIBUTE_NAME;
            sectionStart = index;
        }
    }

    private void stateBeforeAttributeValue(char c) {
        if (c == '"') {
            state = State.IN_ATTRIBUTE_VALUE_DQ;
            sectionStart = index + 1;
        } else if (c == '\'') {
            state = State.IN_ATTRIBUTE_VALUE_SQ;
            sectionStart = index + 1;
        } else if (!isWhitespace(c)) {
            sectionStart = index;
            state = State.IN_ATTRIBUTE_VALUE_NQ;
            stateInAttributeValueNoQuotes(c);
        }
    }

    private void stateInQuotedAttributeValue(char c, char quote) {
        if (c == quote) {
            onAttributeEnd(html.substring(sectionStart, index));
            sectionStart = -1;
            state = State.BEFORE_ATTRIBUTE_NAME;
        }
    }

    private void stateInAttributeValueNoQuotes(char c) {
        if (isWhitespace(c) || c == '>') {
            onAttributeEnd(html.substring(sectionStart, index));
            sectionStart = -1;
            state = State.BEFORE_ATTRIBUTE_NAME;
            stateBeforeAttributeName(c);
        }
    }

    private void stateBeforeDeclaration(char c) {
        if (c == '[') {
            state = State.CDATA_SEQUENCE;
            sequenceIndex = 0;
        } else if ((c | 0x20) == DOCTYPE.charAt(0)) {
            state = State.DECLARATION_SEQUENCE;
            currentSequence = DOCTYPE;
            sequenceIndex = 1;
        } else if (c == '>') {
            state = State.TEXT;
            sectionStart = index + 1;
        } else if (c == '-') {
            state = State.BEFORE_COMMENT;
        } else {
            state = State.IN_SPECIAL_COMMENT;
        }
    }

    private void stateDeclarationSequence(char c) {
        if (sequenceIndex == currentSequence.length()) {
            state = State.IN_DECLARATION;
            stateInDeclaration(c);
        } else if ((c | 0x20) == currentSequence.charAt(sequenceIndex)) {
            sequenceIndex++;
        } else if (c == '>') {
            state = State.TEXT;
            sectionStart = index + 1;
        } else {
            state = State.IN_SPECIAL_COMMENT;
        }
    }

    private void stateInDeclaration(char c) {
        if (c == '>' || fastForwardTo('>')) {
            state = State.TEXT;
            sectionStart = index + 1;
        }
    }

    private void stateBeforeComment(char c) {
        if (c == '-') {
            state = State.IN_COMMENT_LIKE;
            currentSequence = COMMENT_END;
            sequenceIndex = 0;
            sectionStart = index + 1;
        } else if (c == '>') {
            state = State.TEXT;
            sectionStart = index + 1;
        } else {
            state = State.IN_SPECIAL_COMMENT;
        }
    }

    private void stateInSpecialComment(char c) {
        if (c == '>' || fastForwardTo('>')) {
            state = State.TEXT;
            sectionStart = index + 1;
        }
    }

    // ---- parser (htmlparser2's Parser, HTML mode: the element stack and foreign content) ----

    private boolean isInForeignContext() {
        return foreignContext.peekFirst() != Foreign.NONE;
    }

    private String readTagName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        if (foreignContext.peekFirst() == Foreign.SVG) {
            return SVG_TAG_NAMES.getOrDefault(name, name);
        }
        if (foreignContext.size() > 1) {
            String adjusted = SVG_TAG_NAMES.get(name);
            if (adjusted != null && stack.contains(adjusted)) {
                return adjusted;
            }
        }
        if (!isInForeignContext()) {
            return name.equals("image") ? "img" : name;
        }
        return name;
    }

    private void onOpenTagName(String raw) {
        emitOpenTag(readTagName(raw));
    }

    private void emitOpenTag(String name) {
        tagName = name;
        if (name.equals("form") && stack.contains("form")) {
            tagName = ""; // a second <form> is ignored, attributes and all
            attributes = null;
            return;
        }
        Set<String> impliesClose = OPEN_IMPLIES_CLOSE.get(name);
        if (impliesClose != null) {
            while (!stack.isEmpty() && impliesClose.contains(stack.peekFirst())) {
                popElement();
            }
        }
        if (!VOID_ELEMENTS.contains(name)) {
            stack.addFirst(name);
            if (name.equals("svg")) {
                foreignContext.addFirst(Foreign.SVG);
            } else if (name.equals("math")) {
                foreignContext.addFirst(Foreign.MATHML);
            } else if (HTML_INTEGRATION_ELEMENTS.contains(name)) {
                foreignContext.addFirst(Foreign.NONE);
            }
        }
        attributes = new LinkedHashMap<>();
    }

    private void onAttributeEnd(String rawValue) {
        if (attributes != null && !attributes.containsKey(attributeName)) {
            String value = rawValue.indexOf('&') >= 0 ? Parser.unescapeEntities(rawValue, true) : rawValue;
            attributes.put(attributeName, value);
        }
    }

    private void endOpenTag() {
        if (attributes != null) {
            if (wanted.contains(tagName)) {
                tags.add(new Tag(tagName, Map.copyOf(attributes)));
            }
            attributes = null;
        }
        tagName = "";
    }

    private void onOpenTagEnd() {
        endOpenTag();
    }

    private void onSelfClosingTag() {
        if (isInForeignContext()) {
            String name = tagName;
            endOpenTag();
            if (name.equals(stack.peekFirst())) {
                popElement();
            }
        } else {
            onOpenTagEnd();
        }
    }

    private void onCloseTag(String raw) {
        String name = readTagName(raw);
        if (!VOID_ELEMENTS.contains(name)) {
            int pos = 0;
            boolean found = false;
            for (String open : stack) {
                if (open.equals(name)) {
                    found = true;
                    break;
                }
                pos++;
            }
            if (found) {
                for (int i = 0; i <= pos; i++) {
                    popElement();
                }
            } else if (name.equals("p")) {
                emitOpenTag("p");
                String opened = tagName;
                endOpenTag();
                if (opened.equals(stack.peekFirst())) {
                    popElement();
                }
            }
        }
    }

    private void popElement() {
        String element = stack.removeFirst();
        if (FOREIGN_CONTEXT_ELEMENTS.contains(element) || HTML_INTEGRATION_ELEMENTS.contains(element)) {
            foreignContext.removeFirst();
        }
    }

    private static Map<String, Set<String>> openImpliesClose() {
        Set<String> p = Set.of("p");
        Set<String> headings = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p");
        Set<String> form = Set.of("input", "option", "optgroup", "select", "button", "datalist", "textarea");
        Set<String> tableSections = Set.of("thead", "tbody");
        Set<String> ddt = Set.of("dd", "dt");
        Set<String> rtp = Set.of("rt", "rp");
        Map<String, Set<String>> m = new HashMap<>();
        m.put("tr", Set.of("tr", "th", "td"));
        m.put("th", Set.of("th"));
        m.put("td", Set.of("thead", "th", "td"));
        m.put("body", Set.of("head", "link", "script"));
        m.put("a", Set.of("a"));
        m.put("li", Set.of("li"));
        m.put("p", p);
        for (String h : List.of("h1", "h2", "h3", "h4", "h5", "h6")) {
            m.put(h, headings);
        }
        for (String f : List.of("select", "input", "output", "button", "datalist", "textarea")) {
            m.put(f, form);
        }
        m.put("option", Set.of("option"));
        m.put("optgroup", Set.of("optgroup", "option"));
        m.put("dd", ddt);
        m.put("dt", ddt);
        for (String b : List.of("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
                "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul")) {
            m.put(b, p);
        }
        m.put("rt", rtp);
        m.put("rp", rtp);
        m.put("tbody", tableSections);
        m.put("tfoot", tableSections);
        return Map.copyOf(m);
    }

    private static Map<String, String> svgTagNames() {
        Map<String, String> m = new HashMap<>();
        for (String name : List.of("altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform",
                "clipPath", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
                "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
                "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
                "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "foreignObject", "glyphRef",
                "linearGradient", "radialGradient", "textPath")) {
            m.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(m);
    }
}
