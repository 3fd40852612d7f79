package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.capture.NetworkRequest;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.ScriptFacts;
import dev.veritas.capture.SiteCapture;
import dev.veritas.hosts.RegistrableDomain;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.Optional;
/** What the site's scripts do to visitors: crypto-mining in their browser, code hidden by obfuscation, and how many other sites' scripts run. */
public final class ScriptsCheck implements Check {
    public static final String NAME = "scripts";

    private static final Pattern MINER = Pattern.compile(
            "coinhive|coin-hive|cryptonight|crypto-?loot|coinimp|jsecoin|webminepool|minero\\.cc|deepminer|authedmine|webmine\\.|"
                    + "CoinHive\\.(Anonymous|User|Token)|new\\s+CryptoLoot|cryptonight_hash|miner\\.start\\s*\\(|\\bmonero(ocean)?\\b.{0,40}(pool|miner)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVAL_DECODE = Pattern.compile("eval\\s*\\(\\s*(atob|unescape|decodeURIComponent|String\\.fromCharCode|escape)\\s*\\(");
    private static final Pattern PACKER = Pattern.compile("eval\\s*\\(\\s*function\\s*\\(\\s*p\\s*,\\s*a\\s*,\\s*c\\s*,\\s*k\\s*,\\s*e\\s*,");
    private static final Pattern WRITE_DECODE = Pattern.compile("document\\.write\\s*\\(\\s*(unescape|decodeURIComponent|atob)\\s*\\(");
    private static final Pattern HEX_RUN = Pattern.compile("(\\\\x[0-9a-fA-F]{2}){20,}");
    /** Escapes of ASCII only: page data escapes non-Latin text as a matter of course (PHP's json_encode does), which hides nothing. */
    private static final Pattern UNICODE_RUN = Pattern.compile("(\\\\u00[0-7][0-9a-fA-F]){10,}");
    private static final Pattern LONG_BASE64 = Pattern.compile("atob\\s*\\(\\s*['\"][A-Za-z0-9+/=]{200,}['\"]");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ScriptsFinding> possibleFindings() {
        return List.of(ScriptsFinding.values());
    }

    @Override
    public CheckOutcome run(SiteCapture capture) {
        List<Finding> findings = new ArrayList<>();
        SignalTally tally = new SignalTally();
        Set<String> thirdPartySites = new LinkedHashSet<>();
        boolean minerSeen = false;
        boolean obfuscationSeen = false;
        for (PageCapture page : capture.pages()) {
            for (ScriptFacts s : page.scripts()) {
                String where = s.src().orElse("inline script");
                String haystack = s.src().orElse("") + "\n" + s.inlineText();
                Matcher m = MINER.matcher(haystack);
                if (!minerSeen && m.find()) {
                    minerSeen = true;
                    findings.add(miner(page, where, m.group()));
                }
                String code = s.inlineText();
                String obf = obfuscation(code);
                if (!obfuscationSeen && obf != null) {
                    obfuscationSeen = true;
                    findings.add(FindingBuilder.finding(ScriptsFinding.OBFUSCATION).confidence(0.7)
                            .title("Heavily obfuscated script")
                            .description("A script on " + page.finalUrl() + " hides its code (" + obf + "), a technique common in malicious and tracking code.")
                            .plainEnglish("The page runs code written to be unreadable, so nobody can easily check what it does.")
                            .page(page.finalUrl()).evidence(snippet(code, obf), null, Map.of("script", where)).build());
                }
                s.src().flatMap(src -> resolve(page.finalUrl(), src)).filter(u -> !RegistrableDomain.sameSite(u, page.finalUrl()))
                        .ifPresent(u -> thirdPartySites.add(RegistrableDomain.siteOf(u.getHost())));
            }
            for (NetworkRequest r : page.requests()) {
                if (!minerSeen && MINER.matcher(r.url().toString()).find()) {
                    minerSeen = true;
                    findings.add(miner(page, r.url().toString(), r.url().getHost()));
                }
                if (r.resourceType().equals("script") && r.url().getHost() != null && !RegistrableDomain.sameSite(r.url(), page.finalUrl())) {
                    thirdPartySites.add(RegistrableDomain.siteOf(r.url().getHost()));
                }
            }
        }
        if (minerSeen) {
            tally.atMost(0, "crypto-miner");
        }
        if (obfuscationSeen) {
            tally.deduct(0.3, "obfuscated script");
        }
        if (thirdPartySites.size() > 15) {
            findings.add(FindingBuilder.finding(ScriptsFinding.MANY_THIRD_PARTIES).confidence(0.9)
                    .title("Scripts from " + thirdPartySites.size() + " other sites")
                    .description("The pages run scripts from " + thirdPartySites.size() + " other sites: " + String.join(", ", thirdPartySites.stream().limit(20).toList()))
                    .plainEnglish("Many outside companies' code runs on these pages; each can see what you do there.")
                    .evidence(String.join(", ", thirdPartySites)).build());
            tally.deduct(0.1, thirdPartySites.size() + " third-party script sites");
        }
        return tally.outcome(NAME, 0.85, "no mining or obfuscated scripts; " + thirdPartySites.size() + " third-party script sites", findings);
    }

    private static Finding miner(PageCapture page, String where, String match) {
        return FindingBuilder.finding(ScriptsFinding.CRYPTOMINER).confidence(0.9)
                .title("The page runs a crypto-currency miner")
                .description("A script (" + where + ") matches a known browser mining kit: " + match)
                .plainEnglish("Visiting this page uses your computer to mine crypto-currency for someone else, slowing it down and costing you power.")
                .page(page.finalUrl()).evidence(match, null, Map.of("script", where)).build();
    }

    static String obfuscation(String code) {
        if (code == null || code.length() < 50) {
            return null;
        }
        String c = code.length() > 200_000 ? code.substring(0, 200_000) : code;
        if (PACKER.matcher(c).find()) {
            return "packed with eval(function(p,a,c,k,e,…))";
        }
        if (EVAL_DECODE.matcher(c).find()) {
            return "eval of decoded text";
        }
        if (WRITE_DECODE.matcher(c).find()) {
            return "document.write of decoded text";
        }
        if (LONG_BASE64.matcher(c).find()) {
            return "a long base64 string decoded at run time";
        }
        if (HEX_RUN.matcher(c).find()) {
            return "long runs of \\x escapes";
        }
        if (UNICODE_RUN.matcher(c).find()) {
            return "long runs of \\u escapes";
        }
        return null;
    }

    private static String snippet(String code, String what) {
        String c = code.strip();
        if (c.isEmpty()) {
            return what;
        }
        return c.length() > 200 ? c.substring(0, 200) + "…" : c;
    }

    private static Optional<URI> resolve(URI base, String src) {
        try {
            URI u = base.resolve(src.startsWith("//") ? base.getScheme() + ":" + src : src);
            return u.getHost() == null ? Optional.empty() : Optional.of(u);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
