package dev.veritas.audit;

import java.time.Duration;

/** How deep an audit goes. Budgets are enforced by the engine, not advisory. */
public enum Tier implements WireEnum {
    QUICK_SCAN(1, 4, Duration.ofSeconds(45), "One page: headers, transport, phishing signals and the page's dark patterns. About 5–10 seconds."),
    STANDARD_AUDIT(5, 15, Duration.ofSeconds(120), "Up to 5 pages, priority pages first (login, checkout, pricing, policies); pages with timers are watched over time. About 10–15 seconds."),
    DEEP_FORENSIC(10, 30, Duration.ofSeconds(300), "Up to 10 pages, every page watched over time (a second look and a reload). About 40–60 seconds.");

    private final int maxPages;
    private final int maxScreenshots;
    private final Duration wallTime;
    private final String description;

    Tier(int maxPages, int maxScreenshots, Duration wallTime, String description) {
        this.maxPages = maxPages;
        this.maxScreenshots = maxScreenshots;
        this.wallTime = wallTime;
        this.description = description;
    }

    public int maxPages() {
        return maxPages;
    }

    public int maxScreenshots() {
        return maxScreenshots;
    }

    public Duration wallTime() {
        return wallTime;
    }

    public String description() {
        return description;
    }

    public static Tier parse(String value) {
        return WireEnum.parse(Tier.class, "tier", value);
    }
}
