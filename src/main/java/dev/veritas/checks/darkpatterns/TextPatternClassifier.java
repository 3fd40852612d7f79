package dev.veritas.checks.darkpatterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a text segment of a shop page is a dark pattern, which one, and why.
 *
 * <p>Hand-written rules ({@link RuleBook}) decide first: they are precise and their evidence is a
 * phrase a shopper recognises; only a rule unsure of its phrase yields, on a short text both learned models read as
 * plainly honest ({@link #RULE_DOUBT}). When no rule fires, the learned models may still report a paraphrase:
 * the {@link NgramModel} reads its words and, when shipped, the {@link SentenceModel} reads its meaning;
 * their mean dark-pattern probability must reach the sentence model's calibrated threshold (the n-gram
 * model's own threshold when there is no sentence model or it cannot run here), and the text must pass
 * the gate ({@link #meaningMayReport} when the sentence model reads it, {@link #modelMayReport} when the n-gram model
 * decides alone): not ordinary shop wording ({@link BenignShopText}), not an honest variant a rule excused, because
 * false alarms on normal shops are what users notice most.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TextPatternClassifier {
    /** Texts longer than this are examined in overlapping windows, so a paragraph cannot dilute the model. */
    static final int WINDOW = 2000;
    private static final int OVERLAP = 200;
    /** A model-only match never claims the certainty of a precise rule. */
    private static final double MODEL_ONLY_CAP = 0.9;
    /**
     * A model-only match needs a sentence, not a label: one or two words ("Today" in a menu, "Last Price" over a table of
     * quotes) say too little for a bag of words to tell a badge from page furniture; short badges are the rules' work.
     */
    static final int MODEL_MIN_WORDS = 3;
    /**
     * A phrase can carry a sense its rule did not foresee ("1.2k sold" under a product tile, a fee stated where it is
     * paid). When both learned models, reading the whole short text, find it almost surely honest (their mean dark-pattern
     * probability under this), a rule that is not sure of its phrase ({@link #RULE_SURE}) is overruled. Chosen on the read
     * evaluation sets, where such rules raised 23 false alarms and 300 right hits: 0.15 dropped 9 and 2, 0.10 dropped 2
     * and 0, 0.20 dropped 12 and 6.
     */
    static final double RULE_DOUBT = 0.15;
    /**
     * Rules this confident name a phrase with no honest sense the team knows of ("Remove warranty" beside a pre-added
     * warranty); the models, which read few such texts, do not overrule them.
     */
    static final double RULE_SURE = 0.8;
    /** Longer text may hold a dark phrase inside honest prose, which its whole meaning would hide: the rule stands. */
    static final int RULE_DOUBT_MAX_WORDS = 40;

    private static final class Standard {
        static final TextPatternClassifier INSTANCE = new TextPatternClassifier(RuleBook.standard(), NgramModel.shipped(),
                SentenceModel.shipped());
    }

    private final RuleBook rules;
    private final Optional<NgramModel> model;
    private final Optional<SentenceModel> sentences;
    /** The sentence model's honest look-alikes, embedded on first need (a few dozen texts, well under a second). */
    private volatile Optional<HonestLookAlikes> lookAlikes;

    public TextPatternClassifier(RuleBook rules, Optional<NgramModel> model) {
        this(rules, model, Optional.empty());
    }

    /** @param sentences read only together with {@code model}: it confirms or dismisses what the n-gram model suggests */
    public TextPatternClassifier(RuleBook rules, Optional<NgramModel> model, Optional<SentenceModel> sentences) {
        this.rules = rules;
        this.model = model;
        this.sentences = model.isPresent() ? sentences : Optional.empty();
    }

    /** The rules and the model shipped with Veritas. */
    public static TextPatternClassifier standard() {
        return Standard.INSTANCE;
    }

    /** The rules alone, for callers that want only phrase-level evidence. */
    public static TextPatternClassifier rulesOnly() {
        return new TextPatternClassifier(RuleBook.standard(), Optional.empty());
    }

    public Optional<NgramModel> model() {
        return model;
    }

    public Optional<SentenceModel> sentenceModel() {
        return sentences;
    }

    /** The most confident dark pattern in the text, if any. */
    public Optional<TextMatch> classify(String text) {
        return classify(text, MeaningBudget.unlimited());
    }

    /** The most confident dark pattern in the text, if any, handing it to the sentence network only while the budget lasts. */
    public Optional<TextMatch> classify(String text, MeaningBudget budget) {
        List<TextMatch> all = classifyAll(text, budget);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every pattern type found in the text (one match per type, the most confident), most confident
     * first. A banner such as "Hurry! 16 people are viewing this and only 2 are left" yields both an
     * activity notification and a low-stock message.
     */
    public List<TextMatch> classifyAll(String text) {
        return classifyAll(text, MeaningBudget.unlimited());
    }

    /** As {@link #classifyAll(String)}, handing text to the sentence network only while the budget lasts. */
    public List<TextMatch> classifyAll(String text, MeaningBudget budget) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return List.of();
        }
        Map<PatternType, TextMatch> best = new EnumMap<>(PatternType.class);
        for (String window : windows(normalized)) {
            for (TextMatch m : classifyWindow(window, budget)) {
                best.merge(m.patternType(), m, (a, b) -> b.confidence() > a.confidence() ? b : a);
            }
        }
        List<TextMatch> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(TextMatch::confidence).reversed());
        return out;
    }

    /** Whether some rule reports this normalised text, as the classifier counts rule hits (reported news does not count). */
    public boolean rulesReport(String normalized) {
        return !ruleHits(normalized).isEmpty();
    }

    private List<TextRule.RuleHit> ruleHits(String normalized) {
        List<TextRule.RuleHit> hits = new ArrayList<>(rules.matchAll(normalized));
        hits.removeIf(h -> NewsVoice.reports(h.rule().type(), normalized));
        return hits;
    }

    private List<TextMatch> classifyWindow(String normalized, MeaningBudget budget) {
        List<TextRule.RuleHit> hits = ruleHits(normalized);
        // Score only when the result can be used: as supporting terms for a rule hit, or when the model
        // may report on its own (a threshold above 1 means it may not). Most page segments are neither.
        boolean useful = !hits.isEmpty() || model.map(m -> m.threshold() <= 1).orElse(false)
                || sentences.map(m -> m.threshold() <= 1).orElse(false);
        Optional<NgramModel.Score> score = useful ? model.map(m -> m.score(normalized)) : Optional.empty();
        List<TextMatch> out = new ArrayList<>();
        if (!hits.isEmpty()) {
            if (hits.stream().anyMatch(TextPatternClassifier::unsure) && meaningOverrulesRules(normalized, score, budget)) {
                hits.removeIf(TextPatternClassifier::unsure);
                // The models have just read the text as honest: they will not report it on their own either.
                if (hits.isEmpty()) {
                    return out;
                }
            }
            for (TextRule.RuleHit h : hits) {
                PatternType type = h.rule().type();
                // The model's terms are added as supporting evidence only when it agrees on the type.
                List<String> terms = score.filter(s -> s.likelyType().equals(Optional.of(type)))
                        .map(NgramModel.Score::contributingTerms).orElse(List.of());
                out.add(new TextMatch(type.category(), type, h.rule().confidence(), TextMatch.Source.RULE,
                        Optional.of(h.rule().id()), Optional.of(h.phrase()), terms));
            }
            return out;
        }
        // Cheapest test first: most segments cannot reach the threshold; the gate runs rules; the network last.
        if (score.isPresent() && mayReachThreshold(score.get()) && meaningMayReport(normalized, score.get())) {
            NgramModel.Score s = score.get();
            modelOnlyReading(normalized, s, budget).ifPresent(r -> out.add(new TextMatch(r.type().category(), r.type(),
                    Math.min(MODEL_ONLY_CAP, r.probability()), TextMatch.Source.MODEL, Optional.empty(), Optional.empty(),
                    s.contributingTerms())));
        }
        return out;
    }

    /** A rule not sure enough of its phrase to stand against both models ({@link #RULE_SURE}). */
    private static boolean unsure(TextRule.RuleHit hit) {
        return hit.rule().confidence() < RULE_SURE;
    }

    /**
     * Whether both learned models read a short text a rule reported as almost surely honest ({@link #RULE_DOUBT}). The
     * network runs only when the n-gram score is low enough for that to be possible, and only while the budget lasts;
     * without its reading the rule stands.
     */
    private boolean meaningOverrulesRules(String normalized, Optional<NgramModel.Score> score, MeaningBudget budget) {
        if (sentences.isEmpty() || score.isEmpty() || NgramFeatures.words(normalized) > RULE_DOUBT_MAX_WORDS
                || SentenceModel.combined(score.get().darkProbability(), 0) >= RULE_DOUBT) {
            return false;
        }
        Optional<float[]> vector = budget.take() ? SentenceEmbedder.shared().embed(normalized) : Optional.empty();
        return vector.map(v -> SentenceModel.combined(score.get().darkProbability(), sentences.get().darkProbability(v)) < RULE_DOUBT)
                .orElse(false);
    }

    /** Whether the n-gram score alone, or with the best the sentence model could add, can reach the threshold that decides. */
    private boolean mayReachThreshold(NgramModel.Score s) {
        return sentences.map(sm -> SentenceModel.canReach(s.darkProbability(), sm.threshold()))
                .orElse(s.darkProbability() >= model.get().threshold());
    }

    /** What the learned models report for a text no rule reported: a type and the probability that it is a dark pattern. */
    private record Reading(PatternType type, double probability) {
    }

    /**
     * The learned models' reading of a text no rule reported, when its probability reaches the threshold; called only for
     * texts that {@link #mayReachThreshold may reach it} and pass the gate, so the embedding network runs for a few segments
     * of a page, not all of them. The type is the one both models read ({@link SentenceModel#likelyType}) when the sentence
     * model read the text and the gate lets that type through too; otherwise the n-gram model's.
     */
    private Optional<Reading> modelOnlyReading(String normalized, NgramModel.Score s, MeaningBudget budget) {
        PatternType wordsType = s.likelyType().get();
        if (sentences.isPresent()) {
            SentenceModel sm = sentences.get();
            // Past the budget the n-gram model decides alone, at its own (stricter) threshold.
            Optional<float[]> vector = budget.take() ? SentenceEmbedder.shared().embed(normalized) : Optional.empty();
            if (vector.isPresent()) {
                double p = SentenceModel.combined(s.darkProbability(), sm.darkProbability(vector.get()));
                if (p < sm.threshold() || lookAlikes(sm).map(h -> h.resembles(vector.get())).orElse(false)) {
                    return Optional.empty();
                }
                PatternType type = SentenceModel.likelyType(s.typeProbabilities(), sm.typeProbabilities(vector.get()))
                        .filter(t -> t == wordsType || passesTypeGate(normalized, t)).orElse(wordsType);
                return Optional.of(new Reading(type, p));
            }
        }
        return modelMayReport(normalized, s) && s.darkProbability() >= model.get().threshold()
                ? Optional.of(new Reading(wordsType, s.darkProbability())) : Optional.empty();
    }

    /** The parts of the gate that depend on the type a text is read as. */
    private boolean passesTypeGate(String normalized, PatternType type) {
        return BenignShopText.veto(normalized, Optional.of(type)).isEmpty()
                && rules.excusedBy(normalized, type).isEmpty()
                && !NewsVoice.reports(type, normalized);
    }

    private Optional<HonestLookAlikes> lookAlikes(SentenceModel sm) {
        Optional<HonestLookAlikes> known = lookAlikes;
        if (known == null) {
            synchronized (this) {
                if (lookAlikes == null) {
                    lookAlikes = SentenceEmbedder.shared().embedAll(sm.honestLookAlikes()).map(HonestLookAlikes::new);
                }
                known = lookAlikes;
            }
        }
        return known;
    }

    /**
     * Whether a model score may become a finding on its own, where no rule fired: it must name a type
     * and cite a content word, the text must have at least {@value #MODEL_MIN_WORDS} words, and it must not be ordinary shop wording ({@link BenignShopText}),
     * an honest variant a rule of the model's type recognised and excused ({@link RuleBook#excusedBy}), or reported news
     * ({@link NewsVoice}). The trainer chooses the model's threshold through this same gate.
     */
    public boolean modelMayReport(String normalized, NgramModel.Score s) {
        return s.likelyType().isPresent() && s.citesContent()
                && NgramFeatures.words(normalized) >= MODEL_MIN_WORDS
                && BenignShopText.veto(normalized).isEmpty()
                && rules.excusedBy(normalized, s.likelyType().get()).isEmpty()
                && !NewsVoice.reports(s.likelyType().get(), normalized);
    }

    /**
     * The gate when the sentence model will read the text too. Word counts can be carried by function words, so the n-gram
     * model alone must cite a content word; a reading of meaning needs no such proof ("I'll risk losing my streak" is all
     * function words and plainly a shaming decline) — except after a plain "No thanks", where both models read every
     * reason alike ({@link BenignShopText#opensWithPlainDecline}). For the same reason a text read as confirmshaming may
     * speak in the first person ({@link BenignShopText#veto(String, Optional)}). Everything else is as
     * {@link #modelMayReport}. Where the network cannot run, {@link #modelOnlyReading} falls back to the n-gram gate.
     */
    public boolean meaningMayReport(String normalized, NgramModel.Score s) {
        return s.likelyType().isPresent()
                && (s.citesContent() || !BenignShopText.opensWithPlainDecline(normalized))
                && NgramFeatures.words(normalized) >= MODEL_MIN_WORDS
                && passesTypeGate(normalized, s.likelyType().get());
    }

    /** Splits long text at spaces into overlapping windows; short text is one window. */
    static List<String> windows(String normalized) {
        if (normalized.length() <= WINDOW * 2) {
            return List.of(normalized);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < normalized.length()) {
            int end = Math.min(normalized.length(), start + WINDOW);
            if (end < normalized.length()) {
                int space = normalized.lastIndexOf(' ', end);
                if (space > start + WINDOW / 2) {
                    end = space;
                }
            }
            out.add(normalized.substring(start, end));
            if (end >= normalized.length()) {
                break;
            }
            start = Math.max(start + 1, end - OVERLAP);
        }
        return out;
    }
}
