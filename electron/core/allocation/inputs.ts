/**
 * What an allocation reads from the book for one period: pool amounts (posted lines on
 * the pool's accounts and their children that carry no customer), driver values per
 * customer, customers per target, headcount per department. Each driver and target is
 * read once per run and cached, so a thousand pools sharing a driver cost one query.
 */
import { UserError } from '../../../shared/errors';
import { sql, type RawBuilder } from 'kysely';
import type { Book } from '../book/book';
import { revenueCondition } from './revenue';
import type { Target } from './rules';
import { notClosing } from '../closing/sql';
import { exactFen, sumFen } from '../reports/exact';

export interface Customer {
  id: number;
  code: string;
  name: string;
  tier: string;
  managerId: number | null;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  isService: boolean;
}

/** Lines written by an allocation reclass are overhead moved, not a customer's direct cost. */
export const NOT_RECLASS = `voucher_id NOT IN (SELECT id FROM voucher WHERE source_type = 'allocation')`;
/**
 * A condition written as SQL with `?` placeholders and its parameters (revenue.ts keeps the
 * one definition of revenue that way) as a Kysely fragment, the parameters still bound.
 */
function fragment(c: { sql: string; params: readonly unknown[] }): RawBuilder<boolean> {
  const parts = c.sql.split('?');
  if (parts.length !== c.params.length + 1) throw new Error(`fragment: ${c.params.length} parameters for ${parts.length - 1} placeholders`);
  return c.params.reduce<RawBuilder<boolean>>((acc, p, i) => sql<boolean>`${acc}${p}${sql.raw(parts[i + 1]!)}`, sql<boolean>`${sql.raw(parts[0]!)}`);
}

/** 结转损益 moves a month's P&L to 本年利润: pools, revenue and cost drivers measure the month before it (closing/sql.ts). */
const NOT_CLOSING = notClosing();

export class AllocInputs {
  private drivers = new Map<string, Map<number, number>>();
  private targets = new Map<string, Customer[]>();
  private customers: Customer[] | null = null;
  private departments: Map<number, Department> | null = null;
  private headcounts: Map<number, number> | null = null;
  private parts = new Map<string, { account: string; departmentId: number | null; amountFen: number }[]>();
  private weightCache = new Map<string, { targets: Customer[]; weights: number[]; total: number; max: number }>();

  constructor(
    readonly book: Book,
    readonly period: string,
  ) {}

  /**
   * Σ(debit − credit) on posted lines without a customer; per (leaf account, department) for reclass.
   * One query per account list, every department at once, cached: profiled on 1,000
   * department pools over one account, a query per pool was 1.75 s of a 2.6 s compute
   * (each one walked the period's customer-less lines through ix_line_customer).
   */
  poolParts(accounts: string[], departmentId: number | null): { account: string; departmentId: number | null; amountFen: number }[] {
    const all = this.partsByAccounts(accounts);
    return departmentId === null ? all : all.filter((p) => p.departmentId === departmentId);
  }

  private partsByAccounts(accounts: string[]): { account: string; departmentId: number | null; amountFen: number }[] {
    const key = accounts.join('\u0000');
    const cached = this.parts.get(key);
    if (cached) return cached;
    // An account and its children are one range of codes: '5602' ≤ code < '5603' (an index
    // range scan on ix_line_tb; `+customer_id` keeps the planner off ix_line_customer, which
    // would walk every customer-less line of the period). Raw SQL on purpose: the
    // allocation run's inner loop, read as BigInt (safeIntegers), measured in issue 19's bench.
    const like = accounts.map(() => `(account_code >= ? AND account_code < ?)`).join(' OR ');
    const text = `SELECT account_code AS account, department_id AS departmentId, SUM(debit_fen) - SUM(credit_fen) AS amountFen
           FROM voucher_line
          WHERE posted = 1 AND period = ? AND +customer_id IS NULL AND (${like}) AND ${NOT_CLOSING}
          GROUP BY account_code, department_id ORDER BY account_code, department_id`;
    // SQLite's exact int64 sums as BigInt, stated as numbers only when exact (reports/exact.ts).
    const stmt = this.book.sqlite.prepare(text).safeIntegers(true);
    const params: (string | number)[] = [this.period];
    for (const a of accounts) params.push(a, a.slice(0, -1) + String.fromCharCode(a.charCodeAt(a.length - 1) + 1));
    const rows = stmt.all(...params) as { account: string; departmentId: bigint | null; amountFen: bigint }[];
    const parts = rows
      .filter((r) => r.amountFen !== 0n)
      .map((r) => ({ account: r.account, departmentId: r.departmentId === null ? null : Number(r.departmentId), amountFen: exactFen(r.amountFen, 'pool') }));
    this.parts.set(key, parts);
    return parts;
  }

  poolAmount(accounts: string[], departmentId: number | null): number {
    return sumFen(this.poolParts(accounts, departmentId).map((p) => p.amountFen), 'pool');
  }

  allCustomers(): Customer[] {
    this.customers ??= this.book.db.all(this.book.q.selectFrom('customer').select(['id', 'code', 'name', 'tier', 'manager_id as managerId']).where('active', '=', 1).orderBy('code'));
    return this.customers;
  }

