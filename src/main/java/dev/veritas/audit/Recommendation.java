package dev.veritas.audit;

import java.util.List;

/** Advice for the person reading the report, with the findings it rests on. */
public record Recommendation(Severity priority, String text, List<String> basedOn) {
    public Recommendation {
        Require.present("priority", priority);
        Require.text("recommendation text", text, 2000);
        basedOn = Require.list("based_on", basedOn);
    }
}
