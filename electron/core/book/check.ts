/**
 * `book check`: SQLite integrity, foreign keys, every posted voucher balanced, and the
 * audit chain intact. Returns every finding rather than stopping at the first.
 */
import type { Book } from './book';
import { verifyAuditChain } from './audit';
import { checkHeads, type HeadCheck } from './head-check';

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
}

/** Extra checks registered by domains (e.g. ledger content against the audit trail). */
export type BookCheck = (book: Book) => CheckFinding[];
const extraChecks: BookCheck[] = [];
export const registerCheck = (check: BookCheck): void => void extraChecks.push(check);

export function checkBook(book: Book): CheckReport {
  const findings: CheckFinding[] = [];
  const integrity = book.sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') findings.push({ check: 'integrity', message: String(integrity) });
  const fk = book.sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) findings.push({ check: 'foreignKeys', message: `${fk.length} rows reference missing rows` });
  const unbalanced = book.sqlite
    .prepare(
      `SELECT v.period, v.number, SUM(l.debit_fen) AS d, SUM(l.credit_fen) AS c
         FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
        WHERE v.status = 'posted' GROUP BY v.id HAVING d <> c`,
    )
    .all() as { period: string; number: number; d: number; c: number }[];
  for (const u of unbalanced) {
    findings.push({ check: 'balance', message: `${u.period} 记-${String(u.number).padStart(4, '0')}: debit ${u.d} ≠ credit ${u.c}` });
  }
  const chain = verifyAuditChain(book.sqlite);
  if (!chain.ok) findings.push({ check: 'audit', message: `audit record ${chain.brokenAt}: ${chain.reason} altered` });
  const heads = checkHeads(book, chain);
  findings.push(...heads.findings);
  for (const check of extraChecks) findings.push(...check(book));
  const verified = [
    'SQLite integrity check and foreign keys',
    'every posted voucher balances',
    ...heads.verified,
    'posted vouchers, claim and allocation lines, masters, ledger totals and every row-logged table against the audit trail',
  ];
  return { ok: findings.length === 0, auditRecords: chain.records, findings, verified, key: heads.key };
}
