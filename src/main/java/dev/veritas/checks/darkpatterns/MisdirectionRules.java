package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.CONFIRMSHAMING;
import static dev.veritas.checks.darkpatterns.PatternType.PRESSURED_SELLING;
import static dev.veritas.checks.darkpatterns.PatternType.TRICK_QUESTIONS;
import static dev.veritas.checks.darkpatterns.PatternType.VISUAL_INTERFERENCE;
import static dev.veritas.checks.darkpatterns.RuleParts.DECLINE;

import java.util.List;

/**
 * Misdirection: decline options worded to shame, choices worded to confuse, and pushed extras.
 * Confirmshaming lives on buttons and links, so its rules only look at short texts: a review saying
 * "I'd rather pay more for quality" inside a paragraph is an opinion, not a decline button.
 */
final class MisdirectionRules {
    private static final int BUTTON = 120;
    private static final String BENEFIT = "(?:sav(?:e|ing|ings)|discounts?|deals?|free\\b|offers?|money|winning|bargains?|rewards?|gifts?|coupons?|"
            + "\\d+ ?%|perks|promotions?|lucky|fun|cash|points|exclusive\\w*|specials?|cheap\\w*|lower prices?|surprises?|treats?)";

    /**
     * The excuse a shaming decline puts in the shopper's mouth: a stated taste for the worse option ("I enjoy
     * sleeping badly", "I prefer boring socks"), indifference to their own good ("I don't care about my pet's
     * health"), or a brag ("I'm already a style icon"). Practical excuses ("I don't need gift wrapping",
     * "I'll pick it up in store") are how fair shops word a decline and are not listed.
     */
    /**
     * Harms no fair decline mentions: to one's health and looks, money, safety, knowledge, progress, family, pets, plants or
     * the world. Words with everyday neutral uses on a decline ("slow" delivery, "cheap" option, "lost", "wait") are left out.
     */
    private static final String HARM_ONE_ACCEPTS = "(?:junk|stale|boring|bland|dull|greasy|frizzy|yellow teeth|bad (?:breath|hair|skin|posture|sleep|habits?|parent|pet parent|writing|grades|credit)"
            + "|sluggish|exhausted|lazy|ignoran(?:t|ce)|clueless|noob|dumb|stupid|failure|loser|dead-end|mediocre|miserable|lonely|ugly|unhealthy"
            + "|unsafe|unprotected|insecure|hacked|scammed|stolen|thieves|burglars|porch pirates|stranded|in debt|debt|broke|overpa(?:y|ying|id)"
            + "|paying more|high interest|typos|fake news|clickbait|pain(?! relief| relievers?| killers?| medication)|aches|suffer(?:s|ing)?|die|dying|starve|wilt|rot"
            + "|fall(?:ing)? behind|behind the times|buggy|outdated|crappy|cramped|wrinkles|acne|balding|sick|stressed|missing out|let (?:\\w+ ){1,2}down"
            + "|can fend for (?:itself|themselves|himself|herself)|isn't for (?:me|people like me)|is for other people|(?:is|are) not my problem|aren't my problem|isn't my problem"
            + "|doesn't matter|don't matter|no big deal|doesn't scare me|don't bother me|doesn't bother me|is bliss|who cares)\\b";
    /** Words that make keeping one's present state a self-inflicted harm: "I'll keep my current slow phone". */
    private static final String NEGATIVE_STATE = "(?:slow|old|boring|ugly|bad|tired|broke|dull|outdated|messy|bald|frizzy|dry|worn|cheap|poor|sad|dirty|"
            + "unprotected|overpriced|expensive|painful|broken|cracked|weak|thin|blurry|noisy|uncomfortable)\\b";
    private static final String MOCKING_EXCUSE = "(?:i(?:'d| would)? (?:enjoy|like|love|prefer)(?<!i'd like|i would like|i'd love|i would love)\\b"
            + "|i(?:'d| would) (?:like|love) to (?:stay|remain|miss|pay|go back|be (?:boring|broke|ugly|bored))\\b"
            + "|i(?:'ll| will)? (?:accept|take) (?:the|my|all|any) risks?\\b"
            + "|full[- ]price (?:shopper|buyer|person|customer|fan|it is|for me|is fine)|i already (?:know|have) (?:everything|it all|all)\\b"
            + "|(?:go|going) back to (?:being )?(?:boring|ugly|basic|bland|average|full price|paying)\\b"
            + "|i (?:don't|do not) need [\\w-]+(?: [\\w-]+)? anyway\\b|i(?:'m| am) (?:loaded|rich|a millionaire|allergic to \\w+|made of money|too cool|too good)\\b"
            + "|i(?:'d| would) rather my [\\w-]+ (?:die|crack|break|suffer|wilt|starve|fall apart|rot)\\b|let my [\\w-]+ (?:crack|die|break|suffer|starve|wilt|rot)\\b"
            + "|my [\\w-]+ (?:is|are) (?:fine|perfect|good enough) (?:as (?:it is|they are)|already)\\b"
            + "|(?:style|savings?|saving money|quality|health|sleep|comfort|beauty|fashion|looking good|deals|discounts|bargains) (?:is|are) (?:overrated|for other people|not my thing)\\b"
            + "|i (?:don't|do not) (?:care|want (?:my [\\w-]+ )?to (?:be|look|feel|save|get|win|stay|sleep|eat|live|learn|grow|improve|protect|treat|know|hear|join|succeed|read|smile"
            + "|lose weight|make [\\w-]+ (?:magical|special|memorable|perfect)|impress|glow|shine|celebrate|enjoy|discover|have fun|level up|get fit))\\b"
            + "|i(?:'ll| will) keep (?:my |being )?(?:[\\w-]+ )?(?:slow|old|boring|ugly|bad|tired|broke|dull|outdated|messy|bald|frizzy|dry|worn|cheap|poor|sad|dirty)\\b"
            + "|i(?:'ll| will|'d rather) (?:buy|get|take|settle for|go with) (?:a |an |the )?(?:worse|cheaper|inferior|lesser|bad|worst|knock-?off)\\b"
            + "|i(?:'ll| will|'d rather) pay (?:for )?(?:shipping|delivery|postage|full price|more|extra)\\b"
            + "|my [\\w'-]+(?: [\\w'-]+)? (?:deserves? (?:less|worse|nothing|no)|(?:doesn't|does not|don't|do not) deserve)\\b"
            + "|i(?:'m| am) not interested in (?:[\\w-]+ )?(?:skin|looking|feeling|being|better|saving|savings|glowing|healthy|health|younger|style|winning|learning|growing|success|comfort)\\b"
            + "|i(?:'m| am) (?:fine|happy|ok|okay|good|content) (?:with|being|paying|overpaying|over-paying|missing out|to (?:pay|miss|stay|risk|lose|waste|overpay|go without))\\b"
            + "|i (?:don't|do not) mind (?:losing|paying|missing|wasting|risking|overpaying|looking|being)\\b"
            + "|i (?:don't|do not) [\\w-]+(?: [\\w-]+){0,2} anyway\\b"
            + "|you(?:'ll| will) regret (?:it|this)\\b"
            + "|i(?:'m| am) (?:already|too) (?!(?:on|in|subscribed|a (?:member|subscriber|customer)|signed up|registered)\\b)\\w+"
            + "|i(?:'ll| will) (?:pass|stay|keep|stick|remain|suffer|struggle|live with|settle|miss|take my chances|risk)\\b"
            + "|i(?:'d| would) rather (?!not (?:say|share))(?:\\w+ ){0,2}?(?:be|stay|keep|pay|miss|look|feel|sleep|suffer|struggle|waste)\\b"
            + "|i (?:hate|dislike|despise)\\b|i have (?:enough|too much)\\b|i(?:'m| am) not (?:into|a fan of) (?:good |great |amazing |big )?(?:saving|looking|feeling|winning|fun|deals|bargains|discounts|offers)\\b"
            + "|i(?:'m| am) (?:fine|good|ok|okay|happy|content|better off) without (?:the |my |any |a |an )?(?:savings?|discounts?|deals?|offers?|rewards?|perks|protection|insurance|free [\\w-]+|\\d+ ?% off)\\b"
            + "|i(?:'d| would)? (?:want|like|prefer|love) to keep my (?:[\\w-]+ )?(?:wrinkles|spots|acne|frizz|grey|gray|stains|clutter|mess|bald|fine lines|dark circles|split ends|old|slow|boring|dull)\\b)";

