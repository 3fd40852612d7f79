package dev.veritas.checks.phishing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
        // A measured signal's range (its "bin:" word) refines that signal, so it is reported with it.
        double[] refinement = new double[UrlFeature.values().length];
        Spelling host = new Spelling();
        Spelling path = new Spelling();
        double z = model.bias();
        for (String token : features.tokens()) {
            double c = model.tokenWeight(token);
            z += c;
            if (token.startsWith(UrlFeatureExtractor.BIN_PREFIX)) {
                UrlFeature.byId(binFeature(token)).ifPresent(f -> refinement[f.ordinal()] += c);
            } else if (token.startsWith("hg:")) {
                host.add(token.substring(3), c);
            } else if (token.startsWith("pg:")) {
                path.add(token.substring(3), c);
            } else if (token.startsWith("shape:")) {
                if (Math.abs(c) >= MIN_SHOWN) {
                    signals.add(new UrlSignal("address_shape", c, explainShape(token.substring(6), c)));
                }
            } else if (Math.abs(c) >= MIN_SHOWN) {
                signals.add(new UrlSignal("word:" + token, c, explainToken(token, c)));
            }
        }
        for (UrlFeature f : UrlFeature.values()) {
            double raw = features.value(f);
            double c = model.weight(f) * model.input(f, raw) + refinement[f.ordinal()];
            z += model.weight(f) * model.input(f, raw);
            boolean present = f.numeric() || raw != 0;
            if (present && Math.abs(c) >= MIN_SHOWN) {
                signals.add(new UrlSignal(f.id(), c, explain(f, raw, features.detail(f))));
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
        private static final int SHOWN = 3;
        private double total;
        private final List<String> grams = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        void add(String gram, double c) {
            total += c;
            if (c != 0) {
                grams.add(gram);
                weights.add(c);
            }
        }

        Optional<UrlSignal> signal(String name, String where) {
            if (Math.abs(total) < MIN_SHOWN) {
                return Optional.empty();
            }
            boolean suspicious = total > 0;
            // Pick the few strongest in the signal's direction without sorting them all.
            List<String> shown = new ArrayList<>();
            boolean[] used = new boolean[grams.size()];
            for (int k = 0; k < SHOWN; k++) {
                int best = -1;
                for (int i = 0; i < grams.size(); i++) {
                    double w = suspicious ? weights.get(i) : -weights.get(i);
                    if (!used[i] && w > 0 && (best < 0 || w > (suspicious ? weights.get(best) : -weights.get(best)))) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                used[best] = true;
                String g = "'" + grams.get(best).replace("<", "").replace(">", "") + "'";
                if (!shown.contains(g)) {
                    shown.add(g);
                }
            }
            String text = "the spelling of the " + where + " (letter groups such as " + String.join(", ", shown)
                    + ") resembles " + (suspicious ? "phishing addresses more than honest ones"
                    : "honest addresses more than phishing ones");
            return Optional.of(new UrlSignal(name, total, text));
        }
    }

    private String explain(UrlFeature f, double raw, String detail) {
        String fact = f.describe(raw, detail);
        if (!f.numeric() || raw == 0 || f == UrlFeature.SENSITIVE_WORDS) {
            return fact;
        }
        long typical = Math.round(model.typicalRaw(f));
        return fact + " (a typical address: about " + typical + ")";
    }

    private static String binFeature(String token) {
        String rest = token.substring(UrlFeatureExtractor.BIN_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static String explainShape(String shape, double contribution) {
        return "the address as a whole (" + (shape.charAt(0) == 's' ? "HTTPS" : "plain HTTP") + ", "
                + (shape.charAt(1) == 'w' ? "'www.' host" : "no 'www.'") + ", "
                + (shape.charAt(3) == 'h' ? "home page" : "a page below the home page") + ") is "
                + (contribution > 0 ? "shaped more like phishing addresses" : "shaped like most honest addresses");
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
        return text + " is " + (contribution > 0 ? "more common in phishing addresses than in honest ones"
                : "more common in honest addresses than in phishing ones");
    }
}
