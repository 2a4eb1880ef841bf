/** Allocation and profitability channels: each write is one transaction. */
import type { Book } from '../book/book';
import { defineHandlers } from '../service/handlers';
import { driverTables } from './inputs';
import { managerRoi, profitability } from './profitability';
import { deleteRule, listRules, ruleSets, saveRule } from './rules';
import { currentRunId, explain, getRun, listRuns, postRun, runAllocation } from './runs';
import { whatIf } from './whatif';

function options(book: Book) {
  return {
    drivers: ['revenue', 'directCost', 'hours', 'equal', 'headcount', ...driverTables(book).map((d) => `table:${d}`)],
    departments: book.db
      .all(book.q.selectFrom('department').select(['id', 'code', 'name', 'is_service as isService']).where('active', '=', 1).orderBy('code'))
      .map((d) => ({ ...d, isService: d.isService === 1 })),
    tiers: book.db.all(book.q.selectFrom('customer').select('tier').distinct().where('tier', '<>', '').orderBy('tier')).map((r) => r.tier),
    managers: book.db.all(book.q.selectFrom('employee as e').innerJoin('customer as c', 'c.manager_id', 'e.id').select(['e.id', 'e.name']).distinct().orderBy('e.code')),
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
