package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import java.util.HashMap;
import java.util.Map;
/**
 * The built-in table of brands phishing pages imitate, and the questions page-level checks ask
 * about them: "is this host the brand's own?", "which brands does this text name?".
 */
public final class Brands {
    private Brands() {}

    private static final List<Brand> ALL = List.of(
            brand("PayPal", List.of("paypal"), List.of(), true, "paypal.com", "paypal.me", "paypalobjects.com"),
            brand("Apple", List.of("appleid", "icloud", "itunes"), List.of("apple"), false,
                    "apple.com", "icloud.com", "me.com", "mac.com", "itunes.com", "mzstatic.com", "cdn-apple.com", "apple-cloudkit.com"),
            brand("Microsoft", List.of("microsoft", "outlook", "hotmail", "office365", "onedrive", "sharepoint", "xbox", "skype"),
                    List.of("msoffice"), false,
                    "microsoft.com", "live.com", "office.com", "outlook.com", "hotmail.com", "microsoftonline.com",
                    "office365.com", "msn.com", "bing.com", "onedrive.com", "skype.com", "xbox.com",
                    "windows.com", "azure.com", "microsoft365.com", "msauth.net", "msftauth.net", "gfx.ms", "live.net",
                    "microsoftonline-p.com", "aka.ms", "xboxlive.com"),
            brand("Amazon", List.of("amazon"), List.of(), true, "amazon.com", "amazon.co.uk", "amazon.co.jp",
                    "amazon.com.au", "amazon.com.br", "amazon.com.mx", "amazon.in", "amazon.ca", "amzn.to", "media-amazon.com",
                    "ssl-images-amazon.com"),
            brand("Netflix", List.of("netflix"), List.of(), false, "netflix.com", "netflix.net", "nflxext.com", "nflximg.net", "nflxvideo.net"),
            brand("Google", List.of("google", "gmail", "youtube"), List.of(), true,
                    "google.com", "gmail.com", "googlemail.com", "youtube.com", "youtu.be", "gstatic.com",
                    "blogger.com", "googleapis.com", "goo.gl", "google.co.uk", "google.com.br", "google.co.in", "ggpht.com", "ytimg.com"),
            brand("Facebook", List.of("facebook"), List.of(), false,
                    "facebook.com", "fb.com", "fb.me", "messenger.com", "meta.com", "fbcdn.net", "facebook.net"),
            brand("Instagram", List.of("instagram"), List.of(), false, "instagram.com", "instagr.am", "cdninstagram.com"),
            brand("WhatsApp", List.of("whatsapp"), List.of(), false, "whatsapp.com", "whatsapp.net", "wa.me"),
            brand("Chase", List.of("jpmorgan"), List.of("chase"), false, "chase.com", "jpmorganchase.com", "jpmorgan.com"),
            brand("Wells Fargo", List.of("wellsfargo"), List.of(), false, "wellsfargo.com", "wf.com"),
            brand("Bank of America", List.of("bankofamerica"), List.of("bofa"), false, "bankofamerica.com", "bofa.com"),
            brand("Citibank", List.of("citibank"), List.of("citi"), false, "citi.com", "citibank.com"),
            brand("DHL", List.of(), List.of("dhl"), true, "dhl.com", "dhl.de"),
            brand("USPS", List.of(), List.of("usps"), false, "usps.com"),
            brand("UPS", List.of(), List.of("ups"), false, "ups.com"),
            brand("FedEx", List.of("fedex"), List.of(), false, "fedex.com"),
            brand("eBay", List.of(), List.of("ebay", "ebayisapi"), true, "ebay.com", "ebay.co.uk", "ebay.com.au", "ebaystatic.com", "ebayimg.com"),
            brand("LinkedIn", List.of("linkedin"), List.of(), false, "linkedin.com", "lnkd.in", "licdn.com"),
            brand("Twitter", List.of("twitter"), List.of(), false, "twitter.com", "x.com", "t.co", "twimg.com"),
            brand("Yahoo", List.of("yahoo"), List.of("ymail"), true, "yahoo.com", "yahoo.co.jp", "ymail.com", "yimg.com"),
            brand("AOL", List.of(), List.of("aol"), false, "aol.com"),
            brand("Dropbox", List.of("dropbox"), List.of(), false, "dropbox.com", "dropboxstatic.com"),
            brand("DocuSign", List.of("docusign"), List.of(), false, "docusign.com", "docusign.net"),
            brand("Adobe", List.of("adobe"), List.of(), false, "adobe.com", "adobelogin.com"),
            brand("Steam", List.of("steamcommunity", "steampowered"), List.of("steam"), false,
                    "steampowered.com", "steamcommunity.com", "steamstatic.com"),
            brand("Coinbase", List.of("coinbase"), List.of(), false, "coinbase.com"),
            brand("Binance", List.of("binance"), List.of(), false, "binance.com"),
            brand("MetaMask", List.of("metamask"), List.of(), false, "metamask.io"),
            brand("Blockchain.com", List.of(), List.of("blockchain"), false, "blockchain.com"),
            brand("American Express", List.of("americanexpress"), List.of("amex"), false, "americanexpress.com"),
            brand("HSBC", List.of(), List.of("hsbc"), true, "hsbc.com", "hsbc.co.uk"),
            brand("Barclays", List.of("barclays"), List.of(), false, "barclays.co.uk", "barclays.com"),
            brand("Santander", List.of("santander"), List.of(), true, "santander.com", "santander.co.uk"),
            brand("Lloyds Bank", List.of("lloydsbank"), List.of("lloyds"), false, "lloydsbank.com", "lloydsbank.co.uk"),
            brand("NatWest", List.of("natwest"), List.of(), false, "natwest.com"),
            brand("Itaú", List.of(), List.of("itau"), false, "itau.com.br"),
            brand("Bradesco", List.of("bradesco"), List.of(), false, "bradesco.com.br"),
            brand("Caixa", List.of(), List.of("caixa"), false, "caixa.gov.br"),
            brand("Banco do Brasil", List.of("bancodobrasil"), List.of(), false, "bb.com.br"),
            brand("Ameli", List.of(), List.of("ameli"), false, "ameli.fr"),
            brand("La Poste", List.of("laposte"), List.of(), false, "laposte.fr", "laposte.net"),
            brand("Poste Italiane", List.of("posteitaliane"), List.of("poste"), false, "poste.it", "posteitaliane.it"),
            brand("Spotify", List.of("spotify"), List.of(), false, "spotify.com", "scdn.co", "spotifycdn.com"),
            brand("Discord", List.of("discord"), List.of(), false, "discord.com", "discord.gg", "discordapp.com", "discordapp.net"),
            brand("Roblox", List.of("roblox"), List.of(), false, "roblox.com", "rbxcdn.com"),
            brand("TikTok", List.of("tiktok"), List.of(), false, "tiktok.com", "tiktokcdn.com", "ttwstatic.com"),
            brand("Telegram", List.of(), List.of("telegram"), false, "telegram.org", "t.me"),
            brand("Zoom", List.of(), List.of("zoom"), false, "zoom.us", "zoom.com"),
            brand("IRS", List.of(), List.of("irs"), false, "irs.gov"),
            brand("Alibaba", List.of("alibaba"), List.of(), false, "alibaba.com"),
            brand("AliExpress", List.of("aliexpress"), List.of(), false, "aliexpress.com"),
            brand("Walmart", List.of("walmart"), List.of(), false, "walmart.com"),
            brand("Mastercard", List.of("mastercard"), List.of(), false, "mastercard.com"),
            brand("Interac", List.of("interac"), List.of(), false, "interac.ca"),
            brand("Scotiabank", List.of("scotiabank"), List.of(), false, "scotiabank.com"),
            brand("Desjardins", List.of("desjardins"), List.of(), false, "desjardins.com"),
            brand("RBC", List.of("rbcroyalbank"), List.of("rbc"), false, "rbcroyalbank.com", "rbc.com"),
            brand("Sparkasse", List.of("sparkasse"), List.of(), false, "sparkasse.de"),
            brand("Postbank", List.of("postbank"), List.of(), false, "postbank.de"),
            brand("Commonwealth Bank", List.of("commbank"), List.of(), false, "commbank.com.au"),
            // Social, community, developer and file-sharing services whose accounts are phished for access and resale.
            brand("GitHub", List.of("github"), List.of(), false, "github.com", "githubassets.com"),
            selfHosted("GitLab", List.of("gitlab"), "gitlab.com", "gitlab-static.net"),
            brand("Bitbucket", List.of("bitbucket"), List.of(), false, "bitbucket.org"),
            brand("Atlassian", List.of("atlassian"), List.of(), false, "atlassian.com"),
            brand("Reddit", List.of("reddit"), List.of(), false, "reddit.com", "redd.it", "redditstatic.com", "redditmedia.com"),
            brand("Quora", List.of("quora"), List.of(), false, "quora.com", "quoracdn.net"),
            brand("Stack Overflow", List.of("stackoverflow", "stackexchange"), List.of(), false,
                    "stackoverflow.com", "stackexchange.com", "sstatic.net"),
            brand("Pinterest", List.of("pinterest"), List.of(), true, "pinterest.com", "pinimg.com"),
            brand("Snapchat", List.of("snapchat"), List.of(), false, "snapchat.com", "snap.com"),
            brand("Tumblr", List.of("tumblr"), List.of(), false, "tumblr.com"),
            brand("Twitch", List.of("twitch"), List.of(), false, "twitch.tv", "jtvnw.net", "ttvnw.net"),
            brand("VK", List.of("vkontakte"), List.of("vk"), false, "vk.com", "vk.ru", "vk.me", "userapi.com", "vkontakte.ru"),
            brand("Badoo", List.of("badoo"), List.of(), false, "badoo.com"),
            brand("Yandex", List.of("yandex"), List.of(), true, "yandex.ru", "yandex.com", "ya.ru"),
            brand("DeviantArt", List.of("deviantart"), List.of(), false, "deviantart.com"),
            brand("Myspace", List.of("myspace"), List.of(), false, "myspace.com"),
            brand("Proton", List.of("protonmail"), List.of(), false, "proton.me", "protonmail.com"),
            selfHosted("WordPress", List.of("wordpress"), "wordpress.org", "wordpress.com", "wp.com"),
            selfHosted("Nextcloud", List.of("nextcloud"), "nextcloud.com"),
            selfHosted("Roundcube", List.of("roundcube"), "roundcube.net"),
            selfHosted("cPanel", List.of("cpanel"), "cpanel.net", "cpanel.com"),
            brand("MediaFire", List.of("mediafire"), List.of(), false, "mediafire.com"),
            brand("WeTransfer", List.of("wetransfer"), List.of(), false, "wetransfer.com"),
            brand("Viber", List.of("viber"), List.of(), false, "viber.com"),
            brand("WeChat", List.of("wechat"), List.of(), false, "wechat.com"),
            brand("Naver", List.of("naver"), List.of(), false, "naver.com"),
            brand("Kakao", List.of("kakao"), List.of(), false, "kakao.com", "kakaocorp.com"),
            // Games and stores.
            brand("PlayStation", List.of("playstation"), List.of(), false, "playstation.com", "sony.com", "sonyentertainmentnetwork.com"),
            brand("Nintendo", List.of("nintendo"), List.of(), true, "nintendo.com", "nintendo.net"),
            brand("Epic Games", List.of("epicgames"), List.of(), false, "epicgames.com", "unrealengine.com"),
            brand("Battle.net", List.of("battlenet"), List.of(), false, "battle.net", "blizzard.com"),
            brand("Riot Games", List.of("riotgames", "leagueoflegends"), List.of(), false, "riotgames.com", "leagueoflegends.com"),
            brand("Ubisoft", List.of("ubisoft"), List.of(), false, "ubisoft.com", "ubi.com"),
            brand("Etsy", List.of(), List.of("etsy"), false, "etsy.com"),
            brand("Shopify", List.of("shopify"), List.of(), false, "shopify.com"),
            brand("Mercado Libre", List.of("mercadolibre", "mercadolivre"), List.of(), true, "mercadolibre.com", "mercadolivre.com.br"),
            brand("Rakuten", List.of("rakuten"), List.of(), true, "rakuten.com", "rakuten.co.jp"),
            brand("Best Buy", List.of("bestbuy"), List.of(), false, "bestbuy.com"),
            brand("Costco", List.of("costco"), List.of(), false, "costco.com"),
            brand("Airbnb", List.of("airbnb"), List.of(), true, "airbnb.com"),
            brand("Expedia", List.of("expedia"), List.of(), true, "expedia.com"),
            brand("Disney+", List.of("disneyplus"), List.of(), false, "disneyplus.com"),
            brand("Hulu", List.of(), List.of("hulu"), false, "hulu.com"),
            // Business services, telecoms, payments and government.
            brand("Salesforce", List.of("salesforce"), List.of(), false, "salesforce.com", "force.com"),
            brand("Webex", List.of("webex"), List.of(), false, "webex.com", "cisco.com"),
            brand("Intuit", List.of("quickbooks", "turbotax"), List.of("intuit"), false, "intuit.com", "quickbooks.com", "turbotax.com"),
            brand("GoDaddy", List.of("godaddy"), List.of(), false, "godaddy.com"),
            brand("Namecheap", List.of("namecheap"), List.of(), false, "namecheap.com"),
            brand("Verizon", List.of("verizon"), List.of(), false, "verizon.com"),
            brand("Xfinity", List.of("xfinity", "comcast"), List.of(), false, "xfinity.com", "comcast.com", "comcast.net"),
            brand("Vodafone", List.of("vodafone"), List.of(), true, "vodafone.com", "vodafone.co.uk"),
            brand("Capital One", List.of("capitalone"), List.of(), false, "capitalone.com"),
            brand("Venmo", List.of("venmo"), List.of(), false, "venmo.com"),
            brand("Cash App", List.of("cashapp"), List.of(), false, "cash.app"),
            brand("Revolut", List.of("revolut"), List.of(), false, "revolut.com"),
            brand("OpenSea", List.of("opensea"), List.of(), false, "opensea.io"),
            brand("Trust Wallet", List.of("trustwallet"), List.of(), false, "trustwallet.com"),
            brand("Royal Mail", List.of("royalmail"), List.of(), false, "royalmail.com"),
            brand("HMRC", List.of(), List.of("hmrc"), false, "hmrc.gov.uk"));

