package dev.veritas.capture.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.veritas.capture.BrandMark;
import dev.veritas.capture.BrandingFacts;
import dev.veritas.capture.CheckboxFacts;
import dev.veritas.capture.ControlFacts;
import dev.veritas.capture.FormFacts;
import dev.veritas.capture.LinkFacts;
import dev.veritas.capture.ScriptFacts;
import dev.veritas.capture.TextSegment;

/** What extract.js read from a live page, as records. */
record BrowserFacts(
        String title,
        List<TextSegment> segments,
        List<ControlFacts> controls,
        List<CheckboxFacts> checkboxes,
        List<FormFacts> forms,
        List<ScriptFacts> scripts,
        List<LinkFacts> links,
        List<Candidate> timers,
        List<Candidate> counters,
        BrandingFacts branding) {

    /** An element that looks like a timer or a counter. */
    record Candidate(String selector, String text, String context) {}

    static BrowserFacts parse(String json, String moment) {
        JsonNode root = Json.parse(json);
        List<TextSegment> segments = new ArrayList<>();
        for (JsonNode s : root.path("segments")) {
            segments.add(new TextSegment(s.path("text").asText(), s.path("tag").asText(), s.path("selector").asText(),
                    s.path("fontSize").asDouble(16), s.path("visible").asBoolean(true), s.path("contrast").asDouble(0), moment,
                    s.path("region").asText(""), s.path("nearOffer").asBoolean(false)));
        }
        List<ControlFacts> controls = new ArrayList<>();
        for (JsonNode c : root.path("controls")) {
            controls.add(new ControlFacts(c.path("text").asText(), c.path("tag").asText(), c.path("selector").asText(),
                    c.path("fontSize").asDouble(16), c.path("visible").asBoolean(true), c.path("opacity").asDouble(1),
                    c.path("contrast").asDouble(0), c.path("width").asDouble(0), c.path("height").asDouble(0), c.path("inDialog").asBoolean(false)));
        }
        List<CheckboxFacts> boxes = new ArrayList<>();
        for (JsonNode b : root.path("checkboxes")) {
            boxes.add(new CheckboxFacts(b.path("label").asText(), b.path("name").asText(), b.path("type").asText(),
                    b.path("checked").asBoolean(), b.path("inForm").asBoolean(), b.path("visible").asBoolean(true), b.path("selector").asText()));
        }
        List<FormFacts> forms = new ArrayList<>();
        for (JsonNode f : root.path("forms")) {
            List<FormFacts.InputFacts> inputs = new ArrayList<>();
            for (JsonNode i : f.path("inputs")) {
                inputs.add(new FormFacts.InputFacts(i.path("type").asText("text"), i.path("name").asText(), i.path("hint").asText(),
                        i.path("autocomplete").asText()));
            }
            forms.add(new FormFacts(uri(f.path("action").asText()), f.path("method").asText("get"), inputs, f.path("selector").asText(),
                    f.path("text").asText("")));
        }
        List<ScriptFacts> scripts = new ArrayList<>();
        for (JsonNode s : root.path("scripts")) {
            scripts.add(new ScriptFacts(text(s, "src"), text(s, "integrity"), text(s, "crossorigin"), s.path("type").asText(), s.path("text").asText()));
        }
        List<LinkFacts> links = new ArrayList<>();
        for (JsonNode l : root.path("links")) {
            uri(l.path("href").asText()).ifPresent(u -> links.add(new LinkFacts(u, l.path("text").asText(), l.path("visible").asBoolean(true))));
        }
        return new BrowserFacts(root.path("title").asText(), segments, controls, boxes, forms, scripts, links,
                candidates(root.path("timers")), candidates(root.path("counters")), branding(root.path("branding")));
    }

    private static BrandingFacts branding(JsonNode b) {
        List<String> headings = new ArrayList<>();
        b.path("headings").forEach(h -> headings.add(h.asText()));
        List<BrandMark> marks = new ArrayList<>();
        for (JsonNode m : b.path("marks")) {
            marks.add(new BrandMark(m.path("kind").asText(BrandMark.IMG), m.path("src").asText(""), m.path("alt").asText(""),
                    m.path("label").asText(""), m.path("hint").asText(""), m.path("logo").asBoolean(false), m.path("context").asText(""),
                    m.path("visible").asBoolean(true)));
        }
        List<URI> icons = new ArrayList<>();
        b.path("icons").forEach(i -> uri(i.asText()).ifPresent(icons::add));
        String site = b.path("siteName").asText("");
        return new BrandingFacts(headings, marks, icons, site.isBlank() ? Optional.empty() : Optional.of(site));
    }

    private static List<Candidate> candidates(JsonNode array) {
        List<Candidate> out = new ArrayList<>();
        for (JsonNode c : array) {
            out.add(new Candidate(c.path("selector").asText(), c.path("text").asText(), c.path("context").asText()));
        }
        return out;
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<URI> uri(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(s.strip().replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
