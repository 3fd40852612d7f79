package dev.veritas.store.jdbc;

/** The few places where SQLite and PostgreSQL SQL differ. */
public enum Dialect {
    // SQLite needs no row locks: one writer connection holds the database's write lock for every write.
    SQLITE("?", "?", "", "", "LIKE"),
    POSTGRES("CAST(? AS jsonb)", "CAST(? AS text)", " FOR UPDATE SKIP LOCKED", " FOR UPDATE", "ILIKE");

    private final String jsonParam;
    private final String textParam;
    private final String skipLocked;
    private final String forUpdate;
    private final String caseInsensitiveLike;

    Dialect(String jsonParam, String textParam, String skipLocked, String forUpdate, String caseInsensitiveLike) {
        this.jsonParam = jsonParam;
        this.textParam = textParam;
        this.skipLocked = skipLocked;
        this.forUpdate = forUpdate;
        this.caseInsensitiveLike = caseInsensitiveLike;
    }

    /** Suffix that locks a row read before it is changed, so concurrent changes of one audit serialise. */
    public String forUpdate() {
        return forUpdate;
    }

    /** The case-insensitive LIKE operator. */
    public String like() {
        return caseInsensitiveLike;
    }

    /** A parameter bound as JSON text. */
    public String json() {
        return jsonParam;
    }

    /** A text parameter in a position where PostgreSQL cannot infer its type (a bare SELECT list). */
    public String text() {
        return textParam;
    }

    /** Suffix for claiming rows so concurrent workers on other nodes skip rows another worker holds. */
    public String skipLocked() {
        return skipLocked;
    }
}
