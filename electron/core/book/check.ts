/**
 * `book check`: SQLite integrity, foreign keys, every posted voucher balanced, the audit
 * chain intact, and each domain's content against what the chain recorded. Returns every
 * finding rather than stopping at the first.
 *
 * The list of checks is static: it is the `CHECKS` array below, imported here, never
 * filled by another module's import side effects, so `checkBook` answers the same whoever
 * calls it (the CLI, the service, a test that imports nothing else).
 */
import { sql } from 'kysely';
import type { Book } from './book';
import { verifyAuditChain, type ChainCheck } from './audit';
import { checkHeads, type HeadCheck } from './head-check';
import { checkRowLog } from './row-log-check';
import { checkPostedVoucherRange, checkPostedVouchers } from '../ledger/audit-check';
import { voucherCitation } from '../ledger/vouchers';
import { checkLedgerTotals } from '../ledger/totals-check';
import { checkMasters } from '../masters/audit-check';
import { checkClaimLines } from '../claims/lines-hash';
import { checkAllocLines } from '../allocation/lines-hash';
import { integrityInThreads, partsInThread, quickIntegrityInThread } from './integrity';

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

/**
 * The checks besides SQLite's own, as parts that run on any connection to the book and
 * return plain data, so that a thread of its own can run some of them (check-worker.ts):
 * foreign keys, balance, the audit chain (whose outcome the head check needs), then
 * CHECKS by position (a bundler may rename functions, so not by name).
 */
export interface PartResult {
  findings: CheckFinding[];
  chain?: ChainCheck;
  /** A range of the posted vouchers: its findings by stage (audit-check.ts). */
  staged?: CheckFinding[][];
}

type Part = 'foreignKeys' | 'balance' | 'chain' | `check${number}` | `posted ${string} ${string}`;

/** Every part in the order its findings are reported; check0 (posted vouchers) may run as id ranges instead (`posted lo hi`). */
export const PARTS: readonly Part[] = ['foreignKeys', 'balance', 'chain', ...CHECKS.map((_, i) => `check${i}` as const)];

/**
 * How checkBookInParallel shares the parts between this thread and one more (a third runs
 * quick_check), from a profile of the 1,000,000-line book (CPU of one core each,
 * process.cpuUsage, load 7-10 from other sessions): posted vouchers 2.8 s (of which the
 * content texts 1.5 s, the posting records 0.5 s), audit chain 0.86 s, foreign keys 0.40 s,
 * balance 0.24 s, ledger totals 0.13 s, row log 0.10 s, masters, claim and allocation
 * lines 0.15 s together; quick_check about 1 s. The posted vouchers are split by id in
 * two halves, one per thread, and the rest balanced around them.
 */
const HERE: readonly Part[] = ['foreignKeys', 'balance', 'check2'];
/** The rest but check0 (the halves): the chain, masters, row log, claim and allocation lines, and any check added later. */
const THERE: readonly Part[] = PARTS.filter((p) => p !== 'check0' && !HERE.includes(p));

function runPart(book: Book, part: Part): PartResult {
  if (part === 'foreignKeys') return { findings: foreignKeyFindings(book) };
  if (part === 'balance') return { findings: balanceFindings(book) };
  if (part === 'chain') {
    const chain = verifyAuditChain(book.sqlite);
    return { chain, findings: chain.ok ? [] : [{ check: 'audit', message: `audit record ${chain.brokenAt}: ${chain.reason} altered` }] };
  }
  if (part.startsWith('posted ')) {
    const [, lo, hi] = part.split(' ');
    return { findings: [], staged: checkPostedVoucherRange(book, { lo: Number(lo), hi: Number(hi) }) };
  }
  const check = CHECKS[Number(part.slice('check'.length))];
  if (!check) throw new Error(`no such check part: ${part}`);
  return { findings: check(book) };
}

export function runParts(book: Book, parts: readonly string[]): Record<string, PartResult> {
  return Object.fromEntries(parts.map((p) => [p, runPart(book, p as Part)]));
}

