package dev.veritas.capture;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A form: where it sends what the user types, how, what it asks for, and its own text (labels, buttons, notes;
 * at most {@link #MAX_TEXT} characters).
 */
public record FormFacts(
        Optional<URI> action,
        String method,
        List<InputFacts> inputs,
        String selector,
        String text) {
    public static final int MAX_TEXT = 400;

    public FormFacts {
        inputs = List.copyOf(inputs);
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    /** A form whose text was not read. */
    public FormFacts(Optional<URI> action, String method, List<InputFacts> inputs, String selector) {
        this(action, method, inputs, selector, "");
    }

    public boolean asksForPassword() {
        return inputs.stream().anyMatch(InputFacts::looksLikePasswordField);
    }

    /** A field for a one-time code (an SMS or authenticator code), the second thing a credential phish asks for. */
    public boolean asksForOneTimeCode() {
        return inputs.stream().anyMatch(InputFacts::looksLikeOneTimeCodeField);
    }

    public boolean asksForCard() {
        return inputs.stream().anyMatch(InputFacts::looksLikeCardField);
    }

    public boolean asksForEmail() {
        return inputs.stream().anyMatch(i -> i.type().equals("email") || i.hint().contains("email"));
    }

    public record InputFacts(String type, String name, String hint, String autocomplete) {
        private static final Pattern PASSWORD = Pattern.compile("\\b(pass|passwd|password|passwort|contrase\\S*|mot de passe|senha|pwd)\\b");
        private static final Set<String> TEXT_TYPES = Set.of("text", "", "tel", "number");
        private static final Pattern ONE_TIME_CODE = Pattern.compile("\\b(otp|one[- ]?time|verification code|security code|auth\\w* code"
                + "|2fa|mfa|two[- ]?factor|sms code|login code|\\d[- ]?digit( code)?|passcode)\\b");
        private static final Pattern NOT_A_SECRET_CODE = Pattern.compile("promo|coupon|voucher|discount|gift|postal|zip|post ?code|country|area"
                + "|referr|invit|captcha|source|card");

        /** A password box, or a text box named or labelled as the password (kits that show what is typed still collect it). */
        public boolean looksLikePasswordField() {
            if (type.equals("password")) {
                return true;
            }
            return TEXT_TYPES.contains(type) && PASSWORD.matcher((name + " " + hint).toLowerCase(Locale.ROOT).replace('_', ' ')).find();
        }

        public boolean looksLikeOneTimeCodeField() {
            if (autocomplete.equals("one-time-code")) {
                return true;
            }
            String h = (name + " " + hint).toLowerCase(Locale.ROOT).replace('_', ' ');
            return TEXT_TYPES.contains(type) && ONE_TIME_CODE.matcher(h).find() && !NOT_A_SECRET_CODE.matcher(h).find();
        }

        public boolean looksLikeCardField() {
            String h = (name + " " + hint + " " + autocomplete).toLowerCase(Locale.ROOT);
            return autocomplete.startsWith("cc-") || h.matches(".*\\b(card|credit|ccnum|cc-?number|cvv|cvc|csc|expir).*");
        }
    }
}
