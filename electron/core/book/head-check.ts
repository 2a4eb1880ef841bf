/**
 * `book check` for the chain heads (audit-head.ts): the audit chain ends exactly at its head
 * record, and on a keyed book both heads carry a tag that verifies under the book's key.
 * Says which key did the verifying, or plainly that none could.
 */
import type { CheckReport } from '../../../shared/contract/book';
import type { ChainCheck } from './audit';
import { auditHeadText, connectionKey, rowLogHeadText } from './audit-head';
import { hmac, keyId } from './audit-key';
import type { Book } from './book';
import type { CheckFinding } from './check';
import { UserError } from '../../../shared/errors';
import { pendingMigrations } from '../db/migrations/index';
import { refuseAuditRemoval } from '../db/migrations/audit-guard';

export interface HeadCheck {
  findings: CheckFinding[];
  verified: string[];
  key: CheckReport['key'];
}

// Raw SQL on purpose: sqlite_master is SQLite's own schema table, not one of the book's tables in DB.
const hasTable = (book: Book, name: string) => book.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

function auditRemoval(book: Book): string | null {
  const { pending } = pendingMigrations(book.sqlite);
  const applied = new Set(book.db.all(book.q.selectFrom('_migration').select('id')).map((r) => r.id));
  try {
    refuseAuditRemoval(book.sqlite, applied, pending);
    return null;
  } catch (e) {
    if (e instanceof UserError && e.code === 'book.auditRemoved') return String(e.params.detail);
    throw e;
  }
}

export function checkHeads(book: Book, chain: ChainCheck): HeadCheck {
  const s = book.sqlite;
  const findings: CheckFinding[] = [];
  const add = (message: string) => findings.push({ check: 'audit', message });
  const verified: string[] = [];
  // Judged from the file itself, not from how this connection was opened (book check runs in a job worker).
  const removed = auditRemoval(book);
  if (removed) add(`audit data removed behind the app (${removed}): the book is held read-only and was not re-baselined`);

  const audit = hasTable(book, 'audit_head') ? book.db.first(book.q.selectFrom('audit_head').select(['last_id', 'hash', 'records', 'tag']).where('k', '=', 1)) : undefined;
  if (!audit) add('audit_head: the chain head record is missing');
  else if (chain.ok && (audit.last_id !== chain.lastId || audit.hash !== chain.lastHash || audit.records !== chain.records))
    add(`audit_log: the chain ends at record ${chain.lastId} (${chain.records} records), its head says ${audit.last_id} (${audit.records} records): records removed from the end or the head altered`);
  else if (chain.ok) verified.push(`audit chain: ${chain.records} records linked by SHA-256, ending at its head (record ${chain.lastId})`);
  // Every column: a book from before migration 0900 has no tag column yet.
  const rowHead = hasTable(book, 'row_log_head') ? (book.db.first(book.q.selectFrom('row_log_head').selectAll().where('k', '=', 1)) as { last_id: number; hash: string; tag?: string | null } | undefined) : undefined;

  const ck = connectionKey(s);
  // Opened by code that consulted no key store (a test, a tool on the core's API): the tags cannot be judged either way.
  if (!ck) {
    verified.push('chain heads: no key store consulted, tags not verified');
    return { findings, verified, key: { status: 'absent', id: book.meta('audit_key_id') ?? null, where: null } };
  }
  const where = ck.where;
  const recorded = book.meta('audit_key_id') ?? null;
  if (!recorded) {
    if (ck.key) {
      add(`audit key ${keyId(ck.key)} for this book exists in ${where}, but the book no longer names it: its key id was removed`);
      return { findings, verified, key: { status: 'wrong', id: keyId(ck.key), where } };
    }
    verified.push('chain heads: not keyed (no key store for this book); the chain shows consistency only, not who wrote it');
    return { findings, verified, key: { status: 'unkeyed', id: null, where } };
  }
  if (!ck.key) {
    add(`audit key ${recorded} absent (looked in ${where}): the chain heads cannot be verified, so a re-hashed chain would look whole`);
    return { findings, verified, key: { status: 'absent', id: recorded, where } };
  }
  if (keyId(ck.key) !== recorded) {
    add(`audit key ${keyId(ck.key)} is not the book's key ${recorded}`);
    return { findings, verified, key: { status: 'wrong', id: keyId(ck.key), where } };
  }
  if (audit && audit.tag !== hmac(ck.key, auditHeadText(audit.last_id, audit.hash, audit.records)))
    add(`audit_head: its tag does not verify under key ${recorded}: the chain was re-hashed, cut or extended without the key`);
  if (rowHead && rowHead.tag !== hmac(ck.key, rowLogHeadText(rowHead.last_id, rowHead.hash)))
    add(`row_log_head: its tag does not verify under key ${recorded}: the row log was re-hashed, cut or extended without the key`);
  if (findings.length === 0) verified.push(`chain heads (audit log, row log) signed with key ${recorded} (HMAC-SHA256, key in ${where})`);
  return { findings, verified, key: { status: 'verified', id: recorded, where } };
}
