-- Audits per status, kept by triggers so that the history's total count (unfiltered, or by status) is a lookup
-- instead of a count over every row: at 100,000 audits that count was most of a history request.
CREATE TABLE audit_totals (
    status TEXT    PRIMARY KEY,
    n      INTEGER NOT NULL
);

INSERT INTO audit_totals (status, n)
SELECT s.status, (SELECT count(*) FROM audits a WHERE a.status = s.status)
FROM (SELECT 'queued' AS status UNION ALL SELECT 'running' UNION ALL SELECT 'completed' UNION ALL SELECT 'failed'
      UNION ALL SELECT 'cancelled') s;

CREATE TRIGGER audit_totals_insert AFTER INSERT ON audits
BEGIN
    UPDATE audit_totals SET n = n + 1 WHERE status = NEW.status;
END;

CREATE TRIGGER audit_totals_delete AFTER DELETE ON audits
BEGIN
    UPDATE audit_totals SET n = n - 1 WHERE status = OLD.status;
END;

CREATE TRIGGER audit_totals_status AFTER UPDATE OF status ON audits WHEN OLD.status <> NEW.status
BEGIN
    UPDATE audit_totals SET n = n - 1 WHERE status = OLD.status;
    UPDATE audit_totals SET n = n + 1 WHERE status = NEW.status;
END;
