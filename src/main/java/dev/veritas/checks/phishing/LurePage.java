package dev.veritas.checks.phishing;

import dev.veritas.capture.FormFacts;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.hosts.RegistrableDomain;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare lure: a page that promises a prize, a reward or a vote and is nothing but a form leading to the next step —
 * no link anywhere, so no way to learn who runs it or on what terms. Prize, poll and survey scams open this way and ask
 * for the password or card on the following page.
 */
public final class LurePage {
    /** What a lure promises or asks to take part in, in its title or headings. */
    private static final Pattern LURE = Pattern.compile("\\b(vote|votes|voting|poll|polls|survey|quiz|questionnaire|giveaway|give-away|prize|prizes"
            + "|reward|rewards|winner|winners|won|win|congratulations|claim|lottery|sweepstakes?|contest|competition|lucky|free gift|gift card"
            + "|jackpot|spin the wheel|bonus)\\b", Pattern.CASE_INSENSITIVE);
    /** Inputs that are not questions to the visitor. */
    private static final Set<String> NOT_QUESTIONS = Set.of("hidden", "submit", "button", "reset", "image", "search");

    private LurePage() {}

    /** What makes the page a lure: the promise, and the step its form leads to. */
    public record Lure(String promise, String shownIn, URI nextStep) {}

    public static Optional<Lure> of(PageCapture page) {
        if (hasWayOut(page)) {
            return Optional.empty();
        }
        Optional<String[]> promise = promise(page);
        if (promise.isEmpty()) {
            return Optional.empty();
        }
        for (FormFacts f : page.forms()) {
            boolean asks = f.inputs().stream().anyMatch(i -> !NOT_QUESTIONS.contains(i.type()));
            Optional<URI> next = f.action().filter(a -> a.getHost() != null && RegistrableDomain.sameSite(a, page.finalUrl())
                    && !samePage(a, page.finalUrl()));
            if (asks && next.isPresent()) {
                return Optional.of(new Lure(promise.get()[0], promise.get()[1], next.get()));
            }
        }
        return Optional.empty();
    }

    /** Any link to another page, here or elsewhere: a home page, a privacy policy, a contact page. */
    private static boolean hasWayOut(PageCapture page) {
        for (LinkFacts l : page.links()) {
            String scheme = l.href().getScheme() == null ? "" : l.href().getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") || scheme.equals("tel"))
                    && !samePage(l.href(), page.finalUrl())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String[]> promise(PageCapture page) {
        List<String[]> places = new ArrayList<>();
        places.add(new String[] {page.title(), "title"});
        page.branding().headings().stream().limit(5).forEach(h -> places.add(new String[] {h, "heading"}));
        for (String[] p : places) {
            // "VoteRank", "PrizeDraw": a lure word may hide inside a made-up name
            String words = p[0].replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
            Matcher m = LURE.matcher(words);
            if (m.find()) {
                return Optional.of(new String[] {p[0].strip(), p[1]});
            }
        }
        return Optional.empty();
    }

    private static boolean samePage(URI a, URI page) {
        String pa = a.getPath() == null || a.getPath().isEmpty() ? "/" : a.getPath();
        String pp = page.getPath() == null || page.getPath().isEmpty() ? "/" : page.getPath();
        return RegistrableDomain.sameSite(a, page) && pa.equals(pp);
    }
}
