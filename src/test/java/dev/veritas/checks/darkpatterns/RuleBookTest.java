package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One example per rule id, so a rule that stops firing, or a new rule without an example, fails here. */
class RuleBookTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("scarcity.only_n_left", "Just 4 pairs left in stock"),
                Arguments.of("sneaking.extra_added_for_you", "We've added a donation to your basket for the animal shelter"),
                Arguments.of("misdirection.decline_styled_away", "Get the deal / no thanks (small grey text)"),
                Arguments.of("sneaking.extra_already_in_basket", "Travel insurance ($12.50) has been added to your basket"),
                Arguments.of("sneaking.fee_added_at_payment", "A booking fee of 3.5% will be applied at checkout"),
                Arguments.of("sneaking.token_price_then_recurring", "Try it for $2 today, then your plan renews at $24 each month"),
                Arguments.of("forced.account_to_read_or_buy", "Create a free account to read the rest of this guide"),
                Arguments.of("social.praise_signed_by_nobody", "Best serum I have ever used!! - Chloe"),
                Arguments.of("social.crowd_quoted", "Millions of happy customers: \"Wow, just wow\""),
                Arguments.of("misdirection.decline_good_thing", "No thanks, I don't need healthier teeth"),
                Arguments.of("misdirection.do_not_uncheck", "Don't untick this box if you prefer no updates"),
                Arguments.of("misdirection.priced_extra_selected", "Express packing selected (+£2.00)"),
                Arguments.of("scarcity.n_left_badge", "Availability: 6 units left!"),
                Arguments.of("scarcity.left_count", "Tickets remaining: 7"),
                Arguments.of("scarcity.small_count_in_stock", "Colour Red - 3 in stock"),
                Arguments.of("scarcity.n_remain", "Six tickets left for this date"),
                Arguments.of("scarcity.last_n", "Grab one of the last 9 at this price"),
                Arguments.of("scarcity.only_have_n", "We only have 3 of these in our Leeds store"),
                Arguments.of("scarcity.only_n_then_stock", "There are only 4 tins of salmon pate left"),
                Arguments.of("scarcity.remaining_units", "Economy Light: the remaining six seats"),
                Arguments.of("scarcity.stock_count_pressure", "Stock: 2 - order soon"),
                Arguments.of("scarcity.few_left", "Only a handful of seats left"),
                Arguments.of("scarcity.less_than_n", "Fewer than 8 remaining"),
                Arguments.of("scarcity.low_stock_words", "Stock is running low on this lamp"),
                Arguments.of("scarcity.not_restocked", "Once it's gone, it won't be restocked"),
                Arguments.of("scarcity.almost_gone", "Nearly gone! Get yours"),
                Arguments.of("scarcity.share_claimed", "64% claimed - grab it"),
                Arguments.of("scarcity.high_demand", "This jacket is in very high demand"),
                Arguments.of("scarcity.selling_fast", "These boots are flying off the shelves"),
                Arguments.of("urgency.clock_with_seconds", "Deal of the day 03:12:45"),
                Arguments.of("urgency.clock_with_deadline_word", "Discount expires 14:59"),
                Arguments.of("urgency.timer_units", "01 days 09 hours 33 minutes 02 seconds"),
                Arguments.of("urgency.minutes_seconds", "Checkout within 9 min 41 sec"),
                Arguments.of("urgency.days_hours_with_deadline_word", "Offer ends 1 day 6 hours from now"),
                Arguments.of("urgency.ends_in", "Weekend promotion closes in"),
                Arguments.of("urgency.reserved_for", "Seats held for 8 minutes"),
                Arguments.of("urgency.order_within", "Order within 0 3 : 1 4 : 0 9"),
                Arguments.of("urgency.delivery_countdown", "Order in the next 1h 22m and save an extra 10%"),
                Arguments.of("urgency.limited_time", "Limited-time price"),
                Arguments.of("urgency.limited_or_one_time_offer", "This is a one-time offer for new visitors"),
                Arguments.of("urgency.ends_soon", "Our summer sale ends tonight"),
                Arguments.of("urgency.hurry", "Hurry up, these go quickly"),
                Arguments.of("social.n_people_active", "14 shoppers are considering this sofa"),
                Arguments.of("social.n_viewing_now", "31 now viewing this"),
                Arguments.of("social.n_recently_verb", "27 recently bought"),
                Arguments.of("social.n_times", "Ordered 56 times this week"),
                Arguments.of("social.n_recent_sales", "120 pairs sold in the past week"),
                Arguments.of("social.n_bought_badge", "1.2k sold"),
                Arguments.of("social.bought_by_n", "Purchased by 212 customers"),
                Arguments.of("social.in_other_carts", "In 11 other people's carts"),
                Arguments.of("social.in_n_carts", "Added to 86 carts today"),
                Arguments.of("social.count_in_recent_window", "2,000+ sold this season"),
                Arguments.of("social.name_just_acted", "Priya just ordered the Linen Wrap Dress"),
                Arguments.of("social.sold_to_someone", "Just sold to a customer in Lyon"),
                Arguments.of("social.someone_bought", "A shopper from Lyon recently ordered Blue Mug"),
                Arguments.of("social.someone_viewing", "Another customer is looking at this right now"),
                Arguments.of("social.recent_order_card", "Omar - Dubai, UAE - 17 minutes ago - Oud Perfume 100ml"),
                Arguments.of("social.name_place_bought", "Priya from Pune bought Cotton Kurta"),
                Arguments.of("social.bought_ago", "Marco ordered the Espresso Set 12 minutes ago"),
                Arguments.of("social.last_purchased", "Last bought 3 minutes ago"),
                Arguments.of("social.n_online_now", "84 visitors are online right now"),
                Arguments.of("social.anonymous_testimonial", "\"Best purchase I've ever made!!\" - Happy Customer"),
                Arguments.of("social.miracle_testimonial", "I lost 14 lbs in 3 weeks without dieting! - Jennifer, USA"),
                Arguments.of("social.unsourced_testimonials", "What everyone is saying about us"),
                Arguments.of("misdirection.shame_pay_more", "Nah, I'd love to pay more"),
                Arguments.of("misdirection.shame_refuse_benefit", "No, I don't need exclusive perks"),
                Arguments.of("misdirection.decline_claims_distaste", "No thanks, I don't appreciate handmade pottery"),
                Arguments.of("misdirection.leave_and_lose_mine", "Unsubscribe and forfeit my saved playlists"),
                Arguments.of("misdirection.leave_and_lose_mine", "Yes, cancel and lose all my loyalty prices"),
                Arguments.of("misdirection.decline_owning_a_harm", "Add a cycling helmet? No thanks, I'll risk my head"),
                Arguments.of("misdirection.loss_mourned_on_leave", "Are you sure? You'll miss out on all your member savings 😢"),
                Arguments.of("scarcity.running_low_badge", "Colour Sage: running low"),
                Arguments.of("scarcity.demand_surging", "Bookings are flooding in for half term"),
                Arguments.of("social.others_at_it_now", "Other shoppers near you are buying this right now"),
                Arguments.of("misdirection.not_ready_to_benefit", "Not ready to save $30? Close"),
                Arguments.of("misdirection.priced_extra_insisted", "Add screen protector for $12 - experts recommend!"),
                Arguments.of("scarcity.last_of_its_kind", "Colour: Olive - last pair"),
                Arguments.of("scarcity.dates_nearly_gone", "Only 3 nights still free in July"),
                Arguments.of("social.crowd_acted_recently", "326 parents in your city joined this week"),
                Arguments.of("social.someone_somewhere_just", "Tomasz from Gdansk just treated himself"),
                Arguments.of("social.last_used_ago", "Code last redeemed 4 minutes ago"),
                Arguments.of("urgency.hold_clock", "Finish payment in 09:30 or the seats go back on sale"),
                Arguments.of("urgency.offer_gone_for_good", "This bonus vanishes when you close this window"),
                Arguments.of("misdirection.upgrade_pressed_on_exit", "Before you go - switch to the family plan for $2 more"),
                Arguments.of("urgency.offer_gone_in_clock", "Your welcome bonus vanishes in 3h 45m"),
                Arguments.of("sneaking.priced_line_added", "Screen protector (£12.99) – added to your basket"),
                Arguments.of("misdirection.shame_walk_away", "No thanks, I'll pass on savings"),
                Arguments.of("misdirection.decline_with_excuse", "Skip - I enjoy sleeping badly"),
                Arguments.of("misdirection.shame_statement", "I'll risk it without travel insurance"),
                Arguments.of("misdirection.without_benefit", "Order without free membership $69.95"),
                Arguments.of("misdirection.decline_tucked_after_accept", "YES! GIVE ME 25% OFF no, continue to site"),
                Arguments.of("misdirection.check_to_refuse", "Tick the box if you don't want special offers"),
                Arguments.of("misdirection.double_negative_opt_out", "I do not wish to opt out of sharing my details with partners"),
                Arguments.of("misdirection.negated_checkbox", "If you would not like updates, make sure this checkbox is not ticked"),
                Arguments.of("misdirection.protection_upsell", "Get accidental damage cover for your laptop for only $49"),
                Arguments.of("misdirection.upsell_nudge", "Don't forget the batteries"),
                Arguments.of("misdirection.preselected_extra", "Recommended: Premium Protection Plan (3 years) - selected"),
                Arguments.of("misdirection.recommended_extra", "Storage: 256GB (+$200) (Recommended for you)"),
                Arguments.of("misdirection.regret_warning", "Customers who skip the setup service often regret it"),
                Arguments.of("misdirection.others_choose_upgrade", "Most customers choose the 6-bottle bundle"),
                Arguments.of("misdirection.exit_upsell", "Wait! Before you go, add Express Care for $14.99"),
                Arguments.of("misdirection.yes_upgrade", "Yes, upgrade me to express"),
                Arguments.of("sneaking.remove_preadded_extra", "Parcel protection $2.50 Remove protection"),
                Arguments.of("sneaking.added_for_you", "A cleaning kit was automatically added to your cart"),
                Arguments.of("sneaking.extra_fee", "Convenience fee: $4.00"),
                Arguments.of("sneaking.fee_not_in_price", "Resort fee of $35/night payable at hotel"),
                Arguments.of("sneaking.order_becomes_recurring", "By placing this order you agree to join VIP Club at $39.95/month"),
                Arguments.of("sneaking.auto_renew_with_fee", "Plan auto-renews each year at the full price"),
                Arguments.of("sneaking.trial_with_order", "Includes a complimentary 30-day trial membership with your order"),
                Arguments.of("sneaking.opt_in_becomes_paid", "By joining, you agree that we send a quarterly box at a charge of $15"),
                Arguments.of("sneaking.enrolled_in_fine_print", "*You will be enrolled in autoship and billed $89.97 every 30 days"),
                Arguments.of("sneaking.intro_then_billed", "After the introductory period you will be billed at the regular monthly price"),
                Arguments.of("obstruction.cancel_by_contact_only", "Subscription cancellations must be made by phone to our member services team"),
                Arguments.of("obstruction.no_online_cancel", "Memberships cannot be cancelled online, by email or by letter."),
                Arguments.of("forced.terms_bundle_marketing", "I accept the privacy policy and agree to receive promotional emails"),
                Arguments.of("forced.agree_by_continuing", "By signing up you agree to receive our marketing newsletter"),
                Arguments.of("forced.agree_to_continue", "To continue, agree to receive marketing emails from our partners"),
                Arguments.of("forced.account_to_buy", "Please register to see prices"),
                Arguments.of("forced.gate_before_goal", "Please create an account to proceed to payment"),
                Arguments.of("forced.account_required", "Registration is required for every order"),
                Arguments.of("sneaking.we_put_in_basket", "We've popped a travel adaptor (£6) in your bag"),
                Arguments.of("sneaking.extra_now_in_basket", "Seat selection (€9) has been added to your flight"),
                Arguments.of("sneaking.added_by_shop", "Polish kit £4.50 (added for you)"),
                Arguments.of("sneaking.trial_turns_paid", "Your free month turns into a £6.99/month plan unless cancelled"),
                Arguments.of("sneaking.purchase_starts_plan", "This purchase signs you up to Snack Club at $12 a month"),
                Arguments.of("sneaking.fee_on_top", "A $3.49 service fee applies to every order"),
                Arguments.of("obstruction.leave_through_a_person", "To cancel, please ring our team on 0800 111 2222"),
                Arguments.of("misdirection.box_works_backwards", "Leave this box unticked to receive partner offers"),
                Arguments.of("misdirection.fear_of_going_without", "Without the protection plan, a cracked screen could cost $250"),
                Arguments.of("misdirection.cheaper_talked_down", "Upgrade today - the basic plan may not be enough"),
                Arguments.of("scarcity.popular_now", "This room is very popular right now"),
                Arguments.of("scarcity.sells_out_often", "These lamps usually sell out"),
                Arguments.of("misdirection.shame_refuse_wellbeing", "Nope, I don't want healthier hair"),
                Arguments.of("misdirection.extra_pushed", "Don't risk it - get the 2-year cover for £25"),
                Arguments.of("sneaking.basket_line_put_there", "In your basket: phone stand £12 - added to complete your set"),
                Arguments.of("forced.account_is_a_must", "Sorry, checkout needs an account"),
                Arguments.of("misdirection.crowd_adds", "Most owners add the cleaning kit"),
                Arguments.of("urgency.for_the_next_clock", "Express shipping free for the next 04:59 only"),
                Arguments.of("urgency.short_window", "Rates increase next week, book today to lock in your fare"),
                Arguments.of("scarcity.limited_remaining", "Limited seats left for this date"),
                Arguments.of("scarcity.share_already_taken", "8 out of 10 tables booked tonight"),
                Arguments.of("social.handle_just_acted", "jenny_2001 just bought the starter kit"),
                Arguments.of("social.quote_of_a_crowd_or_role", "Loved by millions: \u201cMy skin has never looked better!\u201d"),
                Arguments.of("misdirection.decline_owning_a_harm", "No, I want to stay weak"),
                Arguments.of("misdirection.leave_and_suffer", "Cancel and lose all my saved recipes forever"),
                Arguments.of("misdirection.choice_hidden", "Got it! (accepts all cookies)"),
                Arguments.of("misdirection.negation_stacked", "Tick here if you do not wish to not receive our newsletter"),
                Arguments.of("misdirection.extra_sold_by_crowd_or_fear", "78% of owners protect their laptop - add cover for $49"),
                Arguments.of("sneaking.priced_extra_put_in", "Extended warranty ($79) included in your booking"),
                Arguments.of("sneaking.plan_starts_by_itself", "Try for $2 - then $49.99 every 4 weeks"),
                Arguments.of("sneaking.charge_shown_late", "A service charge of £12 is shown on the last step"),
                Arguments.of("forced.consent_as_entry_price", "Accept WhatsApp marketing to complete your order"),
                Arguments.of("obstruction.cancel_made_a_task", "Cancellations are only processed on Tuesdays between 9 and 10am"),
                Arguments.of("misdirection.decline_mocks_self", "No thanks, I enjoy paying full price for ink"),
                Arguments.of("misdirection.button_names_the_harm", "Turn off and leave my laptop unprotected"),
                Arguments.of("misdirection.decline_accepts_a_harm", "Nah, my tomatoes can wilt"),
                Arguments.of("misdirection.dont_settle_or_regret", "Don't settle for a basic cabin - upgrade to a balcony for $90"),
                Arguments.of("misdirection.not_unchecking", "By not unchecking this box you agree not to opt out of our emails"),
                Arguments.of("social.crowd_acted_lately", "230 runners joined the challenge in the last hour"),
                Arguments.of("social.praise_from_nowhere", "\u201cBest mattress we've ever slept on!\u201d"),
                Arguments.of("scarcity.said_plainly", "Last campervan available in Cairns for your dates"),
                Arguments.of("scarcity.filling_up", "Weekend ferries are filling up"),
                Arguments.of("urgency.deadline_said_plainly", "Bonus credit only for the next 24 hours"),
                Arguments.of("sneaking.priced_item_added_for_you", "Lint roller ($3.99) added to your basket to complete your order"),
                Arguments.of("sneaking.purchase_also_starts_plan", "Buying this bundle also starts your Gold Club membership at $7/month"),
                Arguments.of("sneaking.fee_paid_later_elsewhere", "A linen fee of $40 is payable in cash on arrival"),
                Arguments.of("obstruction.cancel_needs_more_steps", "Your cancellation is not complete until you speak to an advisor"),
                Arguments.of("forced.profile_or_contact_to_continue", "Create a free profile to continue to payment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void ruleFiresOnItsExample(String ruleId, String text) {
        List<TextRule.RuleHit> hits = RuleBook.standard().matchAll(TextNormalizer.normalize(text));
        assertThat(hits).extracting(h -> h.rule().id()).contains(ruleId);
        TextRule.RuleHit hit = hits.stream().filter(h -> h.rule().id().equals(ruleId)).findFirst().orElseThrow();
        assertThat(hit.phrase()).isNotBlank();
    }

    @Test
    void everyRuleHasAnExampleAbove() {
        Set<String> covered = examples().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(RuleBook.standard().rules()).extracting(TextRule::id).allMatch(covered::contains);
    }

    @Test
    void everyPatternTypeHasAtLeastOneRule() {
        Set<PatternType> withRules = RuleBook.standard().rules().stream().map(TextRule::type).collect(Collectors.toSet());
        assertThat(withRules).containsExactlyInAnyOrder(PatternType.values());
    }

    @Test
    void ruleIdsNameTheirCategory() {
        for (TextRule r : RuleBook.standard().rules()) {
            String prefix = r.id().substring(0, r.id().indexOf('.'));
            assertThat(r.type().category().wire()).as(r.id()).startsWith(prefix.equals("social") ? "social_proof" : prefix.equals("forced") ? "forced_action" : prefix);
        }
        assertThat(Arrays.stream(PatternCategory.values())).hasSize(7);
    }

    @Test
    void bookRejectsDuplicateIds() {
        TextRule r = TextRule.of("x.same", PatternType.LOW_STOCK_MESSAGE, 0.5, "a");
        assertThatThrownBy(() -> new RuleBook(List.of(r, r))).hasMessageContaining("x.same");
    }

    @Test
    void unlessAndRequiresAndMaxLengthShapeWhenARuleFires() {
        TextRule rule = TextRule.of("t.demo", PatternType.LOW_STOCK_MESSAGE, 0.5, "\\bleft\\b")
                .requires("\\bonly\\b").unless("\\bturn\\b").maxLength(20);
        assertThat(rule.match("only 2 left")).isPresent();
        assertThat(rule.match("2 left")).as("required clue missing").isEmpty();
        assertThat(rule.match("only turn left")).as("benign context").isEmpty();
        assertThat(rule.match("only the very long text left")).as("longer than a button").isEmpty();
        assertThat(rule.match("only 2 left").orElseThrow().phrase()).isEqualTo("left … only");
        assertThatThrownBy(() -> TextRule.of("t.bad", PatternType.LOW_STOCK_MESSAGE, 1.5, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
