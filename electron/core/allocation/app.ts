/** Allocation and profitability channels: each write is one transaction. */
import type { Book } from '../book/book';
import { defineHandlers } from '../service/handlers';
import { driverTables } from './inputs';
import { managerRoi, profitability } from './profitability';
import { deleteRule, listRules, ruleSets, saveRule } from './rules';
import { currentRunId, explain, getRun, listRuns, postRun, runAllocation } from './runs';
import { whatIf } from './whatif';

function options(book: Book) {
  const s = book.sqlite;
  return {
    drivers: ['revenue', 'directCost', 'hours', 'equal', 'headcount', ...driverTables(book).map((d) => `table:${d}`)],
    departments: (s.prepare('SELECT id, code, name, is_service AS isService FROM department WHERE active = 1 ORDER BY code').all() as { id: number; code: string; name: string; isService: number }[]).map(
      (d) => ({ ...d, isService: d.isService === 1 }),
    ),
    tiers: (s.prepare(`SELECT DISTINCT tier FROM customer WHERE tier <> '' ORDER BY tier`).all() as { tier: string }[]).map((r) => r.tier),
    managers: s.prepare('SELECT DISTINCT e.id, e.name FROM employee e JOIN customer c ON c.manager_id = e.id ORDER BY e.code').all() as { id: number; name: string }[],
    ruleSets: ruleSets(book),
  };
}

export const allocationHandlers = defineHandlers({
  'allocation.rules': (req, s) => listRules(s.requireBook(), req.ruleSet),
  'allocation.saveRule': (req, s) => {
    const book = s.requireBook();
    return { id: book.tx(() => saveRule(book, req.rule, req.ruleSet)) };
  },
  'allocation.deleteRule': (req, s) => {
    const book = s.requireBook();
    book.tx(() => deleteRule(book, req.id));
    return { ok: true as const };
  },
  'allocation.options': (_req, s) => options(s.requireBook()),
  'allocation.run': (req, s) => {
    const book = s.requireBook();
    const { runId } = book.tx(() => runAllocation(book, req.period, { ruleSet: req.ruleSet }));
    return getRun(book, runId);
  },
  'allocation.runs': (_req, s) => listRuns(s.requireBook()),
  'allocation.getRun': (req, s) => {
    const book = s.requireBook();
    const id = req.runId ?? (req.period ? currentRunId(book, req.period) : null);
    return { run: id ? getRun(book, id) : null };
  },
  'allocation.whatIf': (req, s) => whatIf(s.requireBook(), req.period, req.a, req.b),
  'allocation.explain': (req, s) => explain(s.requireBook(), req.customerId, req.from, req.to),
  'allocation.post': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => postRun(book, req.runId));
  },
  'profitability.customers': (req, s) => profitability(s.requireBook(), req.from, req.to),
  'profitability.managers': (req, s) => managerRoi(s.requireBook(), req.from, req.to),
});
