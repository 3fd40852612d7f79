package dev.veritas.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.capture.FormFacts;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TextSegment;
import dev.veritas.json.Json;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of site this is (ecommerce, financial, saas, company, other). It does not judge the site; it tells
 * the judge which concerns weigh most (dark patterns in a shop, credentials on a bank).
 */
public final class SiteTypeCheck implements Check {
    public static final String NAME = "site_type";

    public enum SiteType { ECOMMERCE, FINANCIAL, SAAS, COMPANY, OTHER;
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Classification(SiteType type, double confidence) {}

    private static final Map<SiteType, Pattern> WORDS = Map.of(
            SiteType.ECOMMERCE, Pattern.compile("\\b(add to (cart|basket|bag)|checkout|shopping (cart|bag)|free shipping|shipping|in stock|buy now|\\bcart\\b|basket|order now|product|price|sale|discount|returns?)\\b"),
            SiteType.FINANCIAL, Pattern.compile("\\b(bank|banking|account balance|loan|mortgage|credit card|invest(ment|ing)?|trading|crypto|wallet|payment|paypal|transfer|routing number|iban)\\b"),
            SiteType.SAAS, Pattern.compile("\\b(free trial|sign up|pricing|per month|/mo\\b|plans?|dashboard|subscription|subscribe|api|integrations?|start for free)\\b"),
            SiteType.COMPANY, Pattern.compile("\\b(about us|our team|careers|services|our story|clients|portfolio|contact us|founded|mission)\\b"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome run(SiteCapture capture) {
        Classification c = classify(capture);
        ObjectNode details = Json.object().put("site_type", c.type().wire()).put("confidence", c.confidence());
        return new CheckOutcome(NAME, Optional.empty(), List.of(), Optional.of(details));
    }

    public static Classification classify(SiteCapture capture) {
        Map<SiteType, Double> score = new EnumMap<>(SiteType.class);
        for (PageCapture p : capture.pages()) {
            StringBuilder text = new StringBuilder(p.title()).append(' ').append(p.finalUrl().getPath()).append(' ');
            int n = 0;
            for (TextSegment s : p.segments()) {
                if (n++ > 400) {
                    break;
                }
                text.append(s.text()).append(' ');
            }
            for (LinkFacts l : p.links()) {
                text.append(l.href().getPath()).append(' ');
            }
            String t = text.toString().toLowerCase(Locale.ROOT);
            WORDS.forEach((type, pattern) -> {
                Matcher m = pattern.matcher(t);
                int hits = 0;
                while (m.find() && hits < 30) {
                    hits++;
                }
                score.merge(type, (double) hits, Double::sum);
            });
            for (FormFacts f : p.forms()) {
                if (f.asksForCard()) {
                    score.merge(SiteType.ECOMMERCE, 4.0, Double::sum);
                    score.merge(SiteType.FINANCIAL, 3.0, Double::sum);
                }
                if (f.asksForPassword()) {
                    score.merge(SiteType.FINANCIAL, 2.0, Double::sum);
                    score.merge(SiteType.SAAS, 2.0, Double::sum);
                }
            }
        }
        double total = score.values().stream().mapToDouble(Double::doubleValue).sum();
        SiteType best = SiteType.OTHER;
        double bestScore = 0;
        for (SiteType t : List.of(SiteType.ECOMMERCE, SiteType.FINANCIAL, SiteType.SAAS, SiteType.COMPANY)) {
            double v = score.getOrDefault(t, 0.0);
            if (v > bestScore) {
                best = t;
                bestScore = v;
            }
        }
        if (bestScore < 3) {
            return new Classification(SiteType.OTHER, 0.3);
        }
        return new Classification(best, Math.round(bestScore / total * 100) / 100.0);
    }
}
