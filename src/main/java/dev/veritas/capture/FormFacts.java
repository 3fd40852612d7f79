package dev.veritas.capture;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A form: where it sends what the user types, how, and what it asks for. */
public record FormFacts(
        Optional<URI> action,
        String method,
        List<InputFacts> inputs,
        String selector) {

    public FormFacts {
        inputs = List.copyOf(inputs);
    }

    public boolean asksForPassword() {
        return inputs.stream().anyMatch(i -> i.type().equals("password"));
    }

    public boolean asksForCard() {
        return inputs.stream().anyMatch(InputFacts::looksLikeCardField);
    }

    public boolean asksForEmail() {
        return inputs.stream().anyMatch(i -> i.type().equals("email") || i.hint().contains("email"));
    }

    public record InputFacts(String type, String name, String hint, String autocomplete) {
        public boolean looksLikeCardField() {
            String h = (name + " " + hint + " " + autocomplete).toLowerCase(java.util.Locale.ROOT);
            return autocomplete.startsWith("cc-") || h.matches(".*\\b(card|credit|ccnum|cc-?number|cvv|cvc|csc|expir).*");
        }
    }
}
