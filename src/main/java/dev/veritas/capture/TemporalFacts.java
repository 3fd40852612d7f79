package dev.veritas.capture;

import java.util.List;
import java.util.Optional;

/**
 * Timers and counters read at page load, again a few seconds later, and after a reload: a real countdown
 * goes down with the clock and keeps going after a reload; a fake one stands still, runs oddly or restarts.
 */
public record TemporalFacts(List<Observation> timers, List<Observation> counters) {
    public TemporalFacts {
        timers = List.copyOf(timers);
        counters = List.copyOf(counters);
    }

    public static TemporalFacts none() {
        return new TemporalFacts(List.of(), List.of());
    }

    /** One element followed over time; {@code context} is nearby text ("Offer ends in"). */
    public record Observation(String selector, String context, List<Reading> readings) {
        public Observation {
            readings = List.copyOf(readings);
        }

        public Optional<Reading> at(String moment) {
            return readings.stream().filter(r -> r.moment().equals(moment)).findFirst();
        }
    }

    /**
     * One reading: {@code moment} is load, later or reload; {@code atMillis} is measured from the first load;
     * {@code value} is the timer in seconds, or the counter's number.
     */
    public record Reading(String moment, long atMillis, String text, Optional<Long> value) {
        public static final String LOAD = "load";
        public static final String LATER = "later";
        public static final String RELOAD = "reload";
    }
}
