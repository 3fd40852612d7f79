package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;
import java.util.Set;

/**
 * Registrable domains where anyone can sign up and publish a page, a form or a file under the platform's own domain
 * (a subdomain or a path), and which the Public Suffix List does not already mark as shared. Such a domain is popular
 * because of its platform, so its popularity vouches for nothing a stranger published there. Listed from the
 * platforms' own descriptions (site builders, free hosts, form and survey builders, file and document sharing,
 * blogging, IPFS gateways), never from labelled addresses.
 */
final class PublishingPlatforms {
    private PublishingPlatforms() {}

    private static final Set<String> DOMAINS = Set.of(
            // site builders and free web hosts
            "weebly.com", "weeblysite.com", "wordpress.com", "squarespace.com", "godaddysites.com", "jimdosite.com",
            "jimdofree.com", "jimdo.com", "mystrikingly.com", "strikingly.com", "ukit.me", "mozello.com", "site123.me",
            "webnode.page", "webnode.com", "ucoz.net", "ucoz.ru", "tilda.ws", "hs-sites.com", "hubspotpagebuilder.com",
            "mailchimpsites.com", "webs.com", "tripod.com", "angelfire.com", "epizy.com", "rf.gd", "000webhostapp.com",
            "000webhost.com", "weblium.site", "ewp.live", "codeanyapp.com", "glitch.me", "canva.site", "wikidot.com",
            "serveo.net", "firebaseio.com", "yola.com", "wixsite.com", "sharepoint.com", "framer.app", "carrd.co",
            "my-free.website", "moonfruit.com", "webador.com", "page.tl", "de.tl", "magix.net", "business.site",
            "geocities.ws", "neocities.org", "codesandbox.io", "csb.app", "stackblitz.io", "wz.cz", "webnode.cz",
            "webnode.fr", "websiteseguro.com", "site.pro", "sitey.me", "ueniweb.com", "bravesites.com",
            "hpage.com", "beget.tech", "atwebpages.com", "freevar.com", "byethost.com", "infinityfreeapp.com",
            "unaux.com", "hostingersite.com", "mobirisesite.com", "simdif.com", "wpcomstaging.com",
            "tistory.com", "naver.com", "cafe24.com", "dothome.co.kr", "free.fr", "online.fr", "pagesperso-orange.fr",
            "doodlekit.com", "jigsy.com", "e-monsite.com", "es.tl", "b-cdn.net", "t-online.de", "ovh.net", "nazwa.pl", "home.pl", "ht-test.ru", "narod.ru", "ucoz.com", "at.ua", "16mb.com",
            // mailing services' click tracking and forms: anyone who sends a mailing can point them anywhere
            "sendgrid.net", "activehosted.com", "constantcontact.com", "rs6.net", "cision.com", "mailchi.mp",
            "list-manage.com", "hsforms.com", "smore.com", "mandrillapp.com", "mailgun.org", "sendinblue.com", "sendibt3.com", "mikecrm.com",
            // forms and surveys
            "jotform.com", "typeform.com", "zohopublic.com", "wufoo.com", "formstack.com", "surveymonkey.com",
            "cognitoforms.com", "paperform.co", "tally.so", "123formbuilder.com", "formsite.com", "smartsheet.com",
            // files and documents shared by their users
            "box.com", "wetransfer.com", "mediafire.com", "mega.nz", "4shared.com", "scribd.com", "issuu.com",
            "docdroid.net", "canva.com", "notion.so", "padlet.com", "evernote.com", "dropbox.com", "dropboxusercontent.com",
            "googleusercontent.com", "s3.amazonaws.com", "amazonaws.com", "ampproject.org", "codepen.io", "cdpn.io",
            "jsfiddle.net", "wetransfer.net", "sendspace.com", "zippyshare.com", "anonfiles.com", "pastebin.com",
            "imgbox.com", "prntscr.com", "prnt.sc", "adobe.com", "acrobat.com", "prezi.com", "sway.cloud.microsoft", "figma.com", "miro.com",
            // blogs and personal pages
            "tumblr.com", "livejournal.com", "substack.com", "medium.com", "blogger.com", "beacons.ai", "bio.link",
            // IPFS gateways: any content, by hash
            "ipfs.io", "dweb.link", "cloudflare-ipfs.com", "w3s.link", "nftstorage.link", "fleek.co", "pinata.cloud");

    /** Whether the address's registrable domain is such a platform (Blogger under every country's domain too). */
    static boolean hosts(RegistrableDomain rd) {
        return rd.domain().map(d -> DOMAINS.contains(d) || d.startsWith("blogspot.")).orElse(false);
    }
}
