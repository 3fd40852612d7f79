package dev.veritas.checks.phishing;

import dev.veritas.capture.FormFacts;
import dev.veritas.capture.PageCapture;
import java.util.List;
import java.util.Optional;

import java.util.ArrayList;
/**
 * Whether a page poses as someone it is not: it presents itself as a brand or a named service — in its title, logo,
 * icon, headings or the sign-in form's own words — on a host that is not that brand's and not named after that name,
 * more strongly than it presents itself as its own host's site.
 */
public final class Impersonation {
    /** A known brand, shown in one strong place (the title's site name, a logo, an icon, the form's words). */
    static final double KNOWN_BRAND = 2;
    /**
     * A name Veritas does not know needs two places, or a sign-in phrase or a domain name: without a list of its
     * real domains, only the page's insistence on it tells it apart from the site's own name.
     */
    static final double UNKNOWN_NAME = 3;
    /** A page that asks for nothing is noted as using a brand's name only when it shows it in two places (a title and a logo). */
    static final double NAME_ONLY = 4;

    private Impersonation() {}

    /** What the page poses as, how strongly, and whether it asks for a secret there. */
    public record Pose(PresentedIdentity.Foreign as, double ownWeight, boolean asksForSecrets, String secrets) {}

    public static Optional<Pose> of(PageCapture page) {
        String host = page.finalUrl().getHost();
        if (host == null) {
            return Optional.empty();
        }
        List<FormFacts> secretForms = page.forms().stream().filter(Impersonation::asksForSecret).toList();
        PresentedIdentity identity = PresentedIdentity.of(page, secretForms);
        double own = identity.ownWeight(host);
        for (PresentedIdentity.Foreign f : identity.foreign(host)) {
            double needed = secretForms.isEmpty() ? NAME_ONLY : f.brand().isPresent() ? KNOWN_BRAND : UNKNOWN_NAME;
            if (f.weight() >= needed && f.weight() > own) {
                return Optional.of(new Pose(f, own, !secretForms.isEmpty(), secrets(secretForms)));
            }
        }
        return Optional.empty();
    }

    static boolean asksForSecret(FormFacts f) {
        return f.asksForPassword() || f.asksForCard() || f.asksForOneTimeCode();
    }

    private static String secrets(List<FormFacts> forms) {
        boolean password = forms.stream().anyMatch(FormFacts::asksForPassword);
        boolean code = forms.stream().anyMatch(FormFacts::asksForOneTimeCode);
        boolean card = forms.stream().anyMatch(FormFacts::asksForCard);
        List<String> what = new ArrayList<>();
        if (password) {
            what.add("a password");
        }
        if (code) {
            what.add("a one-time code");
        }
        if (card) {
            what.add("card details");
        }
        return what.isEmpty() ? "nothing" : String.join(" and ", what);
    }
}
