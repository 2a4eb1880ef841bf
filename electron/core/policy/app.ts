/** Policy rules and the approval chain (the policy screen). */
import { defineHandlers } from '../service/handlers';
import { approvalLevels, setChain } from '../claims/chain';
import { deleteRule, listRules, saveRule } from './edit';

export const policyHandlers = defineHandlers({
  'policy.list': (_req, s) => {
    const book = s.requireBook();
    return { rules: listRules(book), chain: approvalLevels(book) };
  },
  'policy.save': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => saveRule(book, req));
  },
  'policy.delete': (req, s) => {
    const book = s.requireBook();
    return { deleted: book.tx(() => deleteRule(book, req.id)) };
  },
  'policy.setChain': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => setChain(book, req.levels));
  },
});
