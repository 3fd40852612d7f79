package dev.veritas.capture;

/**
 * An image, or an element marked as a logo, that can show a name.
 *
 * @param kind     {@code img} (also {@code <input type=image>}), {@code svg}, or {@code text} (an element whose class or id says logo)
 * @param src      the image's address, resolved; for inline images only their {@code data:} type; empty for svg and text
 * @param alt      the alt text, or for a text mark its text (at most 120 characters)
 * @param label    aria-label, title, or an svg's {@code <title>}
 * @param hint     class names and id of the element, lower case (at most 120 characters)
 * @param logo     whether the element, or one of its three nearest ancestors, is called a logo or brand (class, id), or
 *                 its file name or alt text says logo
 * @param context  the text of the link or button it sits in ("Continue with …"), at most 120 characters
 * @param visible  whether a visitor can see it
 */
public record BrandMark(String kind, String src, String alt, String label, String hint, boolean logo, String context, boolean visible) {
    public static final String IMG = "img";
    public static final String SVG = "svg";
    public static final String TEXT = "text";
}