    private MisdirectionRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "No thanks, I'd rather pay full price", "I like paying full price", "I want to pay more"
                TextRule.of("misdirection.shame_pay_more", CONFIRMSHAMING, 0.95,
                                "\\bi(?:'d| would| will|'ll|'m| am)?\\s+(?:[\\w']+\\s+){0,2}?(?:to\\s+)?(?:pay(?:ing)?|spend(?:ing)?)\\s+(?:the\\s+)?(?:full|more|regular|retail|extra|top|original|normal|higher|too much)\\b"
                                        + "|\\bi(?:'ll| will|'d| would)? (?:rather )?(?:stay|stick|keep|remain)\\w* (?:at |with |on |paying )?(?:the )?(?:full|regular|normal) price\\b"
                                        + "|\\bi(?:'d| would) (?:rather|prefer to) pay (?:for )?(?:shipping|delivery|postage|p&p)\\b")
                        .unless("\\b(?:full|remaining|outstanding) (?:amount|balance)\\b|\\bin full\\b")
                        .maxLength(BUTTON),
                // "No thanks, I don't want to save money", "I don't like free stuff", "No, I don't feel lucky"
                TextRule.of("misdirection.shame_refuse_benefit", CONFIRMSHAMING, 0.95,
                                "\\bi (?:do not|don't|dont|never) (?:want|like|need|care about|enjoy|deserve|love)(?: to)?(?: \\w+){0,4}? " + BENEFIT
                                        + "|\\bi (?:do not|don't|dont) feel lucky\\b"
                                        + "|\\bi (?:hate|dislike|despise) (?:\\w+ ){0,2}?" + BENEFIT)
                        .unless("\\bgift (?:receipt|wrap\\w*|box|message|card|note|bag)\\b")
                        .maxLength(BUTTON),
                // "Cancel Premium and lose all my downloaded music": leaving worded as throwing away what one has
                TextRule.of("misdirection.leave_and_lose_mine", CONFIRMSHAMING, 0.8,
                                "^\\W*(?:yes,? |i (?:still )?want to )?(?:cancel|decline|leave|exit|skip|no(?: thanks)?|downgrade|unsubscribe|keep (?:the )?(?:free|basic|standard|current)\\b[\\w ]{0,20}?)\\b[^.!?]{0,30}?\\band (?:lose|forfeit|give up|throw away|risk (?:losing|paying)) (?:all )?(?:of )?(?:my\\b|up to\\b)")
                        .unless("\\b(?:unsaved|changes|drafts?|edits)\\b")
                        .maxLength(BUTTON),
                // A priced extra pressed with the shop's own insistence: "✓ White-glove assembly: $79 — we strongly recommend it", "Add Dental Chews
                // (£3.99) — vets recommend!", "Add 2-year ZipCare+ for ₹999 — smart buyers never skip protection", "Bundle chosen for you (+$12.99)"
                TextRule.of("misdirection.priced_extra_insisted", PRESSURED_SELLING, 0.7,
                                "\\b(?:we (?:strongly|highly) recommend|(?:vets|experts|doctors|dentists|stylists|mechanics|engineers) recommend|(?:smart|savvy|experienced) (?:buyers|shoppers|customers|travell?ers|owners) (?:never|always)"
                                        + "|most people regret|you'll regret|don't risk|it makes all the difference|(?:selected|chosen|picked|recommended) for you|protect (?:everyone|your little one|your family|the ones) you love"
                                        + "|(?:most|\\d{2,3} ?% of) [\\w-]+ (?:choose|do|pick|add)\\b(?: this| it)?\\W*$|get ahead of (?:other|the other)\\b"
                                        + "|\\d{2,3} ?% of (?:our )?(?:[\\w-]+ ){0,3}?[\\w-]+s (?:added|chose|choose|picked|add|upgraded|took)\\b|most members earn back"
                                        + "|don't (?:leave it to chance|run out\\b|get caught (?:out|short))|recommended for (?:faster|better|best|quicker|maximum) results"
                                        + "|(?:pack|plan|cover|protection|bundle|care)\\s+(?:pre-?)?selected\\s*:|\\((?:pre-?)?selected\\)\\W*$|[✓✔☑]\\s*(?:selected)?\\W*$)")
                        // only where the text offers an extra: it starts with "add", "upgrade"… or prices it as "+£3"
                        .requires("^\\W*(?:[✓✔☑★]\\s*)?(?:add|upgrade|include|protect|complete your|make it|go)\\b|\\+\\s*[£$€₹₦]\\s?\\d|\\(\\+|\\bfor (?:just |only )?[£$€₹₦]\\s?\\d[\\d.,]{0,14} more\\b")
                        .unless("\\b(?:free|included|no extra (?:cost|charge)|delivery|shipping|postage|collection|size|colou?r)\\b|^\\W*(?:recommended for you|picked for you|selected for you)\\W*$")
                        .maxLength(180),
                // A leave screen that mourns what the shopper loses: "Are you sure? You'll lose your 340 Glow Points and member pricing forever 😢"
                TextRule.of("misdirection.loss_mourned_on_leave", CONFIRMSHAMING, 0.75,
                                "^\\W*(?:are you sure|really|wait)\\W{1,3}[^.!?]{0,20}?\\b(?:you'll|you will|your [\\w' ]{1,20}? will)\\s+(?:lose|miss out|forfeit|give up)\\b")
                        .requires("\\b(?:miss out|(?:all )?(?:your|of your|those|these) (?:savings|perks|benefits|discounts|member prices)|exclusive|member-only|every \\w+ (?:match|episode|game|issue|box|delivery))\\b|[😢😿😭💔🥺😞]")
                        .unless("\\b(?:unsaved|changes|delete (?:your|my) account|progress in this|your data|draft)\\b")
                        .maxLength(160),
                // "Not ready to save £56? Leave offer", "Don't want free stuff? Leave page", "Pay in full and miss out on flexible payments",
                // "You're not going to leave without helping, are you?"
                TextRule.of("misdirection.not_ready_to_benefit", CONFIRMSHAMING, 0.75,
                                "^\\W*not ready to (?:save|start saving)\\b"
                                        + "|^\\W*(?:don't|do not) (?:want|like|need) (?:free|savings|discounts?|deals|money|cash ?back|rewards|\\d+ ?% off)\\b[^?]{0,20}\\?"
                                        + "|\\bleave (?:savings|money|cash|a discount|\\d+ ?% off) on the table\\b"
                                        + "|^\\W*[\\p{L}][\\p{L} ]{1,30}? and miss out on (?:the |my |your |all |exclusive |free |flexible |\\d|[£$€]|rm)"
                                        + "|\\bnot going to (?:leave|go) without\\b")
                        .maxLength(BUTTON),
                // "No thanks, I don't like delicious food", "No, I don't appreciate art": a decline that makes the shopper
                // disown a taste. Practical declines say what they do not need or want ("No thanks, I don't need a bag").
                TextRule.of("misdirection.decline_claims_distaste", CONFIRMSHAMING, 0.9,
                                "^\\W*(?:" + DECLINE + ")\\b[\\s,.!:;-]*i (?:do not|don't|dont) (?:like|love|appreciate|enjoy|care for|deserve)\\b"
                                        // "No photo, thanks — I don't like memories"
                                        + "|^\\W*(?:no|nah|nope|skip)\\b[^.!?]{0,25}?[,—–-]\\s*i (?:do not|don't|dont) (?:like|love|appreciate|enjoy|care for|deserve)\\b")
                        .maxLength(BUTTON),
                // "No thanks, I'll be the last to know", "I'll just walk", "I'll shop without a discount"
                TextRule.of("misdirection.shame_walk_away", CONFIRMSHAMING, 0.9,
                                "\\b(?:i'll|i will|i'd rather|i would rather|let me)\\s+(?:just\\s+)?(?:walk|kick rocks|be the last to know|miss out|shop without|go without|play without|browse without|live without|skip (?:the |my )?(?:savings?|discount|deal|offer)"
                                        + "|stay (?:uninformed|in the dark|behind|broke|ugly|bored)|pass on (?:the |this |these |my |a |an )?(?:sav\\w*|free\\w*|deals?|discounts?|offers?|\\d+ ?% off))"
                                        + "|\\blet (?:this|the|my) (?:offer|deal|discount|savings?|chance|opportunity) (?:sail|slip|pass|go|float|walk|fly)\\b"
                                        + "|\\b(?:free stuff|free things|discounts?|savings?|deals?|saving money|winning|free gifts?|fun|bargains?) (?:isn't|is not|aren't|are not) (?:for me|my thing|my style)\\b"
                                        + "|\\bi(?:'d| would) (?:like|prefer|rather have) (?:\\w+ ){0,2}?0 ?% off\\b"
                                        + "|\\b(?:i'm|i am) not interested in " + BENEFIT
                                        + "|\\bi (?:don't|do not) want to (?:be the first to know|be in the know|be first in line|hear about (?:deals|offers|savings|sales)|know about (?:deals|offers|sales))\\b"
                                        + "|\\bi(?:'d| would) rather not (?:\\w+ ){0,2}?" + BENEFIT
                                        // "Decline and lose my 20% discount", "No, I'll give up my reward"
                                        + "|(?:^\\W*(?:" + DECLINE + "|decline|leave|exit)\\b.{0,20}?|\\bi(?:'ll| will| want to)? )(?:lose|forfeit|give up|throw away|waste) (?:my|the|this|these|all|free) (?:\\w+ ){0,2}?" + BENEFIT)
                        .maxLength(BUTTON),

