package dev.veritas.checks.phishing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says whether an address looks like phishing, and why, from the address alone: no network, no
 * page fetch, a few microseconds per address. Safe to share between threads.
 */
public final class PhishingUrlClassifier {
    /** Signals moving the log-odds less than this are noise to a reader and left out. */
    private static final double MIN_SHOWN = 0.05;

    private static final class Holder {
        static final PhishingUrlClassifier STANDARD = new PhishingUrlClassifier(PhishingModel.bundled());
    }

    private final PhishingModel model;

    public PhishingUrlClassifier(PhishingModel model) {
        this.model = model;
    }

    /** The classifier with the model shipped in Veritas, loaded once. */
    public static PhishingUrlClassifier standard() {
        return Holder.STANDARD;
    }

    public UrlVerdict assess(String url) {
        String input = url == null ? "" : url;
        UrlFeatures features = UrlFeatureExtractor.extract(input);
        List<UrlSignal> signals = new ArrayList<>();
        double z = model.bias();
        for (UrlFeature f : UrlFeature.values()) {
            double raw = features.value(f);
            double c = model.weight(f) * model.input(f, raw);
            z += c;
            boolean present = f.numeric() || raw != 0;
            if (present && Math.abs(c) >= MIN_SHOWN) {
                signals.add(new UrlSignal(f.id(), c, explain(f, features.detail(f))));
            }
        }
        Spelling host = new Spelling();
        Spelling path = new Spelling();
        for (String token : features.tokens()) {
            double c = model.tokenWeight(token);
            z += c;
            if (token.startsWith("hg:")) {
                host.add(token.substring(3), c);
            } else if (token.startsWith("pg:")) {
                path.add(token.substring(3), c);
            } else if (Math.abs(c) >= MIN_SHOWN) {
                signals.add(new UrlSignal("word:" + token, c, explainToken(token, c)));
            }
        }
        host.signal("host_spelling", "host name").ifPresent(signals::add);
        path.signal("path_spelling", "path").ifPresent(signals::add);
        signals.sort(Comparator.comparingDouble(UrlSignal::contribution).reversed());
        double p = PhishingModel.sigmoid(z);
        return new UrlVerdict(input, features.domain().domain(), p, p >= model.threshold(), model.threshold(), signals);
    }

    /**
     * Letter sequences are too many to list one by one; they are summed per part of the address
     * and explained by the few that weighed most.
     */
    private static final class Spelling {
        private double total;
        private final List<Map.Entry<String, Double>> parts = new ArrayList<>();

        void add(String gram, double c) {
            total += c;
            if (c != 0) {
                parts.add(Map.entry(gram, c));
            }
        }

        Optional<UrlSignal> signal(String name, String where) {
            if (Math.abs(total) < MIN_SHOWN) {
                return Optional.empty();
            }
            boolean suspicious = total > 0;
            String examples = parts.stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> suspicious ? -e.getValue() : e.getValue()))
                    .limit(3)
                    .map(e -> "'" + e.getKey().replace("<", "").replace(">", "") + "'")
                    .distinct()
                    .collect(Collectors.joining(", "));
            String text = suspicious
                    ? "the spelling of the %s (letter groups such as %s) resembles phishing addresses more than honest ones"
                    : "the spelling of the %s (letter groups such as %s) resembles honest addresses more than phishing ones";
            return Optional.of(new UrlSignal(name, total, text.formatted(where, examples)));
        }
    }

    private String explain(UrlFeature f, String detail) {
        String fact = f.describe(detail);
        if (!f.numeric() || f == UrlFeature.SENSITIVE_WORDS) {
            return fact;
        }
        long typical = Math.round(model.typicalRaw(f));
        return fact + " (a typical address: about " + typical + ")";
    }

    private static String explainToken(String token, double contribution) {
        int colon = token.indexOf(':');
        String where = switch (token.substring(0, colon)) {
            case "tld" -> "top-level domain";
            case "sub" -> "subdomain";
            case "dom" -> "domain name";
            case "path" -> "path";
            case "ext" -> "file extension";
            case "query" -> "query parameter";
            default -> "address";
        };
        String word = token.substring(colon + 1);
        String text = token.startsWith("tld:") ? "the top-level domain '." + word + "'"
                : token.startsWith("ext:") ? "the file extension '." + word + "'"
                : token.startsWith("query:") ? "the query parameter '" + word + "'"
                : "the word '" + word + "' in the " + where;
        return String.format(Locale.ROOT, "%s is %s", text,
                contribution > 0 ? "more common in phishing addresses than in honest ones"
                        : "more common in honest addresses than in phishing ones");
    }
}
