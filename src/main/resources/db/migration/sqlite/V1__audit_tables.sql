-- Veritas audit store, SQLite dialect. Times are UTC epoch milliseconds; JSON columns hold JSON text.
-- Table and column names follow the original system so its tools and habits still apply.

CREATE TABLE audits (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,   -- insertion order: keyset pagination and "newest first"
    id                   TEXT    NOT NULL UNIQUE,
    url                  TEXT    NOT NULL,
    host                 TEXT    NOT NULL,
    status               TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    tier                 TEXT    NOT NULL CHECK (tier IN ('quick_scan', 'standard_audit', 'deep_forensic')),
    verdict_mode         TEXT    NOT NULL DEFAULT 'expert',
    trust_score          INTEGER CHECK (trust_score BETWEEN 0 AND 100),
    risk_level           TEXT    CHECK (risk_level IN ('trusted', 'probably_safe', 'suspicious', 'high_risk', 'likely_fraudulent')),
    signal_scores        TEXT,
    overrides            TEXT,
    narrative            TEXT,
    recommendations      TEXT,
    site_type            TEXT,
    site_type_confidence REAL,
    security_results     TEXT,
    pages_scanned        INTEGER NOT NULL DEFAULT 0,
    screenshots_count    INTEGER NOT NULL DEFAULT 0,
    findings_count       INTEGER NOT NULL DEFAULT 0,
    elapsed_ms           INTEGER,
    errors               TEXT,
    error_message        TEXT,
    attempts             INTEGER NOT NULL DEFAULT 0,
    lease_owner          TEXT,
    lease_expires_at     INTEGER,
    created_at           INTEGER NOT NULL,
    started_at           INTEGER,
    completed_at         INTEGER,
    updated_at           INTEGER NOT NULL,
    version              INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX idx_audits_status      ON audits (status);
CREATE INDEX idx_audits_created_at  ON audits (created_at);
CREATE INDEX idx_audits_trust_score ON audits (trust_score);
CREATE INDEX idx_audits_host        ON audits (host);
CREATE INDEX idx_audits_url         ON audits (url);
CREATE INDEX idx_audits_risk_level  ON audits (risk_level);
CREATE INDEX idx_audits_score_order ON audits (COALESCE(trust_score, -1), seq);

CREATE TABLE audit_findings (
    id               INTEGER PRIMARY KEY,
    audit_id         TEXT    NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    check_id         TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    pattern_type     TEXT    NOT NULL,
    severity         TEXT    NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    confidence       REAL    NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    plain_english    TEXT    NOT NULL,
    page_url         TEXT,
    evidence         TEXT,
    screenshot_index INTEGER,
    created_at       INTEGER NOT NULL
);

CREATE INDEX idx_findings_audit_id     ON audit_findings (audit_id);
CREATE INDEX idx_findings_pattern_type ON audit_findings (pattern_type);

CREATE TABLE audit_screenshots (
    id              INTEGER PRIMARY KEY,
    audit_id        TEXT    NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    index_num       INTEGER NOT NULL,
    label           TEXT    NOT NULL,
    page_url        TEXT,
    file_path       TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    width           INTEGER NOT NULL DEFAULT 0,
    height          INTEGER NOT NULL DEFAULT 0,
    file_size_bytes INTEGER NOT NULL,
    sha256          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    UNIQUE (audit_id, index_num)
);

CREATE INDEX idx_screenshots_audit_id ON audit_screenshots (audit_id);

CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,   -- global and increasing: the SSE event id
    audit_id   TEXT    NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
    type       TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX idx_events_audit_id ON audit_events (audit_id, id);