                // The shape of every confirmshaming button: a decline followed by a first-person excuse the
                // shop wrote for the shopper ("Skip — I enjoy sleeping badly", "Nope, I'm fine with slow Wi-Fi").
                // A plain decline ("No thanks") and the honest excuses below are not shaming.
                TextRule.of("misdirection.decline_with_excuse", CONFIRMSHAMING, 0.85,
                                "^\\W*(?:" + DECLINE + "|leave|exit|i'll pass|pass|ignore|dismiss|decline|reject|(?:continue|proceed|check ?out) without|don't show (?:me )?(?:this|deals|offers)(?: again)?|keep your (?:\\d+(?= ?%)|discount|savings?|deal|offer|coupon))\\b[^.!?]{0,30}?[\\s,.!:;(-]*(?:thanks?|thank you)?[\\s,.!:;(-]*" + MOCKING_EXCUSE)
                        .unless("\\b(?:i(?:'m| am|'ve| have) already (?:on|in|subscribed|a (?:member|subscriber|customer)|signed up|registered|got|have|bought|ordered)"
                                // "No thanks, I'll keep shopping" ends the text: the trailing "with"/"on" is optional together with its space
                                + "|(?:keep|continue|go on|carry on|get back to) (?:shopping|browsing|listening|watching|reading|playing)(?: with| on)?"
                                // keeping what one has, named plainly: "No thanks, I'll keep my current plan" (not "… my current slow internet")
                                + "|i(?:'ll| will) (?:keep|stick with|stay (?:on|with)) (?:my|the) (?:current|existing|present) (?!(?:[\\w-]+ )?" + NEGATIVE_STATE + ")[\\w-]+(?: [\\w-]+)?\\W*$"
                                + "|i(?:'m| am) (?:happy|fine|ok|okay|good|content) with (?:my|the) (?:current|existing|present) (?!(?:[\\w-]+ )?" + NEGATIVE_STATE + ")[\\w-]+(?: [\\w-]+)?\\W*$"
                                + "|pay(?:ing)? (?:by|with|via|in|at|online|cash|card|later|monthly|in full)"
                                + "|i(?:'m| am) (?:fine|good|ok|okay|all set|set|sorted)(?: for now| thanks| thank you)?\\W*$)\\b")
                        .maxLength(BUTTON),
                // Shaming with no decline word: "I'll risk it without travel insurance", "I'm not interested in looking younger"
                TextRule.of("misdirection.shame_statement", CONFIRMSHAMING, 0.8,
                                "^\\W*i(?:'ll| will) (?:take my chances|risk (?:it|my [\\w-]+|the [\\w-]+))\\b"
                                        + "|^\\W*i(?:'ll| will) (?:stay|remain) (?!(?:logged|signed|subscribed|on|here|with|in|at|home|connected|tuned)\\b)[a-z]+\\W*(?:thanks?|thank you|cheers|ta|thx)?\\W*$"
                                        + "|\\blike an? (?:chump|fool|sucker|idiot|mug)\\b|^\\W*keep your (?:\\d+ ?%|discount|savings?|deal|offer|coupon|freebie)\\b"
                                        + "|^\\W*i (?:don't|do not) want to protect (?:my|our) (?:purchase|order|device|home|family|trip|investment|phone|laptop)\\b"
                                        + "|^\\W*i (?:don't|do not) want to (?:look|feel|be|get|stay|save|learn|sleep|eat|live) (?:my )?(?:best|better|good|great|healthy|younger|fit|smart|safe|protected|beautiful|confident)\\b"
                                        + "|^\\W*i (?:don't|do not) care (?:about|for) (?:my|our|looking|feeling|being|saving|quality|safety|health)\\b"
                                        + "|^\\W*i(?:'m| am) (?:fine|happy|ok|okay|good) with (?:slow|paying|being|bad|poor|ugly|boring|missing|less|worse|full price|no)\\b"
                                        + "|^\\W*i(?:'d| would)? prefer (?:to pay(?: for)?|paying(?: for)?|boring|ugly|bad|being|not to (?:save|look|feel|protect)) ?(?:shipping|delivery|postage|full|more|extra)?"
                                        + "|^\\W*i(?:'m| am) not interested in (?:looking|feeling|being|getting|saving|improving|protecting|winning|better|growing|learning|staying|keeping)\\b")
                        .unless("\\b(?:i(?:'d| would)? prefer (?:to pay|paying) (?:by|with|via|in|online|at|cash|card|later|monthly))\\b")
                        .maxLength(BUTTON),
                // "Order without free membership", "Continue without protection": the unwanted option made to sound like a loss
                TextRule.of("misdirection.without_benefit", VISUAL_INTERFERENCE, 0.7,
                                "\\b(?:continue|order|checkout|check out|proceed|buy|shop|purchase|register|join|pay)(?:ing)? without (?:the |my |a |an |your |any )?"
                                        + "(?:(?:free|extra|exclusive|member|vip)\\s+(?:[a-z-]+\\s+)?(?:membership|protection|warranty|insurance|coverage|upgrade|gifts?|shipping|delivery)"
                                        + "|(?:(?:free|extra|exclusive|member|vip|special|welcome)\\s+)*(?:discount|savings?|benefits?|rewards?|deal|perks|gifts?|offer))\\b(?!\\s*(?:code|voucher|card))")
                        .maxLength(BUTTON),

                // The accept button loud and the decline tucked after it in the same line: "YES! GIVE ME 25% OFF no, continue
                // to site", "ADD TO MY ORDER - YES PLEASE! skip this offer", a cookie banner's "ACCEPT & CONTINUE settings"
                TextRule.of("misdirection.decline_tucked_after_accept", VISUAL_INTERFERENCE, 0.65,
                                "^\\W*(?:yes\\b[^.]{0,30}?|(?:add|claim|give me|get|accept)\\b[^.]{0,30}?\\byes(?: please)?)[!.]*\\s+(?:no(?: thanks)?,?|skip|not now|decline|continue)\\b"
                                        + "|^\\W*accept(?: all)?\\s*(?:&|and)\\s*continue\\W+(?:settings|manage|options|preferences|customi[sz]e)\\b"
                                        + "|^\\W*(?:add|yes|get|claim)\\b[^.]{0,40}?(?:&|and) continue\\W+(?:continue|proceed) without\\b"
                                        + "|^\\W*(?:claim|activate|get|yes|add|give me)\\b[^.]{0,40}?(?:>+|›+|\\s-|\\s–|\\s—)\\s*(?:or )?(?:continue|skip|no|not now|i'll decline)\\b"
                                        // "CONTINUE WITH PREMIUM (or downgrade to basic)"
                                        + "|^\\W*(?:continue|yes|get|keep|go|stay) (?:with )?(?:premium|pro|plus|the (?:full|best|premium))\\b[^.]{0,20}?\\(?\\s*or (?:downgrade|continue|stay|switch|settle)\\b"
                                        // "GET MY DEAL — or pay full price", "GET 25% OFF NOW · or continue at regular price"
                                        + "|^\\W*(?:claim|activate|get|yes|unlock|give me|grab)\\b[^.]{0,40}?(?:—|–|-|\\||·|/)\\s*or (?:pay|continue|stay|keep paying|shop)\\b[^.]{0,15}\\b(?:full|regular|normal|original) price\\b")
                        .maxLength(BUTTON),
                // "Uncheck the box if you prefer not to receive emails": ticking means refusing
                TextRule.of("misdirection.check_to_refuse", TRICK_QUESTIONS, 0.85,
                        "\\b(?:un)?(?:check|tick|select|mark)(?:ed)?\\s+(?:this|the|here|below|the following)?\\s*(?:box|checkbox)?\\s*(?:if|unless)\\s+you(?:'d\\s+|\\s+)"
                                + "(?:do not|don't|would not|wouldn't|prefer not|would prefer not|would rather not|rather not|no longer|wish not|do not wish|don't wish|don't want|do not want)\\b")
                        // "Leave this box unticked if you don't want emails" says plainly that an empty box means no
                        .unless("\\bleave (?:this |the )?(?:box |checkbox )?(?:unticked|unchecked|unselected|blank|empty)\\b"
                                // a paper receipt or a printed invoice is no offer to refuse
                                + "|\\b(?:receipt|invoice|paper|printed|gift message|signature)\\b"),
                // "If you do not wish to be contacted, ensure the box is not checked"
                // "I do not wish to opt out of sharing my details": a double negative that means yes
                TextRule.of("misdirection.double_negative_opt_out", TRICK_QUESTIONS, 0.8,
                        "\\b(?:do not|don't|would not|wouldn't) (?:wish|want|like) to (?:opt out|unsubscribe|not (?:receive|be)|decline|refuse|reject|disable|deselect)\\b"
                                // "Uncheck to not disable automatic renewal"
                                + "|\\b(?:uncheck|untick|deselect) (?:this )?(?:box )?to not\\b"),
                TextRule.of("misdirection.negated_checkbox", TRICK_QUESTIONS, 0.8,
                        "\\bif you (?:do not|don't|would not|wouldn't|prefer not to)\\b.{0,100}\\b(?:box|checkbox)\\b.{0,30}"
                                + "\\b(?:not (?:checked|ticked|selected)|unchecked|unticked|is checked|is ticked|tick|check)\\b"),