  /** Target customers, sorted by code (the tie-break order). */
  customersFor(target: Target): Customer[] {
    const key = JSON.stringify(target);
    let list = this.targets.get(key);
    if (!list) {
      const all = this.allCustomers();
      if (target.kind === 'all') list = all;
      else if (target.kind === 'tier') {
        const tiers = new Set(target.tiers);
        list = all.filter((c) => tiers.has(c.tier));
      } else {
        const ids = new Set(target.managerIds);
        list = all.filter((c) => c.managerId !== null && ids.has(c.managerId));
      }
      this.targets.set(key, list);
    }
    return list;
  }

  /** Driver values by customer id (absent = 0). Values are integers: fen, or thousandths of a unit. */
  driver(driver: string): Map<number, number> {
    let m = this.drivers.get(driver);
    if (m) return m;
    const { book } = this;
    let rows: { id: number; v: number }[];
    if (driver === 'revenue') {
      // The same revenue as customer profitability (revenue.ts): 主营业务收入 + 其他业务收入.
      rows = book.db.all(
        book.q
          .selectFrom('voucher_line')
          .select(['customer_id as id', sql<number>`SUM(credit_fen) - SUM(debit_fen)`.as('v')])
          .where('posted', '=', sql.lit(1))
          .where('period', '=', this.period)
          .where('customer_id', 'is not', null)
          .$narrowType<{ id: number }>()
          .where(fragment(revenueCondition(book)))
          .where(sql<boolean>`${sql.raw(NOT_CLOSING)}`)
          .groupBy('customer_id'),
      );
    } else if (driver === 'directCost') {
      rows = book.db.all(
        book.q
          .selectFrom('voucher_line as l')
          .innerJoin('account as a', 'a.code', 'l.account_code')
          .select(['l.customer_id as id', sql<number>`SUM(l.debit_fen) - SUM(l.credit_fen)`.as('v')])
          .where('l.posted', '=', sql.lit(1))
          .where('l.period', '=', this.period)
          .where('l.customer_id', 'is not', null)
          .$narrowType<{ id: number }>()
          .where('a.type', 'in', ['expense', 'cost'])
          .where(sql<boolean>`${sql.raw(NOT_RECLASS)}`)
          .where(sql<boolean>`${sql.raw(NOT_CLOSING)}`)
          .groupBy('l.customer_id'),
      );
    } else if (driver === 'hours') {
      rows = this.book.db.all(
        this.book.q.selectFrom('timesheet').select(['customer_id as id', sql<number>`SUM(hours_milli)`.as('v')]).where('period', '=', this.period).groupBy('customer_id'),
      );
    } else if (driver === 'equal') {
      rows = this.allCustomers().map((c) => ({ id: c.id, v: 1 }));
    } else if (driver.startsWith('table:')) {
      rows = this.book.db.all(this.book.q.selectFrom('driver_value').select(['customer_id as id', 'value_milli as v']).where('period', '=', this.period).where('driver', '=', driver.slice(6)));
    } else {
      throw new UserError('allocation.unknownDriver', { rule: '', driver });
    }
    m = new Map(rows.map((r) => [r.id, r.v]));
    this.drivers.set(driver, m);
    return m;
  }

  /**
   * The weights of a driver over a target list, in the targets' (code) order, and their sum;
   * cached, so pools sharing a driver and targets share one array. Negative values are
   * refused naming the pool (a share cannot be negative).
   */
  weights(pool: string, driver: string, target: Target): { targets: Customer[]; weights: number[]; total: number; max: number } {
    const key = `${driver}\u0000${JSON.stringify(target)}`;
    let w = this.weightCache.get(key);
    if (!w) {
      const targets = this.customersFor(target);
      const values = this.driver(driver);
      const weights = new Array<number>(targets.length);
      let total = 0;
      let max = 0;
      for (let i = 0; i < targets.length; i++) {
        const v = values.get(targets[i]!.id) ?? 0;
        if (v < 0) throw new UserError('allocation.negativeDriver', { pool, driver, customer: `${targets[i]!.code} ${targets[i]!.name}` });
        weights[i] = v;
        total += v;
        if (v > max) max = v;
      }
      // Beyond 2^53 the split's BigInt path checks and sums for itself.
      w = { targets, weights, total, max };
      this.weightCache.set(key, w);
    }
    return w;
  }

  departmentsById(): Map<number, Department> {
    this.departments ??= new Map(
      this.book.db.all(this.book.q.selectFrom('department').select(['id', 'code', 'name', 'is_service as isService']).orderBy('code')).map((d) => [d.id, { ...d, isService: d.isService === 1 }]),
    );
    return this.departments;
  }

  headcount(departmentId: number): number {
    this.headcounts ??= new Map(
      this.book.db
        .all(
          this.book.q
            .selectFrom('employee')
            .select(['department_id as id', sql<number>`COUNT(*)`.as('n')])
            .where('active', '=', 1)
            .where('department_id', 'is not', null)
            .$narrowType<{ id: number }>()
            .groupBy('department_id'),
        )
        .map((r) => [r.id, r.n]),
    );
    return this.headcounts.get(departmentId) ?? 0;
  }
}

/** Driver names the UI offers: the built-ins and every imported table. */
export function driverTables(book: Book): string[] {
  return book.db.all(book.q.selectFrom('driver_value').select('driver').distinct().orderBy('driver')).map((r) => r.driver);
}
