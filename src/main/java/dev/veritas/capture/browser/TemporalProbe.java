package dev.veritas.capture.browser;

import dev.veritas.capture.TemporalFacts.Observation;
import dev.veritas.capture.TemporalFacts.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.veritas.capture.browser.BrowserFacts;
import dev.veritas.capture.TemporalFacts;
import dev.veritas.capture.TimerText;

/** Joins the readings of the same timer or counter (same element) at load, later and after a reload. */
final class TemporalProbe {
    private TemporalProbe() {}

    static TemporalFacts combine(BrowserFacts load, long loadMs, BrowserFacts later, long laterMs, Optional<BrowserFacts> reload, long reloadMs) {
        return new TemporalFacts(
                join(load.timers(), loadMs, later.timers(), laterMs, reload.map(BrowserFacts::timers), reloadMs, true),
                join(load.counters(), loadMs, later.counters(), laterMs, reload.map(BrowserFacts::counters), reloadMs, false));
    }

    private static List<Observation> join(List<BrowserFacts.Candidate> load, long loadMs, List<BrowserFacts.Candidate> later, long laterMs,
                                          Optional<List<BrowserFacts.Candidate>> reload, long reloadMs, boolean timer) {
        List<Observation> out = new ArrayList<>();
        for (BrowserFacts.Candidate c : load) {
            List<Reading> readings = new ArrayList<>();
            readings.add(reading(Reading.LOAD, loadMs, c.text(), timer));
            find(later, c.selector()).ifPresent(l -> readings.add(reading(Reading.LATER, laterMs, l.text(), timer)));
            reload.flatMap(r -> find(r, c.selector())).ifPresent(r -> readings.add(reading(Reading.RELOAD, reloadMs, r.text(), timer)));
            out.add(new Observation(c.selector(), c.context(), readings));
        }
        return out;
    }

    private static Optional<BrowserFacts.Candidate> find(List<BrowserFacts.Candidate> list, String selector) {
        return list.stream().filter(c -> c.selector().equals(selector)).findFirst();
    }

    private static Reading reading(String moment, long at, String text, boolean timer) {
        return new Reading(moment, at, text, timer ? TimerText.seconds(text) : TimerText.count(text));
    }
}