    private static Brand brand(String name, List<String> keywords, List<String> tokens, boolean countryDomains,
                               String... domains) {
        return new Brand(name, keywords, tokens, Set.of(domains), countryDomains, false);
    }

    /** Software people run on their own sites, whose sign-in page carries its name on any domain. */
    private static Brand selfHosted(String name, List<String> keywords, String... domains) {
        return new Brand(name, keywords, List.of(), Set.of(domains), false, true);
    }

    /** Every brand Veritas knows. */
    public static List<Brand> all() {
        return ALL;
    }

    /** The brand with this display name or keyword ("PayPal", "paypal", "icloud"), ignoring case. */
    public static Optional<Brand> named(String nameOrKeyword) {
        if (nameOrKeyword == null) {
            return Optional.empty();
        }
        String wanted = nameOrKeyword.strip().toLowerCase(Locale.ROOT);
        for (Brand b : ALL) {
            if (b.name().toLowerCase(Locale.ROOT).equals(wanted) || b.allKeywords().contains(wanted)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Whether the host is one of the brand's official domains; false for an unknown brand. */
    public static boolean isOfficialDomain(String brandNameOrKeyword, String host) {
        return named(brandNameOrKeyword).map(b -> b.isOfficial(host)).orElse(false);
    }

    /** The brand that owns this host, if it is one of the brands' official domains. */
    public static Optional<Brand> ownerOf(String host) {
        return ownerOf(RegistrableDomain.of(host == null ? "" : host.toLowerCase(Locale.ROOT)));
    }

    static Optional<Brand> ownerOf(RegistrableDomain rd) {
        for (Brand b : ALL) {
            if (b.isOfficial(rd)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * Brands named in free text (a page title, visible text, a form label), in order of first
     * mention. Matches whole words only, so "purchase" does not name Chase.
     */
    public static List<Brand> namedIn(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<Brand> found = new LinkedHashSet<>();
        for (String word : Words.alphanumericRuns(text.toLowerCase(Locale.ROOT))) {
            for (Brand b : ALL) {
                if (b.allKeywords().contains(word)) {
                    found.add(b);
                }
            }
        }
        // A name split into words ("Tik Tok", "Pay Pal", "Face Book"): two or three words that together spell a keyword.
        List<String> words = Words.alphanumericRuns(text.toLowerCase(Locale.ROOT));
        for (int i = 0; i + 1 < words.size() && i < 400; i++) {
            String two = words.get(i) + words.get(i + 1);
            String three = i + 2 < words.size() ? two + words.get(i + 2) : "";
            for (Brand b : ALL) {
                for (String k : b.allKeywords()) {
                    if (k.length() >= 5 && (k.equals(two) || k.equals(three))) {
                        found.add(b);
                    }
                }
            }
        }
        // Multi-word names ("bank of america", "wells fargo") as the text writes them.
        String squashedText = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        for (Brand b : ALL) {
            for (String k : b.keywords()) {
                if (k.length() >= 8 && squashedText.contains(k)) {
                    found.add(b);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * A brand keyword inside one word of an address: distinctive keywords anywhere in the word,
     * short ones only as the whole word.
     */
    static Optional<BrandHit> inWord(String word) {
        if (word.length() < 2) {
            return Optional.empty();
        }
        for (int i = 0; i < DISTINCTIVE.length; i++) {
            if (DISTINCTIVE[i].length() <= word.length() && word.contains(DISTINCTIVE[i])) {
                return Optional.of(new BrandHit(DISTINCTIVE_OWNER[i], DISTINCTIVE[i], word));
            }
        }
        Brand b = BY_TOKEN.get(word);
        return b == null ? Optional.empty() : Optional.of(new BrandHit(b, word, word));
    }

    // Flattened once: inWord runs for every word of every address.
    private static final String[] DISTINCTIVE = ALL.stream().flatMap(b -> b.keywords().stream()).toArray(String[]::new);
    private static final Brand[] DISTINCTIVE_OWNER = ALL.stream()
            .flatMap(b -> b.keywords().stream().map(k -> b)).toArray(Brand[]::new);
    private static final Map<String, Brand> BY_TOKEN = tokenIndex();

    private static Map<String, Brand> tokenIndex() {
        Map<String, Brand> index = new HashMap<>();
        for (Brand b : ALL) {
            b.tokenKeywords().forEach(k -> index.putIfAbsent(k, b));
        }
        return index;
    }

    /** A brand named by a word of an address. */
    record BrandHit(Brand brand, String keyword, String word) {}
}
