package dev.veritas.capture;

/**
 * A piece of visible text as the page showed it: its element, where it is, and how it looked.
 * {@code contrast} is the WCAG contrast ratio against its background (1–21; 0 when unknown).
 */
public record TextSegment(String text, String tag, String selector, double fontSizePx, boolean visible, double contrast, String moment) {
    public static final String AT_LOAD = "load";
    public static final String LATER = "later";

    public static TextSegment plain(String text, String tag, String selector) {
        return new TextSegment(text, tag, selector, 16, true, 0, AT_LOAD);
    }
}