                // "I don't need glowing skin", "No, I don't want to look younger": a button that makes the shopper turn down looking or feeling well
                TextRule.of("misdirection.shame_refuse_wellbeing", CONFIRMSHAMING, 0.85,
                        "^\\W*(?:(?:" + DECLINE + ")\\W{0,5})?(?:thanks?\\W{0,3})?i (?:don't|do not|dont) (?:need|want) (?:a |an |to (?:be|look|feel|have|get) )?(?:glowing|radiant|healthy|healthier|better|perfect|clear|clearer|younger|stronger|softer|smoother|shinier|whiter|brighter|happier|fitter|slimmer|thicker|fuller|beautiful|gorgeous|amazing|great)\\b")
                        .maxLength(BUTTON),
                // "Skip — I don't need a better night's sleep", "I'd rather not support small businesses": a decline that makes
                // the shopper say they turn down something good
                TextRule.of("misdirection.decline_good_thing", CONFIRMSHAMING, 0.85,
                        "^\\W*(?:" + DECLINE + "|decline)\\b\\W{0,5}(?:thanks?\\W{0,3})?i (?:don't|do not|dont) (?:need|want) (?:a |to be |to look |to feel )?(?:better|healthier|smarter|safer|faster|happier|stronger|younger|fitter|richer|thinner|cleaner)\\b"
                                + "|^\\W*(?:(?:" + DECLINE + ")\\W{0,5})?i(?:'d| would) rather not (?:support|help|protect|save|care for|look after|treat|improve|feed|thank)\\b"
                                // "I don't care about the planet", "Ignore this offer & pay the full amount"
                                + "|^\\W*(?:(?:" + DECLINE + ")\\W{0,5})?i (?:don't|do not|dont) care (?:about|for) (?:the )?(?:planet|environment|earth|animals|kids|children|my (?:\\w+ )?health|safety|quality|others|my family|my pets?)\\b"
                                + "|^\\W*(?:ignore|skip|decline|reject|dismiss|no thanks)\\b.{0,30}\\b(?:and|&) pay (?:the )?(?:full|more|regular|higher)\\b")
                        .maxLength(BUTTON),
                // "Do not uncheck if you want to stay off our mailing list": a double negative on a box
                TextRule.of("misdirection.do_not_uncheck", TRICK_QUESTIONS, 0.8,
                        "\\b(?:do not|don't|dont) un(?:check|tick|select)\\w*\\b|\\bto not (?:opt out|stop (?:receiving|getting)|unsubscribe)\\b"
                                + "|\\b(?:not|n't) (?:like|want|wish) to not (?:hear|receive|get|be)\\b"
                                // More double negatives: "stop us not sending you deals", "miss out on not receiving updates", "not stop receiving
                                // offers", "I do not want to receive no offers", "prefer not to be left off our list", "don't want us not to share"
                                + "|\\b(?:stop|prevent) (?:us |them )?(?:from )?not\\b|\\b(?:miss out on|avoid|stop|prevent|opt out of) not (?:receiving|getting|hearing|being|sharing)\\b"
                                + "|\\bnot (?:to )?(?:stop|cease|block)\\w* (?:receiving|getting|sending|hearing|sharing)\\b|\\b(?:do not|don't|won't) (?:want|wish|like) to (?:receive|get|hear) no\\b"
                                + "|\\b(?:don't|do not|not) (?:want|wish|like) to stop (?:receiving|getting|hearing)\\b"
                                + "|\\b(?:don't|do not) leave (?:this |the )?(?:box |checkbox )?un(?:ticked|checked|selected)\\b|\\bnot (?:to )?(?:receive|get|hear) (?:no|none|nothing)\\b"
                                + "|\\b(?:tick|check|untick|uncheck|select)\\w*\\b[^.]{0,40}\\b(?:prefer|rather|like|want|wish) not to miss\\b"
                                + "|\\bnot (?:to )?be (?:left off|excluded|removed|taken off|opted out|unsubscribed)\\b|\\b(?:not|n't) want (?:us|them|anyone) not to\\b"),
                // "Leave unticked to receive offers from our partners", "If you do not wish to receive marketing, leave this box checked": the box
                // works backwards, an empty box meaning yes or a ticked one meaning no
                TextRule.of("misdirection.box_works_backwards", TRICK_QUESTIONS, 0.8,
                        "\\bleave (?:this |the )?(?:box |checkbox )?(?:unticked|unchecked|unselected|blank|empty) (?:to|if you (?:want|wish|would like|'d like)(?: to)?|and (?:we'll|we will|you'll|you will)) (?:receive|get|hear|be contacted|stay|join|keep|be (?:added|kept|sent))\\b"
                                + "|\\bleave (?:this |the )?(?:box |checkbox )?(?:ticked|checked|selected) (?:to (?:stop|not|opt out|unsubscribe)|if you (?:do not|don't|would not|wouldn't|prefer not|would rather not|do not wish|don't wish)\\b)"
                                + "|\\bif you (?:do not|don't|would not|wouldn't|prefer not to)\\b[^.]{0,60}\\bleave (?:this |the )?(?:box |checkbox )?(?:ticked|checked|selected)\\b"
                                + "|\\b(?:tick|check|select)\\w* (?:this |the )?(?:box |checkbox )?to (?:stop|not|opt out of) (?:us )?(?:not )?(?:receiv|get|hear|send|shar)\\w*\\b[^.]{0,20}\\bnot\\b"
                                // "Do not tick this box if you would like to receive offers"
                                + "|\\b(?:do not|don't) (?:tick|check|select) (?:this |the )?(?:box |checkbox )?if you (?:would like|'d like|want|wish) to (?:receive|get|hear|be contacted|join)\\b"),
                // "CLAIM MY DISCOUNT · no, thanks (tiny text)", "Continue with limited version (faint link)": a page's own
                // description of a decline styled out of sight
                TextRule.of("misdirection.decline_styled_away", VISUAL_INTERFERENCE, 0.65,
                        "\\((?:very |super )?(?:tiny|small|smaller|faint|grey|gray|greyed[- ]out|light|pale|barely visible|low[- ]contrast)\\b[^)]{0,30}?\\b(?:text|link|print|font|button|type)\\)"),
                // "Deluxe gift wrap selected (+$6.95)", "Priority handling ✔ (+$3.50) selected for you", "Recommended: Add AppleCare+
                // (selected)": a priced extra the shop ticked
                TextRule.of("misdirection.priced_extra_selected", PRESSURED_SELLING, 0.75,
                        "\\bselected(?: for you)?\\W{0,3}\\(\\+\\s?[$£€₹]\\s?\\d|\\(\\+\\s?[$£€₹]\\s?\\d[\\d.,]{0,14}\\)\\s*(?:pre-?)?selected\\b"
                                // "Upgrade to Pro (best value) ✓ selected", "Premium installation added – most popular"
                                + "|\\b(?:upgrade|pro|premium|plus|bundle|plan|installation|protection|warranty|insurance|add-?on)\\b.{0,40}[✓✔☑]\\s*(?:pre-?)?selected\\b"
                                + "|\\b(?:upgrade|premium|bundle|installation|protection|warranty|insurance|add-?on|setup|service)\\b.{0,30}\\b(?:added|selected|included)\\s*[-–—:(]\\s*(?:most popular|recommended|best value|our pick)\\b"
                                + "|\\brecommended\\b.{0,40}\\badd\\b.{0,40}\\((?:pre-?)?selected\\)"
                                + "|\\b(?:customers|people|shoppers|buyers|those) who (?:bought|buy|ordered|got) this (?:also )?(?:need|needed|require|must have)\\b"),
                // "Add our warranty for just $3.85", "Why not add fabric protection", "Yes! Upgrade my purchase"
                TextRule.of("misdirection.protection_upsell", PRESSURED_SELLING, 0.75,
                        "\\b(?:add|get|include|buy)\\b.{0,60}\\b(?:warranty|protection plan|protection|insurance|accident(?:al)? (?:damage )?(?:cover(?:age)?|protection)|care ?plan|coverage)\\b"
                                + ".{0,50}\\b(?:for (?:just|only)|just|only) (?:[a-z]{1,2})?[$£€₹]?\\s?\\d"),
                TextRule.of("misdirection.upsell_nudge", PRESSURED_SELLING, 0.7,
                        "\\bwhy not (?:add|upgrade|treat yourself|make it|grab|get)\\b"
                                + "|\\bupgrade (?:now |today )?(?:for|to (?:[\\w'-]+ ){1,3}for) (?:just|only) [$£€]?\\d"
                                + "|\\b(?:don't|do not) forget (?:to add |about )?(?:the |your )?(?:matching |spare |extra |right )?(?:essentials?|accessories|protection|warranty|insurance|batteries|care plan|charger|cables?|adapter|case|cover|ink|filters?|refills?|pods|stand|mount|memory card|sd card)\\b"
                                + "|\\b(?:don't|do not) forget (?:to (?:add|grab|pick up|get|buy) )?(?:the |your |a |an |some |matching )?[\\w-]+(?: [\\w-]+)?\\W{0,4}(?:you(?:'ll| will) need (?:it|them|one|these|this)|(?:it's|they're|it is|they are) not included|not included)\\b"
                                + "|\\b(?:you're|you are) missing out on (?:these|this|our|great|amazing|the)\\b"
                                + "|\\bprotect your (?:purchase|order|investment|new \\w+)\\b")
                        // An extra marked optional is an offer the shopper may ignore, not a push
                        .unless("\\(optional\\)|\\bif you (?:like|wish|want)\\b"),
                // An extra the shop chose for the shopper: "Premium Protection Plan — selected", "Add gift wrap [pre-selected]",
                // "The Ultimate bundle has been chosen for you", "Accidental Damage Cover is already ticked"
                TextRule.of("misdirection.preselected_extra", PRESSURED_SELLING, 0.8,
                        "\\b(?:pre-?selected|pre-?ticked|pre-?checked|selected by default|ticked by default|checked by default"
                                + "|(?:has been|have been|was|is) (?:pre-?)?(?:chosen|selected|picked|added|ticked) (?:for the best|by default|automatically|to give you|to protect)"
                                + "|already (?:ticked|checked|selected)|(?:has been|have been|was|is) (?:chosen|selected|picked) for you)\\b"
                                + "|\\b(?:protection|warranty|plan|bundle|upgrade|premium|insurance|cover(?:age)?|add-?on|gift wrap\\w*|membership)\\b.{0,60}[-:(\\[]\\s*(?:pre-?)?(?:selected|ticked|checked)\\s*[)\\]]?\\s*(?:\\+?\\s*[$£€₹]\\s?\\d[\\d.,]{0,14}|-\\s*recommended\\b.*)?\\s*$"
                                + "|\\buntick (?:to|if you)\\b(?![^.]{0,40}\\b(?:e-?mails?|newsletters?|catalogues?|catalogs?|offers|marketing|updates|news|texts?|sms|post)\\b)|\\b(?:chosen|selected|ticked) by default\\b"),
                // "Most customers choose the 6-bottle bundle", "90% of buyers pick the Pro model. Are you sure you want Basic?"
                // "Priority boarding has been added - recommended for this flight", "Storage: 256GB (+$200) ✓ Recommended for you",
                // "☑ Add 3-Year Accident Protection £49.99", "3-year extended warranty added (+$29.99)"
                TextRule.of("misdirection.recommended_extra", PRESSURED_SELLING, 0.7,
                        "\\b(?:protection|warranty|insurance|cover|upgrade|plan|bundle|storage|fare|supply|subscription|membership|premium|setup|service|boarding|legroom|add-?on|priority|cabin bags?|hold bags?|checked bags?|seats?)\\b"
                                + ".{0,50}(?:[(\\[✓☑✔]|\\s[–—-])\\s*(?:highly )?recommended(?: for you)?\\b"
                                + "|\\b(?:protection|warranty|insurance|cover|upgrade|bundle|boarding|legroom|add-?on|care plan)\\b.{0,40}\\b(?:has been|have been|was|is) (?:pre-?)?(?:selected|chosen|added|ticked)\\b.{0,30}\\b(?:recommended|for you|for the best)\\b"
                                + "|[☑✓✔]\\s*(?:yes\\b\\W{0,3})?(?:add|upgrade|include|protect|insure)(?!ed)\\b(?! to (?:cart|bag|basket))"
                                + "|\\b(?:warranty|protection|protector|insurance|cover|shield|bundle|kit|care plan)\\b.{0,30}\\badded\\b\\s*(?:for\\s*|\\(\\+?\\s*)[$£€]\\s?\\d"
                                + "|\\byes,? (?:please,? )?(?:protect|insure|upgrade|cover) (?:my|me|the|this)\\b"
                                + "|\\brecommended\\b.{0,60}[✓☑✔]\\s*(?:added|selected|included)\\b|\\((?:pre-?)?(?:selected|ticked|checked)\\)\\s*-?\\s*recommended\\b"
                                + "|\\brecommended(?: for you)?\\s*:[^.!?]{0,40}\\(\\+\\s?[$£€]\\s?\\d"
                                + "|\\b(?:best value|most popular|recommended|best ?seller)\\b.{0,10}●.{1,60}○|●[^○]{1,60}\\b(?:best value|most popular|recommended|best ?seller)\\b[^○]{0,20}○"
                                // "Quantity: 3-pack (Best Value) selected", "Priority Processing (recommended for all customers) +$4.99"
                                + "|\\((?:best value|most popular|recommended)\\)\\s*(?:pre-?)?selected\\b"
                                + "|\\b(?:priority|express|processing|handling)\\b[^.]{0,30}\\(recommended\\b[^)]{0,30}\\)\\s*\\+?\\s*[$£€]\\s?\\d"),
                // "Are you sure? Customers who skip the Pro Setup Service often regret it"
                TextRule.of("misdirection.regret_warning", PRESSURED_SELLING, 0.75,
                        "\\b(?:customers|people|shoppers|buyers|travell?ers|guests|those) who (?:skip|don't (?:add|buy|get|choose)|decline|say no to|go without)\\b.{0,40}\\b(?:regret|wish they|come back|end up|pay more)"
                                + "|\\bdon't (?:leave|go|travel|fly|ride) (?:\\w+ ){0,3}?unprotected\\b"
                                + "|\\b(?:don't|do not) (?:leave|go|travel|fly|ride|check ?out) (?:\\w+ ){0,2}?without (?:the |a |an |your |our )?(?:[\\w-]+ )?(?:protection|insurance|warranty|cover(?:age)?|care ?plan)\\b"
                                + "|\\b(?:customers|shoppers|people|buyers|travell?ers) like you (?:always |also |usually |often )?(?:add|choose|buy|get|upgrade|chose|added|bought|picked|went for|upgraded)\\b"
                                + "|\\?\\s*(?:most|almost all|nearly all|\\d{2,3} ?% of) (?:people|customers|shoppers|buyers|travell?ers|guests|owners) (?:do|did|have|say yes|add it|choose it)\\b"
                                + "|\\bmake it a (?:double|large|bundle|set|pair|combo|triple|meal|deluxe|family size)\\b.{0,20}\\b(?:for|just|only)\\b"
                                + "|\\b(?:upgrade|bundle|pack|size|deluxe|premium|bigger|larger|go (?:large|big|bigger|premium|pro|deluxe))\\b.{0,40}\\b(?:just|only) (?:[$£€₹₦]|rs\\.? ?)?\\s?\\d[\\d,.]{0,14}(?:p|c|cents?)? (?:more|extra)\\b"
                                + "|\\b(?:just|only) (?:[$£€₹₦]|rs\\.? ?)?\\s?\\d[\\d,.]{0,14}(?:p|c|cents?)? (?:more|extra) (?:for|to get|and get|gets you) (?:the |a |an )?(?:large|bigger|larger|premium|deluxe|pro|xl|double|upgrade|bundle|[\\w-]+ size|next size)\\b"
                                + "|^\\W*recommended\\W+(?:switch|upgrade|add|go) to\\b"),
                TextRule.of("misdirection.others_choose_upgrade", PRESSURED_SELLING, 0.7,
                        "\\b(?:most|\\d{2,3} ?% of|nearly all|almost all|nearly every|almost every) (?:our )?(?:customers|buyers|shoppers|people|guests|travell?ers|users|owners|drivers|riders|parents)\\b(?: also| usually| tend to)? (?:adds?|buys?|gets?|chooses?|picks?|grabs?|takes?|include)\\b[^.!?]{0,40}\\b(?:also|too|as well|it|them|one|the \\w+)\\b"
                                + "|\\b(?:most (?:people|customers|shoppers|buyers|owners)|(?:almost |nearly )?every(?:one|body)) also (?:adds?|buys?|gets?|chooses?|picks?|grabs?|takes?|added|bought|got|chose|picked|grabbed|took)\\b"
                                // "Add travel insurance – 92% of passengers protect their trip"
                                + "|\\b(?:\\d{2,3} ?% of|most|nearly all|almost all) (?:our )?(?:passengers|travell?ers|guests|drivers|owners|parents|families|members|riders|flyers)\\b(?: also| usually)? (?:add|buy|get|choose|pick|protect|insure|upgrade|take)\\b"
                                // "9 out of 10 riders choose protection", "add the repair kit like most campers do"
                                + "|\\b\\d (?:out of|in) 10 (?:our )?[\\w-]+s (?:choose|chose|add|pick|get|buy|opt for|go for|protect|upgrade)\\b"
                                + "|\\b(?:add|get|grab|take|upgrade)\\b[^.!?]{0,50}\\blike most (?:[\\w-]+ )?(?:customers|shoppers|buyers|people|campers|riders|drivers|travell?ers|owners|parents|players|gamers|users|[\\w-]+ers) do\\b"
                                + "|\\b(?:almost |nearly |practically )?every(?:one|body) (?:adds?|gets?|buys?|takes?|chooses?) (?:the |a |an )?(?:[\\w-]+ )?(?:warranty|protection|insurance|cover|case|upgrade|bundle|plan|kit|stand|charger|care)\\b"
                                + "|\\b(?:most|\\d{2,3} ?% of|nearly all|almost all) (?:our )?(?:customers|buyers|shoppers|people|guests|travell?ers|users)\\b.{0,12}\\b(?:choose|chose|pick|picked|go for|select|opt for|upgrade|add|buy|get|protect)\\b"
                                + ".{0,40}\\b(?:bundle|pro|premium|plus|deluxe|ultimate|protection|warranty|upgrade|best value|larger|bigger|pack|plan)\\b"
                                + "|\\bare you sure you (?:want|prefer|need) (?:the |to (?:stay on|keep) the )?(?:basic|standard|cheaper|cheapest|free|economy|lite|smaller)\\b"),
                // "We strongly recommend full cover", "most users who cancel regret it", "Before you go — switch to Duo",
                // "won't reach full speed without our charger – add it now"
                TextRule.of("misdirection.upgrade_pressed_on_exit", PRESSURED_SELLING, 0.7,
                        "\\bwe (?:strongly|highly|really) (?:recommend|advise)\\b[^.!?]{0,25}\\b(?:cover|protection|insurance|warranty|care plan|upgrade)\\b"
                                + "|\\bmost (?:[\\w-]+ )?who (?:cancel|leave|downgrade|skip it|say no) regret (?:it|this|that)\\b"
                                + "|\\b(?:before you go|wait)\\W{1,4}(?:switch|upgrade|move) to\\b"
                                + "|\\b(?:won't|will not|can't|cannot) (?:work|reach|run|charge|perform|last)\\b[^.!?]{0,30}\\bwithout (?:our|the|a|an)\\b[^.!?]{0,40}\\badd (?:it|one|them)\\b"),
                // "Are you sure? Without protection, repairs can cost over $300", "Without the care plan, you won't be covered for accidents",
                // "You really should add the case – screens crack easily", "You'll regret not adding insurance": fear sold with the extra
                TextRule.of("misdirection.fear_of_going_without", PRESSURED_SELLING, 0.7,
                        "\\b(?:without|no|skip(?:ping)?|decline|declining) (?:the |a |an |our |this )?(?:[\\w-]+ )?(?:protection|cover(?:age)?|insurance|warranty|care ?plan|case|screen protector|guarantee)\\b"
                                + "[^.!?]{0,40}\\b(?:(?:could|can|may|might|will|would) (?:cost|be (?:costly|expensive|pricey)|leave you|set you back)|(?:won't|will not|aren't|are not|isn't|is not|wouldn't|would not) (?:be )?(?:covered|protected|safe)|you(?:'re| are) on your own|at risk|unprotected)\\b"
                                + "|\\byou(?:'ll| will|'d| would) regret (?:not|skipping|passing|declining|going without|saying no)\\b"
                                + "|\\byou (?:really |definitely |honestly )?(?:should|need to|ought to|must) (?:add|get|grab|include|buy|protect)\\b[^.!?]{0,40}(?:[-–—!,.]\\s*\\w+[^.!?]{0,20}\\b(?:crack|break|smash|fail|lose|spill|scratch|damage)\\w*|\\b(?:trust us|you'll thank us|just in case)\\b)"
                                + "|\\byou(?:'ll| will) thank us later\\b"
                                + "|\\b(?:add|get|include|buy)\\b[^.!?]{0,40}\\b(?:insurance|protection|cover|warranty|plan)\\b[^.]{0,30}[?!.,–—-]\\s*(?:trips?|things|accidents|plans|flights?|devices?|phones?|screens?|life|holidays?) (?:can|do|will|may|might|often) (?:go wrong|happen|break|crack|get (?:lost|damaged|stolen|cancell?ed))\\b"
                                + "|\\bare you sure you want to (?:skip|decline|remove|go without|miss|pass on|lose) (?:the |a |an |your |our |this )?(?:[\\w-]+ )?(?:protection|insurance|warranty|cover(?:age)?|care ?plan|upgrade|offer|bundle|extras?|deal|discount)\\b"
                                + "|\\b(?:add|get|include|protect)\\b[^.!?]{0,40}\\bfor (?:your |total |complete )?peace of mind\\b"
                                + "|\\bprotect your (?:new )?[\\w-]+\\b\\s*[—–:,-]\\s*(?:add|get|buy|include)\\b"
                                + "|\\badd\\b(?:[^.!?]|\\.\\d){0,50}(?:—|-|–|!|,)\\s*(?:you(?:'ll| will) be glad(?: you did)?|you won't regret it|your [\\w-]+ will thank you|trust us)\\b"
                                + "|\\b(?:strongly|highly) recommend (?:adding|getting|buying|you add|taking out) (?:the |a |an |our )?(?:[\\w-]+ )?(?:insurance|protection|warranty|cover(?:age)?|care ?plan|case|screen protector|upgrade)\\b"
                                + "|\\b(?:customers|shoppers|people|buyers|owners) (?:usually|often|always|typically|normally) (?:add|buy|get|choose|pick|grab|take)\\b[^.!?]{0,20}\\b(?:warranty|protection|insurance|cover|case|battery|batteries|charger|kit|bundle|upgrade|plan|spare|extra|second|matching)\\b"
                                + "|\\bare you sure\\?\\s*(?:you(?:'re| are) (?:missing|skipping|leaving|passing)|without\\b|most (?:people|customers|shoppers))"
                                + "|\\b(?:upgrade|go|switch)\\b[^.!?]{0,40}\\b\\d{2,3} ?% of (?:our )?(?:customers|buyers|shoppers|people|users) (?:choose|pick|prefer|go for|upgrade)"
                                + "|\\b(?:recommend|suggest)\\w* (?:adding|you add|getting|buying|grabbing)\\b[^.!?]{0,40}\\byou(?:'ll| will) (?:need|want|thank)\\b"
                                + "|\\byou(?:'ll| will| may| might)? (?:also |definitely |probably )?(?:need|want) (?:a |an |the |some |\\d+ )?[\\w-]+(?: [\\w-]+)?(?: too| as well)?\\b[^.!?]{0,25}\\badd (?:it|one|them|this|these)\\b"
                                + "|\\bare you sure you want to (?:go|travel|leave|continue|fly|ride|check ?out) (?:\\w+ )?unprotected\\b"
                                + "|\\b(?:add|get|grab|protect|include)\\b(?:[^.!?]|\\.\\d){0,60}[—–-]\\s*[^.!?]{0,30}\\b(?:crack|scratch|break|smash|spill|stain|damage|lose|go wrong)\\w*\\s+(?:easily|often|all the time|in seconds|happens?)\\b"
                                + "|\\bare you sure you want to (?:continue|proceed|check ?out|go|leave|buy|travel|fly|order) without (?:the |a |an |any |your )?(?:[\\w-]+ )?(?:protection|insurance|warranty|cover(?:age)?|care ?plan|case|upgrade)\\b"
                                + "|\\bare you sure you (?:don't|do not) want (?:to add |to protect |to get )?(?:the |a |an |our |your )?(?:[\\w-]+ ){0,2}?(?:protection|insurance|warranty|cover(?:age)?|upgrade|premium|extras?|bundle|case|plan|care)\\b")
                        .unless("\\(optional\\)|\\bif you (?:like|wish|want)\\b"),
                // "Upgrade now — the basic model may not be enough for you", "Upgrade to the 128GB – the 64GB fills up fast": the cheaper choice
                // talked down to sell the dearer one
                TextRule.of("misdirection.cheaper_talked_down", PRESSURED_SELLING, 0.7,
                        "\\b(?:basic|standard|cheaper|cheapest|smaller|base|lite|entry[- ]level|regular|free|\\d+ ?(?:gb|tb))\\b(?: [\\w-]+){0,2}? (?:(?:may|might|will|could|probably) not|won't|isn't|is not|doesn't|does not|aren't|are not|probably won't)"
                                + " (?:be )?(?:enough|meet your needs|cut it|suffice|do the job|last|cover (?:you|it|everything))\\b"
                                + "|\\b(?:basic|standard|smaller|base|\\d+ ?(?:gb|tb))\\b[^.!?]{0,20}\\b(?:fills? up|runs? out) (?:fast|quickly|in no time)\\b"
                                + "|\\b(?:basic|standard|cheaper|free|lite|base) (?:version|model|plan|option|edition|package|tier)\\b[^.!?]{0,15}\\b(?:(?:has|have|offers?|gives?|comes with) (?:far |much |a lot )?(?:fewer|less|limited|no)|lacks?|is missing|misses|(?:doesn't|does not|won't|will not) (?:have|include|give you))\\b"
                                // "Upgrade your seat – standard seats can be cramped"
                                + "|\\b(?:basic|standard|economy|regular|cheaper|base|free)\\b(?: [\\w-]+){0,2}? (?:can be|are|is|gets?|feels?) (?:really |very |quite |a bit |pretty |so )?(?:cramped|uncomfortable|slow|limited|tight|noisy|disappointing|frustrating|flimsy)\\b")
                        .requires("\\b(?:upgrade|go (?:pro|premium|bigger|large|up)|choose|get|switch|trade up|step up)\\b|\\bare you sure\\b"),
                // "Don't risk it – add 3-year cover for £39", "Your new laptop deserves protection – add cover now", "Add fast-track security for only
                // £5 – queues can be long", "Wait – don't miss our best value bundle!": an extra pushed with fear, urgency or the crowd's choice
                TextRule.of("misdirection.extra_pushed", PRESSURED_SELLING, 0.7,
                        "\\b(?:add|adding|upgrade|get|grab|protect|include|complete (?:your order|the set|your look|your purchase) with|don't miss|don't forget|go (?:premium|pro|large|bigger)"
                                + "|make it|switch to|recommended (?:upgrade|add-?on|extra|accessory))\\b[^.!?]{0,50}?\\b(?:cover(?:age)?|protection|warranty|insurance|case|screen protector|bundle|upgrade"
                                + "|premium|deluxe|accessor(?:y|ies)|fast[- ]track|priority|care (?:kit|plan)|extras?|add-?ons?|edition|package)\\b")
                        .requires("\\b(?:don't risk|risk it|deserves? (?:protection|the best|better|to be protected)|can be (?:long|costly|expensive|slow|painful|a nightmare)"
                                + "|(?:get|gets|getting) (?:scratched|damaged|broken|lost|stolen|cracked)|accidents (?:happen|will happen)|you never know|just in case|peace of mind"
                                + "|best value|best ?selling|most popular|we think you'll love|you'll love|before you go|don't miss|fewer features|missing out|regret)\\b|^\\W*wait\\b")
                        .unless("\\(optional\\)|\\bif you (?:like|wish|want)\\b"),
                // "98% of customers add a case. Add yours?", "Get the bundle and save – most shoppers do": the crowd's choice of an extra, in a
                // short message (advice on sizes is not an extra)
                TextRule.of("misdirection.crowd_adds", PRESSURED_SELLING, 0.7,
                        "\\b(?:\\d{2,3} ?% of|most|nearly all|almost all|nearly every|almost every|the majority of) (?:our )?(?:customers|buyers|shoppers|people|guests|travell?ers|users|owners|passengers|members|drivers)\\b"
                                + "(?: also| usually| tend to)? (?:add|adds|added|buy|buys|bought|get|gets|got|choose|chooses|chose|pick|picks|picked|protect|upgrade|upgraded|take|takes|include|go for)\\b"
                                + "|\\b(?:most|many) (?:people|shoppers|customers|buyers|travell?ers) do\\b")
                        .unless("\\b(?:sizes?|sizing|fit|fits|usual|normal|regular size|delivery|collection)\\b")
                        .maxLength(120),
                // An exit pop-up pushing an extra: "Wait! Before you go, shoppers like you also added Express Care for $14.99"
                TextRule.of("misdirection.exit_upsell", PRESSURED_SELLING, 0.75,
                        "^\\W*(?:wait|hold on|not so fast)\\b.{0,40}\\b(?:add|added|upgrade|get|protect|include)\\b.{0,60}[$£€]\\s?\\d"
                                + "|\\b(?:customers|shoppers|people|buyers) like you (?:also )?(?:added|bought|chose|upgraded)\\b.{0,60}[$£€]\\s?\\d"
                                + "|^\\W*(?:wait|hold on)\\b.{0,60}\\b(?:complete your (?:look|set|outfit|order)|pair it with|matching|add (?:the|a|an|this))\\b"
                                + "|\\b(?:offer|deal) (?:is )?(?:only )?shown (?:only )?once\\b"),
                TextRule.of("misdirection.yes_upgrade", PRESSURED_SELLING, 0.7,
                                "^\\W*yes\\b[!,.]*\\s*(?:please\\s*)?[,!]?\\s*(?:upgrade|add|protect|include|insure|double|make it)\\b")
                        // the shopper's own plain "yes" to what they chose is no push
                        .unless("^\\W*yes,? (?:please,? )?add (?:it |this |them |these )?to my (?:order|cart|bag|basket|trolley)\\W*$")
                        .maxLength(BUTTON),
                // A decline that makes the shopper say something against their own good: "No, I want to stay weak", "No thanks, I don't want
                // to reach my goals", "No, I don't mind a bad view", "I'll keep watching ads, thanks", "Skip seats, I'll sit apart from my
                // travel companions". Practical declines ("No, I don't mind waiting", "I'll sit anywhere") name no harm and are left alone.
                TextRule.of("misdirection.decline_owning_a_harm", CONFIRMSHAMING, 0.85,
                                "^\\W*(?:(?:" + DECLINE + "|skip|decline|continue|cancel)\\b[^.!?]{0,25}?[\\s,.!:;(-]*)?(?:"
                                        + "i (?:don't|do not) mind (?:a |an |the |my |being |having )?(?:bad|poor|worse|terrible|awful|ugly|slow|boring|cramped|noisy|broken|blocked|obstructed|overpaying|paying more|less|sitting apart|missing out)\\b"
                                        + "|i (?:want|prefer|choose|would like|'d like) to (?:stay|remain|be|keep being|look|feel) (?:weak|slow|tired|unfit|out of shape|ugly|boring|broke|poor|bored|unhealthy|lonely|average|behind|stuck|unprotected|vulnerable|confused|lost|sick|old|unsafe|exposed|mediocre|clueless|stressed|disorgani[sz]ed|uninformed)\\b"
                                        + "|i (?:don't|do not) want to (?:reach|achieve|hit|meet|smash|realise|realize|fulfil|fulfill|get to) (?:my|our|any) (?:[\\w-]+ )?(?:goals?|targets?|potential|dreams?|best)\\b"
                                        + "|i(?:'ll| will) keep (?:watching|seeing|getting|paying|putting up with|wasting|losing|overpaying|suffering|struggling)\\b"
                                        + "|i(?:'ll| will|'d rather) (?:sit|travel|fly|eat|sleep) (?:apart|alone|separately|by myself|on my own|away from)\\b)"
                                        // or a harm owned anywhere after the decline: "No, I'll pay for repairs myself", "No thanks, my walls can
                                        // stay boring", "No meal – I'll go hungry", "Add a helmet? No thanks, I don't care about safety"
                                        + "|^\\W*(?:(?:add|remove|include|protect|upgrade|want|keep|get)\\b[^?]{0,50}\\?\\s*)?(?:" + DECLINE + "|no,? thanks|i'll pass|i pass|yes,? (?:cancel|remove|leave|continue|i'm (?:ok|okay|fine|happy))|i'm (?:happy|fine|ok|okay) (?:to|with|staying))\\b"
                                        + "[^?]{0,40}?\\b(?:risk(?:ing)? (?:it|paying|losing|my|damage|the|an?|stains|leaks|[£$€]?\\d)|lose (?:my|all)|go hungry|hope for the best|and hope\\b|look mismatched|let my [\\w' ]{1,20}win|(?:stay|staying) stuck|running out of|wait longer|keep paying more|boring!?\\)?$|skip (?:my |the |a )?(?:free )?(?:gift|treat|bonus|reward|perks?)|i (?:don't|do not) want to (?:help|support|save|double|protect|improve|learn|grow|win|look|feel|treat)\\b|(?:don't|do not) need (?:protecting|protection|inspiring|inspiration|help)\\b|pay [^.!?]{0,30}myself|stay (?:boring|ugly|bored|broke|behind|cold|hungry|unprotected|in the dark|uninformed)"
                                        + "|out of shape|exposed|unprotected|wast(?:e|ing) (?:money|energy|time|food)|(?:pay|paying|buy|buying) (?:the )?full price|pay (?:full|more|extra|double|any [\\w ]{1,20}|for (?:repairs|damage|any damage)\\b)[\\w ]{0,20}myself"
                                        + "|pay (?:for )?(?:any |all )?(?:repairs|damages?|hospital bills|vet bills|bills)|isn't a priority|is not a priority|(?:don't|do not) care about|(?:don't|do not) mind (?:\\w+ )?(?:damaged|broken|losing|bad|dirty|ugly)"
                                        + "|deserves? (?:less|worse|nothing|to wait)|(?:sleep|live|look) (?:fine |happy )?(?:in|with) cheap|miss out|full (?:bar |menu )?prices)\\b")
                        .requires("\\b(?:i|i'll|i'd|i'm|i've|my|me|myself|we'll|our)\\b")
                        .unless("\\bgift (?:receipt|wrap\\w*|box|message|card|note|bag)\\b|\\b(?:unsaved|changes|drafts?|edits)\\b")
                        .maxLength(BUTTON),
                // Leaving made to sound like self-harm: "Cancel and lose all my watchlists forever", "Yes, cancel and leave my data exposed"
                TextRule.of("misdirection.leave_and_suffer", CONFIRMSHAMING, 0.85,
                                "^\\W*(?:yes,? )?(?:cancel|leave|quit|unsubscribe|downgrade|close my account|end my \\w+|turn off \\w+)\\w*\\b[^.!?]{0,20}?\\b(?:and|&) (?:lose|forfeit|give up|throw away|leave|put) (?:all |everything )?(?:of )?(?:my|our|the)\\b[^.!?]{0,40}?\\b(?:forever|exposed|unprotected|at risk|vulnerable|unsafe|behind|for good|for ever|behind|in danger)\\b")
                        .maxLength(BUTTON),
                // The choice the shopper would want made hard to see or reach: a neutral button that accepts everything ("Click 'Continue' to
                // accept all cookies", "Clicking 'Continue' keeps you on Pro"), a friendly label hiding consent ("Sounds good! (accepts all
                // cookies)", "Got it - show me relevant ads"), closing a banner taken as consent, the way out sent to the page's bottom or
                // buried in menus ("Other choices in Privacy Centre › Vendors › …") or in an unrelated list ("choose 'Don't insure me'
                // from the country of residence list"), and a primary button whose small print adds or keeps something with the
                // alternative tucked after it ("Continue (keeps auto-renewal on) · other options", "Buy now (includes add-ons) · remove add-ons")
                TextRule.of("misdirection.choice_hidden", VISUAL_INTERFERENCE, 0.7,
                                "\\bclick(?:ing)? [\"']?(?:continue|ok|okay|got it|next|close|done|start shopping|proceed|x)[\"']? (?:to |will |means (?:you )?)?(?:accept|accepts|keep|keeps|agree|agrees|renew|renews|consent|consents|opt|opts|stay|stays)\\b"
                                        + "|\\b(?:closing|dismissing|ignoring|scrolling past) (?:this|the) (?:banner|pop-?up|window|message|notice|box)\\b[^.]{0,30}\\b(?:means|counts as|is taken as|will be taken as)\\b[^.]{0,20}\\b(?:accept|agree|consent)"
                                        + "|^\\W*(?:sounds good|got it|ok(?:ay)?|great|cool|sure|awesome|continue|let's go|start (?:shopping|browsing)|agree and (?:start|continue) \\w+)\\W*[\\s(-]*(?:accepts? all (?:cookies|tracking)|(?:show|send) me (?:relevant|personali[sz]ed|tailored|targeted|more) (?:ads|adverts|advertising|offers))"
                                        + "|\\b(?:accept|agree)\\b[^.]{0,40}\\b(?:other|more|manage|reject|decline)\\w*(?: choices| options| settings)?\\b[^.]{0,30}[›>][^.]{0,30}[›>]"
                                        + "|\\bto (?:cancel|opt out|decline|reject|unsubscribe|downgrade|leave|refuse)\\b[^.]{0,40}\\b(?:link|button|option)\\b[^.]{0,30}\\b(?:very bottom|bottom of (?:this|the) page|small print|fine print|footer)\\b"
                                        + "|\\b(?:don't|do not) want (?:\\w+ ){0,2}?(?:insurance|protection|cover|the extra|add-ons?|extras?|upgrades?)\\?\\s*(?:choose|select|pick|find)\\b[^.]{0,60}\\b(?:from|in|under) (?:the )?[\\w ]{0,40}\\b(?:list|menu|drop-?down)\\b"
                                        + "|^\\W*(?:continue|buy now|checkout|check out|proceed|pay(?: now)?|confirm|book(?: now)?|agree|accept|next|continue (?:to|with) [\\w -]{1,30}?)\\s*\\([^)]{0,40}\\b(?:included|includes?|including|keeps?|recommended|on|added|adds?|accepts?|renews?)\\b[^)]{0,20}\\)\\W+(?:or\\b|other\\b|remove\\b|without\\b|(?:continue|check ?out|proceed|buy) without\\b|continue with my\\b|manage\\b|decline\\b|skip\\b|no thanks\\b)")
                        .maxLength(200),
                // Two negations the shopper has to undo to know what the box does: "Please leave unticked if you don't want us to not send you
                // deals", "I do not object to my data not being excluded from profiling", "Disable this toggle if you don't want to not share data"
                TextRule.of("misdirection.negation_stacked", TRICK_QUESTIONS, 0.8,
                                "\\b(?:don't|do not|not|never) (?:want|wish|object|mind|prefer|like)\\b[^.,;]{0,40}?\\b(?:not|never) (?:to |be |being )?(?:shar|send|receiv|be |being|contact|us|process|sell|get|hear|opt|includ|exclud|email|e-mail|text|call|personali[sz])\\w*")
                        .maxLength(300),
                // An extra or upgrade pushed with the crowd or with fear: "Add Premium Delivery Pass - most shoppers do!", "9 out of 10 buyers
                // protect their headphones", "92% of buyers add Screen Guard", "Everyone orders a Coke with the Smash", "Go on, you know you
                // want to", "Your phone is at risk!", "Starter is missing critical features", "fans say it's the ONLY way to enjoy the show"
                TextRule.of("misdirection.extra_sold_by_crowd_or_fear", PRESSURED_SELLING, 0.75,
                                "\\b(?:most|many|nearly all|almost all|smart|savvy|experienced) (?:shoppers|customers|buyers|people|travell?ers|guests|teams|drivers|parents|owners|users|passengers|diners|fans|riders) (?:do\\b\\W*(?:!|$|-)|(?:add|protect|upgrade|insure|include|cover)\\b)"
                                        + "|\\b(?:\\d+|nine|eight|seven) (?:out of|in) (?:10|ten) (?:buyers|customers|shoppers|people|owners|users|travell?ers|guests|passengers|drivers|parents|fans)\\b[^.]{0,20}\\b(?:add|choose|protect|get|upgrade|pick|buy|include|insure|cover)"
                                        + "|\\b\\d+ ?% of (?:buyers|customers|shoppers|people|owners|users|travell?ers|guests|passengers|drivers|parents|fans) (?:add|choose|protect|get|upgrade|pick|buy|include|insure|cover)"
                                        + "|\\beveryone (?:orders|adds|gets|chooses|buys|upgrades|picks)\\b|\\byou know you want (?:to|it|one)\\b|\\bgo on,? (?:treat yourself|you deserve it|add it|spoil yourself)\\b"
                                        + "|\\b(?:your|this) [\\w-]+ (?:is|are|could be) (?:at risk|in danger|unprotected|vulnerable)\\b"
                                        + "|\\b(?:is|are) missing (?:critical|essential|key|important|vital|crucial) (?:features|protection|tools)\\b"
                                        + "|\\b(?:the )?only (?:real |proper |true )?way to (?:enjoy|experience|see|do|travel|watch|play|get the most)\\b")
                        .requires("\\b(?:add|upgrade|get|protect|include|choose|go|buy|order|insure|cover|select|plan|pass|protection|premium|vip|pro|plus|team|guard|warranty)\\b|[$£€₹]\\s?\\d")
                        .maxLength(220),

