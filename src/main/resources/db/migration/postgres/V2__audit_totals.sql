-- Audits per status, kept by a trigger so that the history's total count (unfiltered, or by status) is a lookup
-- instead of a count over every row.
CREATE TABLE audit_totals (
    status text   PRIMARY KEY,
    n      bigint NOT NULL
);

INSERT INTO audit_totals (status, n)
SELECT s.status, (SELECT count(*) FROM audits a WHERE a.status = s.status)
FROM (VALUES ('queued'), ('running'), ('completed'), ('failed'), ('cancelled')) AS s (status);

CREATE FUNCTION audit_totals_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE audit_totals SET n = n + 1 WHERE status = NEW.status;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE audit_totals SET n = n - 1 WHERE status = OLD.status;
    ELSIF OLD.status <> NEW.status THEN
        UPDATE audit_totals SET n = n - 1 WHERE status = OLD.status;
        UPDATE audit_totals SET n = n + 1 WHERE status = NEW.status;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_totals_keep AFTER INSERT OR DELETE OR UPDATE OF status ON audits
    FOR EACH ROW EXECUTE FUNCTION audit_totals_keep();
