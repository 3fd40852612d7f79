package dev.veritas.store;

import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Require;
import dev.veritas.audit.RiskLevel;
import java.time.Instant;
import java.util.Optional;

import java.util.Locale;
/** Filters, order and page of a history request. Empty filters match everything. */
public record HistoryQuery(
        Optional<AuditStatus> status,
        Optional<RiskLevel> riskLevel,
        Optional<String> host,
        Optional<String> urlContains,
        Optional<Integer> minScore,
        Optional<Integer> maxScore,
        Optional<Instant> createdFrom,
        Optional<Instant> createdTo,
        HistorySort sort,
        int limit,
        Optional<String> cursor) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 20;

    public HistoryQuery {
        Require.present("status", status);
        Require.present("risk_level", riskLevel);
        Require.present("host", host);
        Require.present("url", urlContains);
        Require.present("min_score", minScore);
        Require.present("max_score", maxScore);
        Require.present("created_from", createdFrom);
        Require.present("created_to", createdTo);
        Require.present("sort", sort);
        Require.present("cursor", cursor);
        Require.between("limit", limit, 1, MAX_LIMIT);
        minScore.ifPresent(s -> Require.between("min_score", s, 0, 100));
        maxScore.ifPresent(s -> Require.between("max_score", s, 0, 100));
        if (minScore.isPresent() && maxScore.isPresent() && minScore.get() > maxScore.get()) {
            throw new IllegalArgumentException("min_score (" + minScore.get() + ") must not be above max_score (" + maxScore.get() + ")");
        }
        if (createdFrom.isPresent() && createdTo.isPresent() && createdFrom.get().isAfter(createdTo.get())) {
            throw new IllegalArgumentException("created_from must not be after created_to");
        }
        host = host.map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT));
        urlContains = urlContains.map(String::strip).filter(u -> !u.isEmpty());
        host.ifPresent(h -> Require.text("host", h, 253));
        urlContains.ifPresent(u -> Require.text("url", u, 2048));
    }

    public static HistoryQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.riskLevel = riskLevel;
        b.host = host;
        b.urlContains = urlContains;
        b.minScore = minScore;
        b.maxScore = maxScore;
        b.createdFrom = createdFrom;
        b.createdTo = createdTo;
        b.sort = sort;
        b.limit = limit;
        b.cursor = cursor;
        return b;
    }

    public static final class Builder {
        private Optional<AuditStatus> status = Optional.empty();
        private Optional<RiskLevel> riskLevel = Optional.empty();
        private Optional<String> host = Optional.empty();
        private Optional<String> urlContains = Optional.empty();
        private Optional<Integer> minScore = Optional.empty();
        private Optional<Integer> maxScore = Optional.empty();
        private Optional<Instant> createdFrom = Optional.empty();
        private Optional<Instant> createdTo = Optional.empty();
        private HistorySort sort = HistorySort.NEWEST;
        private int limit = DEFAULT_LIMIT;
        private Optional<String> cursor = Optional.empty();

        public Builder status(AuditStatus v) { status = Optional.ofNullable(v); return this; }
        public Builder riskLevel(RiskLevel v) { riskLevel = Optional.ofNullable(v); return this; }
        public Builder host(String v) { host = Optional.ofNullable(v); return this; }
        public Builder urlContains(String v) { urlContains = Optional.ofNullable(v); return this; }
        public Builder minScore(Integer v) { minScore = Optional.ofNullable(v); return this; }
        public Builder maxScore(Integer v) { maxScore = Optional.ofNullable(v); return this; }
        public Builder createdFrom(Instant v) { createdFrom = Optional.ofNullable(v); return this; }
        public Builder createdTo(Instant v) { createdTo = Optional.ofNullable(v); return this; }
        public Builder sort(HistorySort v) { sort = v; return this; }
        public Builder limit(int v) { limit = v; return this; }
        public Builder cursor(String v) { cursor = Optional.ofNullable(v).filter(c -> !c.isBlank()); return this; }

        public HistoryQuery build() {
            return new HistoryQuery(status, riskLevel, host, urlContains, minScore, maxScore, createdFrom, createdTo, sort, limit, cursor);
        }
    }
}
