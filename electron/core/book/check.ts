/**
 * `book check`: SQLite integrity, foreign keys, every posted voucher balanced, the audit
 * chain intact, and each domain's content against what the chain recorded. Returns every
 * finding rather than stopping at the first.
 *
 * The list of checks is static: it is the `CHECKS` array below, imported here, never
 * filled by another module's import side effects, so `checkBook` answers the same whoever
 * calls it (the CLI, the service, a test that imports nothing else).
 */
import type { Book } from './book';
import { verifyAuditChain } from './audit';
import { checkHeads, type HeadCheck } from './head-check';
import { checkRowLog } from './row-log-check';
import { checkPostedVouchers } from '../ledger/audit-check';
import { voucherCitation } from '../ledger/vouchers';
import { checkLedgerTotals } from '../ledger/totals-check';
import { checkMasters } from '../masters/audit-check';
import { checkClaimLines } from '../claims/lines-hash';
import { checkAllocLines } from '../allocation/lines-hash';
import { integrityInThreads, quickIntegrityInThread } from './integrity';

export interface CheckFinding {
  check: 'integrity' | 'foreignKeys' | 'balance' | 'audit';
  message: string;
}

export interface CheckReport {
  ok: boolean;
  auditRecords: number;
  findings: CheckFinding[];
  verified: string[];
  key: HeadCheck['key'];
  /** True when SQLite's full integrity_check ran; false for quick_check (`book check` without --full). */
  full: boolean;
}

/** A domain's check of its content (e.g. posted vouchers against the audit trail). */
export type BookCheck = (book: Book) => CheckFinding[];

/** Every domain check, in the order findings are reported. Add a new one here. */
export const CHECKS: readonly BookCheck[] = [
  checkPostedVouchers,
  checkMasters,
  checkLedgerTotals,
  checkRowLog,
  checkClaimLines,
  checkAllocLines,
];

export function checkBook(book: Book): CheckReport {
  return report(integrityFinding(String(book.sqlite.pragma('integrity_check', { simple: true }))), otherChecks(book, true));
}

/**
 * What `book.check` runs: SQLite's check on connections of their own in threads
 * (integrity.ts) while this thread does the rest. `full`: integrity_check split over two
 * threads (5-6 s of one core on the 1,000,000-line book; the background check after
 * opening and `book check --full`); otherwise quick_check (about 1 s), and the report says
 * that index keys were not compared with their rows.
 * All read the committed book; the caller holds no open transaction.
 */
export async function checkBookInParallel(book: Book, full = true): Promise<CheckReport> {
  const integrity = full ? integrityInThreads(book.sqlite, book.path) : quickIntegrityInThread(book.path);
  const others = otherChecks(book, full);
  return report(integrityFinding(await integrity), others);
}

const integrityFinding = (text: string): CheckFinding[] => (text === 'ok' ? [] : [{ check: 'integrity', message: text }]);

type Others = Omit<CheckReport, 'ok'>;

function report(integrity: CheckFinding[], others: Others): CheckReport {
  const findings = [...integrity, ...others.findings];
  return { ...others, ok: findings.length === 0, findings };
}

function otherChecks(book: Book, full: boolean): Others {
  const findings: CheckFinding[] = [];
  const fk = book.sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) findings.push({ check: 'foreignKeys', message: `${fk.length} rows reference missing rows` });
  const unbalanced = book.sqlite
    .prepare(
      `SELECT v.period, v.word, v.word_no, SUM(l.debit_fen) AS d, SUM(l.credit_fen) AS c
         FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
        WHERE v.status = 'posted' GROUP BY v.id HAVING d <> c`,
    )
    .all() as { period: string; word: string; word_no: number | null; d: number; c: number }[];
  for (const u of unbalanced) {
    findings.push({ check: 'balance', message: `${voucherCitation(u)}: debit ${u.d} ≠ credit ${u.c}` });
  }
  const chain = verifyAuditChain(book.sqlite);
  if (!chain.ok) findings.push({ check: 'audit', message: `audit record ${chain.brokenAt}: ${chain.reason} altered` });
  const heads = checkHeads(book, chain);
  findings.push(...heads.findings);
  for (const check of CHECKS) findings.push(...check(book));
  const verified = [
    full
      ? 'SQLite integrity check (integrity_check) and foreign keys'
      : 'SQLite quick_check (pages, records, NOT NULL and CHECK constraints, index entry counts) and foreign keys; index keys against their rows and UNIQUE only with --full',
    'every posted voucher balances',
    ...heads.verified,
    'posted vouchers, claim and allocation lines, masters, ledger totals and every row-logged table against the audit trail',
  ];
  return { findings, auditRecords: chain.records, verified, key: heads.key, full };
}
