package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a host is named after a site name: "The New York Times" on nytimes.com, "Ars Technica" on arstechnica.com,
 * "BBC News" on bbc.co.uk. The host's own name (the registrable label, or the site's label on shared hosting) must be
 * spelled by the name alone — whole words or their first letters, in order — give or take a short word sites add
 * ("get", "app", "hq"). A look-alike host adds other words ("x-account-login"), so it does not carry the name.
 */
public final class SiteNames {
    private SiteNames() {}

    /** Words a site may put around its name in its address: getpocket, joinmastodon, trello-app, acmehq. */
    private static final Set<String> PREFIXES = Set.of("get", "try", "use", "join", "go", "my", "the", "hello", "meet", "with", "on");
    private static final Set<String> SUFFIXES = Set.of("app", "hq", "inc", "corp", "group", "online", "web", "site", "io", "labs",
            "dev", "official", "blog", "news", "media", "hub", "tv", "shop", "store", "global", "world", "co", "net", "org", "com");
    /** Endings a name written as a domain carries ("WordPress.org"). */
    static final Set<String> TLDS = Set.of("com", "org", "net", "io", "co", "me", "tv", "app", "ru", "de", "fr", "uk");
    /** Small words a site's name may skip in its address ("nytimes" for "The New York Times"). */
    private static final Set<String> SKIPPABLE = Set.of("the", "of", "and", "a", "an", "for", "on", "at", "de", "la", "le", "el", "der", "die");

    /** Lower case letters and digits only, accents removed: "Stack Overflow" → "stackoverflow". */
    public static String squash(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Whether the name can be matched against host names at all: it needs Latin letters (hosts are spelled in them). */
    public static boolean comparable(String name) {
        String s = squash(name);
        return s.length() >= 2 && s.chars().anyMatch(c -> c >= 'a' && c <= 'z') && s.chars().allMatch(c -> c < 128);
    }

    /** The label a host is named by: the registrable label, or on shared hosting the site's own label. */
    public static String siteLabel(String host) {
        RegistrableDomain rd = RegistrableDomain.of(host == null ? "" : host.toLowerCase(Locale.ROOT));
        if (rd.onSharedHosting()) {
            String h = rd.host();
            String site = h.substring(0, Math.max(0, h.length() - rd.suffix().length() - 1));
            int dot = site.lastIndexOf('.');
            return dot < 0 ? site : site.substring(dot + 1);
        }
        return rd.label();
    }

    /** Host labels that name no site. */
    private static final Set<String> SERVICE_LABELS = Set.of("www", "www1", "www2", "www3", "m", "mobile", "web", "app", "login", "account",
            "accounts", "secure", "auth", "id", "mail", "en", "amp");

    /**
     * Whether the host is named after this name: its site label, or another of its labels (a publisher's section of a
     * portal, "folha.uol.com.br"), spells it.
     */
    public static boolean carries(String host, String name) {
        if (carriesLabel(siteLabel(host), name)) {
            return true;
        }
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        RegistrableDomain rd = RegistrableDomain.of(h);
        if (rd.onSharedHosting() || rd.subdomain().isEmpty()) {
            return false;
        }
        for (String label : rd.subdomain().split("\\.")) {
            if (!SERVICE_LABELS.contains(label) && carriesLabel(label, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean carriesLabel(String siteLabel, String name) {
        String label = squash(siteLabel);
        if (label.length() < 2) {
            return false;
        }
        List<String> words = words(name);
        if (words.isEmpty() || words.size() > 8) {
            return false;
        }
        if (spells(label, words)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (label.startsWith(p) && spells(label.substring(p.length()), words)) {
                return true;
            }
        }
        for (String s : SUFFIXES) {
            if (label.endsWith(s) && label.length() > s.length() && spells(label.substring(0, label.length() - s.length()), words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the host resembles the name without being named after it: the name inside the host's label or one of
     * its other labels ("acme-store-eu" for Acme), or the label inside the name. Without knowing a name's real
     * domains, such a host could be the name's own as well as a look-alike.
     */
    public static boolean resembles(String host, String name) {
        if (carries(host, name)) {
            return true;
        }
        String n = squash(name);
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (String label : h.split("\\.")) {
            String l = squash(label);
            if ((n.length() >= 3 && l.contains(n)) || (l.length() >= 4 && n.contains(l))) {
                return true;
            }
        }
        String site = squash(siteLabel(h));
        return n.length() >= 3 && site.contains(n);
    }

    /** The name's words, lower case and letters or digits only ("WordPress.org" → [wordpress, org]). */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : squashKeepingSpaces(name).split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String squashKeepingSpaces(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // "Stack Overflow", "wordpress.org" and "nyt-times" split; so do the parts of "WordPress" (wp) and "GitLab".
        n = n.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * Whether the label is the words in order, each written whole, cut to its first letters, or (a small word) left
     * out; at least one word must be written with more than its first letter unless every word is an initial.
     */
    static boolean spells(String label, List<String> words) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.equals(String.join("", words))) {
            return true;
        }
        return spell(label, 0, words, 0, 0);
    }

    private static boolean spell(String label, int at, List<String> words, int w, int lettersUsed) {
        if (at == label.length()) {
            // the rest of the words may be left out only if they are small words or the name's trailing words
            return lettersUsed >= 2;
        }
        if (w == words.size()) {
            return false;
        }
        String word = words.get(w);
        // leave the word out (a small word, or a word the address drops: "BBC News" → bbc)
        if ((SKIPPABLE.contains(word) || w > 0) && spell(label, at, words, w + 1, lettersUsed)) {
            return true;
        }
        int max = Math.min(word.length(), label.length() - at);
        for (int n = max; n >= 1; n--) {
            if (label.regionMatches(at, word, 0, n) && spell(label, at + n, words, w + 1, lettersUsed + n)) {
                return true;
            }
        }
        return false;
    }
}
