package dev.veritas.store.copy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns a copy carries, table by table, and how each is read, written and compared. Values are read into the
 * same Java shapes from both databases (text, long, double, JSON in one canonical form), so an audit's checksum is
 * the same wherever it is computed.
 */
final class CopiedTables {
    private CopiedTables() {}

    enum Kind { TEXT, LONG, DOUBLE, JSON }

    record Column(String name, Kind kind) {}

    /** Everything of an audit row except {@code seq}, which orders audits in the database they are in. */
    static final List<Column> AUDIT = columns("id:T url:T host:T status:T tier:T verdict_mode:T trust_score:L risk_level:T signal_scores:J "
            + "overrides:J narrative:T recommendations:J site_type:T site_type_confidence:D security_results:J pages_scanned:L "
            + "screenshots_count:L findings_count:L elapsed_ms:L errors:J error_message:T attempts:L lease_owner:T lease_expires_at:L "
            + "created_at:L started_at:L completed_at:L updated_at:L version:L lease_epoch:L");
    /** Findings without their row id: their order is kept, their numbers are the target's. */
    static final List<Column> FINDING = columns("audit_id:T check_id:T category:T pattern_type:T severity:T confidence:D title:T "
            + "description:T plain_english:T page_url:T evidence:J screenshot_index:L created_at:L");
    static final List<Column> SCREENSHOT = columns("audit_id:T index_num:L label:T page_url:T file_path:T media_type:T width:L height:L "
            + "file_size_bytes:L sha256:T created_at:L");
    /** Events keep their ids: a client resuming a stream with Last-Event-ID goes on where it was. */
    static final List<Column> EVENT = columns("id:L audit_id:T type:T data:J created_at:L");

    private static final JsonMapper CANONICAL = JsonMapper.builder().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true).build();

    private static List<Column> columns(String spec) {
        return List.of(spec.split(" ")).stream().map(s -> {
            String[] p = s.split(":");
            Kind kind = switch (p[1]) {
                case "T" -> Kind.TEXT;
                case "L" -> Kind.LONG;
                case "D" -> Kind.DOUBLE;
                default -> Kind.JSON;
            };
            return new Column(p[0], kind);
        }).toList();
    }

    static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code ?} per column, JSON ones cast as the target needs ({@code jsonPlaceholder}). */
    static String placeholders(List<Column> columns, String jsonPlaceholder) {
        return columns.stream().map(c -> c.kind() == Kind.JSON ? jsonPlaceholder : "?").collect(Collectors.joining(", "));
    }

    static Object[] read(ResultSet rs, List<Column> columns) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            values[i] = switch (c.kind()) {
                case TEXT -> rs.getString(c.name());
                case LONG -> {
                    long v = rs.getLong(c.name());
                    yield rs.wasNull() ? null : v;
                }
                case DOUBLE -> {
                    double v = rs.getDouble(c.name());
                    yield rs.wasNull() ? null : v;
                }
                case JSON -> canonicalJson(rs.getString(c.name()));
            };
        }
        return values;
    }

    static void bind(PreparedStatement ps, int first, List<Column> columns, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int at = first + i;
            Object v = values[i];
            switch (columns.get(i).kind()) {
                case TEXT, JSON -> {
                    if (v == null) {
                        ps.setNull(at, Types.VARCHAR);
                    } else {
                        ps.setString(at, (String) v);
                    }
                }
                case LONG -> {
                    if (v == null) {
                        ps.setNull(at, Types.BIGINT);
                    } else {
                        ps.setLong(at, (Long) v);
                    }
                }
                case DOUBLE -> {
                    if (v == null) {
                        ps.setNull(at, Types.DOUBLE);
                    } else {
                        ps.setDouble(at, (Double) v);
                    }
                }
            }
        }
    }

    /** JSON with its keys sorted and no spaces: SQLite keeps the text as written, PostgreSQL's jsonb its own way. */
    static String canonicalJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = CANONICAL.readTree(text);
            return CANONICAL.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds text that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
