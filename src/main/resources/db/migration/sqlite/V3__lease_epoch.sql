-- The fencing token of a claim: raised by every claim of an audit, carried by every write made for it, so a worker
-- whose audit was re-queued and claimed again (its lease had lapsed) can no longer write to it.
ALTER TABLE audits ADD COLUMN lease_epoch INTEGER NOT NULL DEFAULT 0;
