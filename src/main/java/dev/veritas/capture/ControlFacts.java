package dev.veritas.capture;

/**
 * A link or button as it looked: the choices a page offers and how prominently. Used to spot a decline
 * option made tiny, faint or hidden next to a loud accept button.
 */
public record ControlFacts(
        String text,
        String tag,
        String selector,
        double fontSizePx,
        boolean visible,
        double opacity,
        double contrast,
        double widthPx,
        double heightPx,
        boolean inDialog) {}
