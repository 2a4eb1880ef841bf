/**
 * The audit chain's head (book/audit-head.ts): the last record's id and hash and the count,
 * started from the chain as it is, and a tag column on both heads for the keyed HMAC.
 */
export const up = `
CREATE TABLE audit_head (
  k        INTEGER PRIMARY KEY CHECK (k = 1),
  last_id  INTEGER NOT NULL,
  hash     TEXT NOT NULL,
  records  INTEGER NOT NULL,
  tag      TEXT
) STRICT;
INSERT INTO audit_head (k, last_id, hash, records)
  SELECT 1, coalesce((SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), 0),
            coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${'0'.repeat(64)}'),
            (SELECT count(*) FROM audit_log);
ALTER TABLE row_log_head ADD COLUMN tag TEXT;
`;