export function checkBook(book: Book): CheckReport {
  // Raw SQL on purpose: a PRAGMA, which the query builder does not express.
  return report(integrityFinding(String(book.sqlite.pragma('integrity_check', { simple: true }))), assemble(book, true, runParts(book, PARTS)));
}

/**
 * What `book.check` runs: SQLite's check on connections of their own in threads
 * (integrity.ts), the parts in THERE and half the posted vouchers in one more thread with its own read
 * connection (check-worker.ts), and the rest on this thread, so both cores work. `full`:
 * integrity_check split over two threads (5-6 s of one core on the 1,000,000-line book;
 * the background check after opening and `book check --full`); otherwise quick_check
 * (about 1 s), and the report says that index keys were not compared with their rows.
 * All read the committed book; the caller holds no open transaction. Should the parts'
 * thread fail to start or to finish, this thread runs its parts too: every finding is
 * still found, only later.
 */
export async function checkBookInParallel(book: Book, full = true): Promise<CheckReport> {
  const { max } = book.db.first(book.q.selectFrom('voucher').select(sql<number | null>`max(id)`.as('max')))!;
  const mid = Math.floor((max ?? 0) / 2) + 1;
  const halves: Part[] = [`posted -Infinity ${mid}`, `posted ${mid} Infinity`];
  const there = [halves[1]!, ...THERE];
  const parted = partsInThread(book.path, there);
  const integrity = full ? integrityInThreads(book.sqlite, book.path) : quickIntegrityInThread(book.path);
  const results = { ...runParts(book, [halves[0]!, ...HERE]), ...((await parted) ?? runParts(book, there)) };
  // The halves' findings stage by stage: the order checkPostedVouchers gives them.
  const stages = halves.map((h) => results[h]!.staged!);
  results['check0'] = { findings: stages[0]!.flatMap((_, i) => stages.flatMap((st) => st[i]!)) };
  return report(integrityFinding(await integrity), assemble(book, full, results));
}

const integrityFinding = (text: string): CheckFinding[] => (text === 'ok' ? [] : [{ check: 'integrity', message: text }]);

type Others = Omit<CheckReport, 'ok'>;

function report(integrity: CheckFinding[], others: Others): CheckReport {
  const findings = [...integrity, ...others.findings];
  return { ...others, ok: findings.length === 0, findings };
}

function foreignKeyFindings(book: Book): CheckFinding[] {
  // Raw SQL on purpose: a PRAGMA, which the query builder does not express.
  const fk = book.sqlite.pragma('foreign_key_check') as unknown[];
  return fk.length > 0 ? [{ check: 'foreignKeys', message: `${fk.length} rows reference missing rows` }] : [];
}

function balanceFindings(book: Book): CheckFinding[] {
  const unbalanced = book.db.all(
    book.q
      .selectFrom('voucher as v')
      .innerJoin('voucher_line as l', 'l.voucher_id', 'v.id')
      .select(['v.period', 'v.word', 'v.word_no', sql<number>`SUM(l.debit_fen)`.as('d'), sql<number>`SUM(l.credit_fen)`.as('c')])
      // Literals, not parameters, as in the SQL this replaced: the planner sees them when it prepares.
      .where('v.status', '=', sql.lit('posted'))
      .groupBy('v.id')
      .having(sql<boolean>`d <> c`),
  );
  return unbalanced.map((u) => ({ check: 'balance', message: `${voucherCitation(u)}: debit ${u.d} ≠ credit ${u.c}` }));
}

/** The parts' findings in the order they are reported, with the head check after the chain's. */
function assemble(book: Book, full: boolean, results: Record<string, PartResult>): Others {
  const findings: CheckFinding[] = [];
  const chain = results['chain']!.chain!;
  const heads = checkHeads(book, chain);
  for (const p of PARTS) {
    findings.push(...results[p]!.findings);
    if (p === 'chain') findings.push(...heads.findings);
  }
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
