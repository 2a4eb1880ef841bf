/**
 * Excel import: one batch per import (what was read, what came of each row), the
 * fingerprints and invoice numbers of every accepted expense line (duplicate detection
 * across batches), the rejected rows (reject report after the fact) and the column
 * mappings a user confirmed, by header shape.
 */
export const up = `
CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  mode        TEXT NOT NULL DEFAULT '',
  file_name   TEXT NOT NULL,
  file_hash   TEXT NOT NULL,
  sheets      TEXT NOT NULL DEFAULT '[]',
  rows_read   INTEGER NOT NULL DEFAULT 0,
  accepted    INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  total_fen   INTEGER NOT NULL DEFAULT 0,
  summary     TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  undone_at   TEXT,
  undone_by   TEXT
) STRICT;
CREATE INDEX ix_import_batch_hash ON import_batch(file_hash);

CREATE TABLE import_line (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch(id),
  fingerprint TEXT NOT NULL,
  invoice_no  TEXT,
  sheet       TEXT NOT NULL,
  row         INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_import_line_fp ON import_line(fingerprint);
CREATE INDEX ix_import_line_invoice ON import_line(invoice_no) WHERE invoice_no IS NOT NULL;
CREATE INDEX ix_import_line_batch ON import_line(batch_id);

CREATE TABLE import_reject (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch(id),
  sheet       TEXT NOT NULL,
  row         INTEGER NOT NULL,
  code        TEXT NOT NULL,
  params      TEXT NOT NULL DEFAULT '{}',
  header      TEXT NOT NULL DEFAULT '[]',
  cells       TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX ix_import_reject_batch ON import_reject(batch_id, id);

CREATE TABLE import_mapping (
  shape       TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  mapping     TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
`;
