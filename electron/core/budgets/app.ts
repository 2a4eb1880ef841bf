/** Budget channels: list with usage, save, delete. */
import { defineHandlers } from '../service/handlers';
import { allBudgets, budgetRow, deleteBudget, saveBudget } from './budgets';

export const budgetsHandlers = defineHandlers({
  'budgets.list': (req, s) => {
    const book = s.requireBook();
    return allBudgets(book)
      .filter((b) => !req.period || b.period.startsWith(req.period.slice(0, 4)))
      .map((b) => budgetRow(book, b));
  },
  'budgets.save': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => saveBudget(book, req));
  },
  'budgets.delete': (req, s) => {
    const book = s.requireBook();
    return { deleted: book.tx(() => deleteBudget(book, req.id)) };
  },
});