                // Fifth round (2026-12-07, the misses of three more writers): a decline that mocks the shopper in the first person:
                // "No thanks, I'd rather eat another sad desk salad", "No thanks, I enjoy carrying heavy bags up the stairs", "No thanks,
                // I'll learn slower", "Sign in for Genius prices? No thanks, I don't want the best price", "No, I'm fine losing my photos",
                // "No thanks, my photos aren't worth framing", "Free shipping? I'll pass, shipping fees are fun"
                TextRule.of("misdirection.decline_mocks_self", CONFIRMSHAMING, 0.8,
                                "^\\W*(?:[^?]{2,60}\\?\\s*)?(?:" + DECLINE + "|i'll pass|pass)\\b[\\s,.!:;–—-]*(?:thanks?|thank you)?[\\s,.!:;–—-]*"
                                        + "(?:i'd rather (?!not\\b|pay (?:by|with|in|online|later|cash|card)|(?:use|choose|pick|go with|shop|order|call|come|collect|wait|decide|browse|check|read|think|talk|do it)\\b)\\w+"
                                        + "|i (?:enjoy|love|like) (?:paying|carrying|waiting|missing|losing|overpaying|being|wasting|sitting|standing|queu\\w+|doing (?:it|everything) the hard way)\\b"
                                        + "|i'll (?:learn|get|be|go|look|feel|play|sleep|run|grow|progress) (?:slower|worse|less|weaker|older|sadder|behind)\\b"
                                        + "|i (?:don't|do not) want (?:the )?(?:best|better|cheaper|lower|faster|free|to save|to win)\\b"
                                        + "|i(?:'m| am) (?:fine|happy|ok|okay) (?:losing|missing|wasting|overpaying|staying (?:slow|behind|unprotected|broke))\\b"
                                        + "|my [\\w ]{2,20} (?:aren't|isn't|are not|is not) worth\\b"
                                        + "|[\\w ]{2,25} (?:is|are) (?:fun|overrated|for suckers)\\b)")
                        .maxLength(BUTTON),
                // A decline that makes the shopper accept a plain harm to themselves, their own or others: "No thanks, junk food is
                // good enough for me", "No, getting hacked doesn't scare me", "Nah, my plants can die". A fair decline names what
                // is refused ("No thanks, I don't need a bag"), never a harm; unsure, so the learned models may overrule it. The decline
                // must answer something (a comma, a dash, "thanks"): "No junk, no fillers" and "Skip the boring admin" are slogans.
                TextRule.of("misdirection.decline_accepts_a_harm", CONFIRMSHAMING, 0.75,
                                "^\\W*(?:[^?]{2,60}\\?\\s*)?(?:" + DECLINE + "|i'll pass|pass)\\s*(?:[,.!:;–—-]|\\bthanks?\\b|\\bthank you\\b)[^?]{0,50}?\\b" + HARM_ONE_ACCEPTS)
                        .maxLength(BUTTON),
                // A button that names the harm the shopper picks: "I'll suffer through the ads", "Yes, cancel – I'm giving up on my goals", "Yes, I
                // want worse music", "Stay unprotected", "Turn off and leave my devices unprotected", "Cancel and stop supporting local journalism"
                TextRule.of("misdirection.button_names_the_harm", CONFIRMSHAMING, 0.8,
                                "^\\W*(?:(?:yes|no|ok|okay),? (?:cancel\\W+)?)?(?:i'll suffer\\b|i(?:'m| am) giving up on\\b|i (?:want|prefer|choose) (?:worse|lower quality|slower|ugly|boring)\\b"
                                        + "|i'll stay (?:single|lonely|broke|unprotected|behind|stuck|unfit)\\b)"
                                        + "|^\\W*(?:turn off and |cancel and )?(?:stay|remain|leave (?:me|us|my [\\w ]{2,20})|keep (?:me|my [\\w ]{2,20})) (?:unprotected|exposed|vulnerable|at risk|unsafe|insecure)\\W*$"
                                        + "|\\b(?:and|without) (?:stop )?supporting (?:local |independent |quality |our )?(?:journalism|creators|artists|farmers|the team|us|writers)\\b"
                                        + "|\\bare you sure you want to (?:risk losing|miss out|give up on|abandon|leave (?:them|him|her|us|the \\w+) (?:hungry|alone|behind|cold|waiting)|stop (?:helping|supporting|protecting|feeding))\\b")
                        .maxLength(BUTTON),
                // Pressure towards the bigger option: "Don't settle for a standard room", "9 in 10 guests regret not buying it before sailing",
                // "don't travel without it!", "don't get left behind", "Families who don't choose seats may not sit together", "Most renters choose
                // Premium Protection", "$250K could leave yours short — upgrade", "going down to Standard means a blurry picture"
                TextRule.of("misdirection.dont_settle_or_regret", PRESSURED_SELLING, 0.7,
                                "\\b(?:don't|do not|never) settle for (?:less|an? |the |standard|basic|\\d|one|second)"
                                        + "|\\bregret (?:not (?:buying|adding|getting|booking|choosing|upgrading|picking)|(?:choosing|picking|buying) (?:the )?(?:\\d+|cheaper|basic|standard|smaller))\\b"
                                        + "|\\b(?:don't|do not|never) (?:travel|leave|go|fly|drive|ride|sail|check ?out) without (?:it|this|one|them|protection|cover)\\b"
                                        + "|\\b(?:don't|do not) (?:get|be) (?:left behind|split up|the one (?:who|that) miss)"
                                        + "|\\bwho (?:don't|do not) (?:choose|pick|book|buy|add) [\\w ]{2,20} (?:may|might|could|will) (?:not|end up)\\b"
                                        + "|\\bmost (?:customers|shoppers|renters|buyers|subscribers|families|guests|travell?ers|passengers|drivers|owners|members|players) (?:choose|pick|go for|add|do|need|upgrade|prefer)\\b"
                                        + "|\\bcould leave (?:you|yours|your [\\w ]{2,12}) (?:short|exposed|stranded|out of pocket)\\b|\\b(?:going down|downgrading|switching down) to [\\w ]{2,15} means\\b")
                        .requires("\\b(?:add|upgrade|premium|plus|pro|package|plan|protection|cover|insurance|bundle|pass|room|seats?|months?|deluxe|executive|gems?|it|now|\\d)\\b")
                        .maxLength(220),
                // "By not unchecking this box you agree not to opt out", "you refuse to not receive our partners' offers"
                TextRule.of("misdirection.not_unchecking", TRICK_QUESTIONS, 0.8,
                        "\\bby not un-?(?:checking|ticking|selecting)\\b|\\b(?:refuse|decline) to not\\b|\\bagree not to opt[- ]?out\\b"));
    }
}
