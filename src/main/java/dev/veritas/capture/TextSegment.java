package dev.veritas.capture;

import java.util.List;

/**
 * A piece of visible text as the page showed it: its element, where it is, and how it looked.
 * {@code contrast} is the WCAG contrast ratio against its background (1–21; 0 when unknown).
 * {@code region} is the nearest landmark around it ({@link #REGIONS}; empty when none), and {@code nearOffer} whether
 * a price or a call to buy sits in the same small block (the text and the offer share an ancestor at most two levels
 * up from each, below the main content): what a pressure message is attached to.
 */
public record TextSegment(String text, String tag, String selector, double fontSizePx, boolean visible, double contrast, String moment,
                          String region, boolean nearOffer) {
    public static final String AT_LOAD = "load";
    public static final String LATER = "later";
    /** Landmarks, nearest first: a dialog, navigation, page header or footer, an aside, a form, an article, the main content. */
    public static final List<String> REGIONS = List.of("dialog", "nav", "header", "footer", "aside", "form", "article", "main");

    /** A segment whose surroundings were not read (no region, no offer nearby). */
    public TextSegment(String text, String tag, String selector, double fontSizePx, boolean visible, double contrast, String moment) {
        this(text, tag, selector, fontSizePx, visible, contrast, moment, "", false);
    }

    public static TextSegment plain(String text, String tag, String selector) {
        return new TextSegment(text, tag, selector, 16, true, 0, AT_LOAD);
    }

    public TextSegment in(String region, boolean nearOffer) {
        return new TextSegment(text, tag, selector, fontSizePx, visible, contrast, moment, region, nearOffer);
    }
}
