package dev.veritas.checks.darkpatterns;

import dev.veritas.capture.PageCapture;
import dev.veritas.capture.TextSegment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hidden costs that only a comparison of two pages shows: a fee line on the checkout page that the cart never
 * named (drip pricing). Text alone cannot tell — "Service fee $2" is honest when the cart said so — so this looks
 * at the cart and checkout pages of one crawl together. Shipping and tax are left out: working them out at
 * checkout is ordinary and usually announced.
 */
public final class DripPricing {
    private static final Pattern FEE = Pattern.compile(
            "\\b((?:service|handling|processing|booking|convenience|admin(?:istration)?|platform|resort|cleaning|facility|"
                    + "transaction|order|payment|checkout)(?: (?:and|&) \\w+)? (?:fee|charge|surcharge))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CART = Pattern.compile("/(cart|basket|bag|trolley)(/|\\.|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHECKOUT = Pattern.compile("/(checkout|payment|pay|order|place-order)(/|\\.|$)", Pattern.CASE_INSENSITIVE);

    /** A fee named first at checkout: the fee's words, the segment that shows it, and the two pages. */
    public record DrippedFee(String fee, TextSegment segment, PageCapture checkout, PageCapture cart) {}

    private DripPricing() {}

    public static List<DrippedFee> find(List<PageCapture> pages) {
        Optional<PageCapture> cart = pages.stream().filter(p -> CART.matcher(path(p)).find()).findFirst();
        if (cart.isEmpty()) {
            return List.of(); // without the cart there is nothing to compare the checkout with
        }
        String cartText = cart.get().segments().stream().map(TextSegment::text).reduce("", (a, b) -> a + "\n" + b).toLowerCase(Locale.ROOT);
        List<DrippedFee> out = new ArrayList<>();
        for (PageCapture checkout : pages) {
            if (checkout == cart.get() || !CHECKOUT.matcher(path(checkout)).find()) {
                continue;
            }
            for (TextSegment s : checkout.segments()) {
                Matcher m = FEE.matcher(s.text());
                if (s.visible() && m.find()) {
                    String fee = m.group(1).toLowerCase(Locale.ROOT);
                    if (!cartText.contains(fee) && out.stream().noneMatch(d -> d.fee().equals(fee))) {
                        out.add(new DrippedFee(fee, s, checkout, cart.get()));
                    }
                }
            }
        }
        return out;
    }

    private static String path(PageCapture p) {
        URI u = p.finalUrl();
        return u.getPath() == null ? "" : u.getPath();
    }
}
