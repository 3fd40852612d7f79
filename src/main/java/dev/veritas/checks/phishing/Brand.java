package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import java.util.stream.Stream;
/**
 * A brand that phishing pages like to imitate, with the registrable domains it really uses.
 *
 * @param name             display name ("PayPal")
 * @param keywords         distinctive spellings found inside larger words ("paypal", "appleid");
 *                         long and unusual enough that a substring match means the brand
 * @param tokenKeywords    short or common spellings that count only as a whole word ("dhl", "chase")
 * @param officialDomains  registrable domains the brand owns
 * @param countryDomains   whether "label.&lt;country code&gt;" (amazon.de, google.co.uk) is also the brand's
 * @param selfHosted       software anyone runs under their own name and domain (a blog's WordPress log-in page): its
 *                         name on a page is the software's, and only its hosted service's name (wordpress.org, an icon
 *                         served by the brand) says the page poses as the brand
 */
public record Brand(String name, List<String> keywords, List<String> tokenKeywords,
                    Set<String> officialDomains, boolean countryDomains, boolean selfHosted) {

    /** Country codes that are given away free or nearly so; a brand's real domain is never there. */
    private static final Set<String> FREE_CC = Set.of("tk", "ml", "ga", "cf", "gq");

    public Brand {
        keywords = List.copyOf(keywords);
        tokenKeywords = List.copyOf(tokenKeywords);
        officialDomains = Set.copyOf(officialDomains);
    }

    /** Whether the host belongs to one of this brand's registrable domains. */
    public boolean isOfficial(String host) {
        return isOfficial(RegistrableDomain.of(host == null ? "" : host.toLowerCase(Locale.ROOT)));
    }

    boolean isOfficial(RegistrableDomain rd) {
        if (rd.domain().isEmpty()) {
            return false;
        }
        String domain = rd.domain().get();
        // A brand whose own domain is a public suffix (a namespace it partitions, e.g. for its APIs) runs the hosts
        // directly under it; deeper names there (a customer's bucket) are someone else's.
        if (officialDomains.contains(domain) || officialDomains.contains(rd.suffix()) && rd.subdomain().isEmpty()) {
            return true;
        }
        if (!countryDomains || rd.onSharedHosting()) {
            return false;
        }
        String tld = rd.tld();
        if (tld.length() != 2 || FREE_CC.contains(tld)) {
            return false;
        }
        String prefix = rd.label() + ".";
        for (String d : officialDomains) {
            if (d.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Every spelling that names the brand, distinctive ones first. */
    public List<String> allKeywords() {
        return Stream.concat(keywords.stream(), tokenKeywords.stream()).toList();
    }
}
