package dev.veritas.store.jdbc;

import dev.veritas.store.HistoryCursor;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.HistorySort;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of one history request: filters shared by the page and the count, keyset paging for the page. */
final class HistorySql {
    private static final String SCORE_KEY = "COALESCE(trust_score, -1)";

    private final StringBuilder where = new StringBuilder(" WHERE 1=1");
    private final List<Object> params = new ArrayList<>();
    private final HistoryQuery query;

    HistorySql(HistoryQuery query, Dialect dialect) {
        this.query = query;
        query.status().ifPresent(s -> add(" AND status = ?", s.wire()));
        query.riskLevel().ifPresent(r -> add(" AND risk_level = ?", r.wire()));
        query.host().ifPresent(h -> add(" AND host = ?", h));
        query.urlContains().ifPresent(u -> add(" AND url " + dialect.like() + " ? ESCAPE '\\'", "%" + escapeLike(u) + "%"));
        query.minScore().ifPresent(s -> add(" AND trust_score >= ?", s));
        query.maxScore().ifPresent(s -> add(" AND trust_score <= ?", s));
        query.createdFrom().ifPresent(t -> add(" AND created_at >= ?", t.toEpochMilli()));
        query.createdTo().ifPresent(t -> add(" AND created_at <= ?", t.toEpochMilli()));
    }

    private void add(String clause, Object param) {
        where.append(clause);
        params.add(param);
    }

    /** With no filter, or only a status, the total comes from the trigger-kept table instead of counting rows. */
    private boolean countsFromTotals() {
        return query.riskLevel().isEmpty() && query.host().isEmpty() && query.urlContains().isEmpty() && query.minScore().isEmpty()
                && query.maxScore().isEmpty() && query.createdFrom().isEmpty() && query.createdTo().isEmpty();
    }

    String countSql() {
        if (countsFromTotals()) {
            return query.status().isPresent() ? "SELECT n FROM audit_totals WHERE status = ?" : "SELECT sum(n) FROM audit_totals";
        }
        return "SELECT count(*) FROM audits" + where;
    }

    void bindCount(PreparedStatement ps) throws SQLException {
        bind(ps, params);
    }

    String pageSql() {
        StringBuilder sql = new StringBuilder("SELECT ").append(AuditRows.SUMMARY_COLUMNS).append(" FROM audits").append(where);
        if (query.cursor().isPresent()) {
            sql.append(switch (query.sort()) {
                case NEWEST -> " AND seq < ?";
                case OLDEST -> " AND seq > ?";
                case SCORE_DESC -> " AND (" + SCORE_KEY + " < ? OR (" + SCORE_KEY + " = ? AND seq < ?))";
                case SCORE_ASC -> " AND (" + SCORE_KEY + " > ? OR (" + SCORE_KEY + " = ? AND seq > ?))";
            });
        }
        sql.append(switch (query.sort()) {
            case NEWEST -> " ORDER BY seq DESC";
            case OLDEST -> " ORDER BY seq ASC";
            case SCORE_DESC -> " ORDER BY " + SCORE_KEY + " DESC, seq DESC";
            case SCORE_ASC -> " ORDER BY " + SCORE_KEY + " ASC, seq ASC";
        });
        return sql.append(" LIMIT ?").toString();
    }

    void bindPage(PreparedStatement ps) throws SQLException {
        List<Object> all = new ArrayList<>(params);
        query.cursor().ifPresent(token -> {
            HistoryCursor c = HistoryCursor.decode(token, query.sort());
            if (query.sort() == HistorySort.SCORE_DESC || query.sort() == HistorySort.SCORE_ASC) {
                all.add(c.scoreKey());
                all.add(c.scoreKey());
            }
            all.add(c.seq());
        });
        all.add(query.limit() + 1); // one more than asked tells whether a next page exists
        bind(ps, all);
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
