package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Does the site say who runs it and on what terms: a privacy policy, terms, and a way to reach a person. */
public final class TransparencyCheck implements Check {
    public static final String NAME = "transparency";

    private static final Pattern PRIVACY = Pattern.compile("privacy|datenschutz|confidentialit|privacidad|gdpr|data protection", Pattern.CASE_INSENSITIVE);
    private static final Pattern TERMS = Pattern.compile("terms|conditions|\\bagb\\b|conditions g[ée]n[ée]rales|t&c|legal notice|user agreement", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTACT = Pattern.compile("contact|support|help ?cent|customer service|impressum|imprint|kontakt|about us", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d ()\\-.]{7,}\\d)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TransparencyFinding> possibleFindings() {
        return List.of(TransparencyFinding.values());
    }

    @Override
    public CheckOutcome run(SiteCapture capture) {
        if (capture.pages().isEmpty() || capture.pages().stream().noneMatch(PageCapture::isHtml)) {
            return CheckOutcome.nothingToJudge(NAME);
        }
        boolean privacy = false;
        boolean terms = false;
        boolean contact = false;
        for (PageCapture p : capture.pages()) {
            for (LinkFacts l : p.links()) {
                String label = (l.text() + " " + l.href().getPath()).toLowerCase(Locale.ROOT);
                privacy |= PRIVACY.matcher(label).find();
                terms |= TERMS.matcher(label).find();
                contact |= CONTACT.matcher(label).find() || l.href().toString().startsWith("mailto:") || l.href().toString().startsWith("tel:");
            }
            String path = p.finalUrl().getPath() == null ? "" : p.finalUrl().getPath().toLowerCase(Locale.ROOT);
            privacy |= PRIVACY.matcher(path).find();
            terms |= TERMS.matcher(path).find();
            contact |= CONTACT.matcher(path).find();
            for (TextSegment s : p.segments()) {
                contact |= EMAIL.matcher(s.text()).find() || (PHONE.matcher(s.text()).find() && s.text().toLowerCase(Locale.ROOT).matches(".*(call|phone|tel).*"));
            }
        }
        PageCapture first = capture.pages().get(0);
        List<Finding> findings = new ArrayList<>();
        SignalTally tally = new SignalTally("missing: ");
        if (!privacy) {
            findings.add(missing(TransparencyFinding.NO_PRIVACY_POLICY, "No privacy policy",
                    "No link to a privacy policy was found on the pages visited.",
                    "The site does not say what it does with your personal data.", first));
            tally.deduct(0.35, "privacy policy");
        }
        if (!terms) {
            findings.add(missing(TransparencyFinding.NO_TERMS, "No terms and conditions",
                    "No link to terms of service or conditions of sale was found on the pages visited.",
                    "The site does not state the rules of buying or using it, which leaves you little to rely on in a dispute.", first));
            tally.deduct(0.2, "terms");
        }
        if (!contact) {
            findings.add(missing(TransparencyFinding.NO_CONTACT, "No way to contact the business",
                    "No contact page, e-mail address or phone number was found on the pages visited.",
                    "If something goes wrong, there is no obvious way to reach the people behind this site.", first));
            tally.deduct(0.35, "contact details");
        }
        return tally.outcome(NAME, capture.pages().size() > 1 ? 0.8 : 0.6, "privacy policy, terms and contact details found", findings);
    }

    private static Finding missing(TransparencyFinding kind, String title, String description, String plain, PageCapture page) {
        return FindingBuilder.finding(kind).confidence(0.7)
                .title(title).description(description).plainEnglish(plain).page(page.finalUrl()).build();
    }
}
