/**
 * 费用政策: the policy rules (each warn or block, with its scope) and the approval chain by amount.
 * Shown is the stored policy (a query book.changed refreshes) with the user's unsaved edits
 * over it: a rule's edits until it is saved, new rows until saved, the chain once touched.
 * A refused save names a field of this form, so it is said here; a refused delete goes to the toast area.
 */
import { useState } from 'react';
import type { Option } from '../../../shared/contract/claims';
import type { ApprovalLevelRow, PolicyRuleRow } from '../../../shared/contract/policy';
import { formatFen, parseAmount } from '../../../shared/money';
import { errorText } from '../api/platform';
import { useApi, useApiMutation } from '../api/queries';
import { AnySelect } from '../components/AnySelect';
import { useI18n, type StringKey } from '../i18n/index';

const KINDS = ['item_cap', 'day_cap', 'month_cap', 'receipt_required', 'invoice_required', 'duplicate_invoice', 'future_date', 'old_date', 'weekend', 'customer_required'] as const;
type Kind = (typeof KINDS)[number];

interface RuleDraft extends Omit<PolicyRuleRow, 'id' | 'amountFen'> {
  id?: number;
  amount: string;
}

const named = (os: Option[]) => os.map((o) => ({ value: o.id, label: o.name }));
const toDraft = (r: PolicyRuleRow): RuleDraft => ({ ...r, amount: r.amountFen === null ? '' : formatFen(r.amountFen, { grouping: false }) });
/** Until claims.options answers: empty pickers. */
const NO_OPTIONS = { categories: [], employees: [], departments: [] };
type Chain = { role: ApprovalLevelRow['role']; above: string }[];

export function PolicyPage() {
  const { t } = useI18n();
  const stored = useApi('policy.list', {}).data;
  // Unsaved edits of stored rules by id, rows added and not yet saved, the chain once edited (null: as stored).
  const [edits, setEdits] = useState<Record<number, Partial<RuleDraft>>>({});
  const [added, setAdded] = useState<RuleDraft[]>([]);
  const [chainEdit, setChainEdit] = useState<Chain | null>(null);
  const storedRules = (stored?.rules ?? []).map((r) => ({ ...toDraft(r), ...edits[r.id] }));
  const rules: RuleDraft[] = [...storedRules, ...added];
  const chain: Chain = chainEdit ?? (stored?.chain ?? []).map((c) => ({ role: c.role, above: formatFen(c.aboveFen, { grouping: false }) }));
  const setChain = (f: (c: Chain) => Chain) => setChainEdit(f(chain));
  const saving = useApiMutation('policy.save', { ownErrors: true });
  const chaining = useApiMutation('policy.setChain', { ownErrors: true });
  const deleting = useApiMutation('policy.delete');
  const opts: { categories: Option[]; employees: Option[]; departments: Option[] } = useApi('claims.options', {}).data ?? NO_OPTIONS;
  const categories = opts.categories;
  const [error, setError] = useState('');
  const [note, setNote] = useState('');

  const fail = (e: unknown) => setError(errorText(e));
  const set = (i: number, patch: Partial<RuleDraft>) => {
    const r = rules[i]!;
    if (r.id !== undefined) setEdits({ ...edits, [r.id]: { ...edits[r.id], ...patch } });
    else setAdded(added.map((x, n) => (n === i - storedRules.length ? { ...x, ...patch } : x)));
  };

  const saveRule = async (i: number) => {
    const r = rules[i]!;
    setError('');
    setNote('');
    const a = r.amount.trim() ? parseAmount(r.amount) : null;
    if (a && !a.ok) return setError(t('line.badAmount', { line: 1, text: r.amount }));
    try {
      await saving.mutateAsync({
        ...(r.id ? { id: r.id } : {}),
        kind: r.kind as Kind,
        action: r.action,
        amountFen: a ? a.fen : null,
        days: r.days,
        categoryCode: r.categoryCode,
        customerTier: r.customerTier,
        employeeId: r.employeeId,
        departmentId: r.departmentId,
        active: r.active,
        note: r.note,
      });
      // Saved: the stored rule (refreshed by book.changed) replaces the draft.
      if (r.id !== undefined) setEdits(({ [r.id!]: _, ...rest }) => rest);
      else setAdded((as) => as.filter((x) => x !== r));
      setNote(t('policy.saved'));
    } catch (e) {
      fail(e);
    }
  };

  const saveChain = async () => {
    setError('');
    const levels = [];
    for (const c of chain) {
      const a = parseAmount(c.above || '0');
      if (!a.ok) return setError(t('line.badAmount', { line: levels.length + 1, text: c.above }));
      levels.push({ role: c.role, aboveFen: a.fen });
    }
    try {
      await chaining.mutateAsync({ levels });
      setChainEdit(null);
      setNote(t('policy.saved'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className="page policy-page">
      <header className="page-head">
        <h1>{t('policy.title')}</h1>
        <button
          type="button"
          onClick={() => setAdded((as) => [...as, { kind: 'item_cap', action: 'warn', amount: '', days: null, categoryCode: null, employeeId: null, departmentId: null, customerTier: null, active: true, note: '' }])}
        >
          {t('policy.add')}
        </button>
      </header>
      {error && <div className="error">{error}</div>}
      {note && <div className="ok-note">{note}</div>}
      <table className="plain policy-rules" data-testid="policy-rules">
        <thead>
          <tr>
            <th>{t('policy.kind')}</th>
            <th>{t('policy.action')}</th>
            <th>{t('policy.amount')}</th>
            <th>{t('policy.days')}</th>
            <th>{t('policy.category')}</th>
            <th>{t('policy.employee')}</th>
            <th>{t('budgets.department')}</th>
            <th>{t('policy.tier')}</th>
            <th>{t('policy.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => (
            <tr key={r.id ?? `new-${i}`}>
              <td>
                <select value={r.kind} onChange={(e) => set(i, { kind: e.target.value })}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}` as StringKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select value={r.action} onChange={(e) => set(i, { action: e.target.value as 'warn' | 'block' })}>
                  <option value="warn">{t('claims.warn')}</option>
                  <option value="block">{t('claims.block')}</option>
                </select>
              </td>
              <td>
                <input className="num amount" value={r.amount} onChange={(e) => set(i, { amount: e.target.value })} />
              </td>
              <td>
                <input className="num days" value={r.days ?? ''} onChange={(e) => set(i, { days: e.target.value && /^\d+$/.test(e.target.value) ? Number(e.target.value) : null })} />
              </td>
              <td>
                <AnySelect value={r.categoryCode ?? ''} options={categories.map((c) => ({ value: c.code, label: c.name }))} onChange={(v) => set(i, { categoryCode: v || null })} />
              </td>
              <td>
                <AnySelect value={String(r.employeeId ?? '')} options={named(opts.employees)} onChange={(v) => set(i, { employeeId: v ? Number(v) : null })} />
              </td>
              <td>
                <AnySelect value={String(r.departmentId ?? '')} options={named(opts.departments)} onChange={(v) => set(i, { departmentId: v ? Number(v) : null })} />
              </td>
              <td>
                <input className="tier" value={r.customerTier ?? ''} onChange={(e) => set(i, { customerTier: e.target.value || null })} />
              </td>
              <td>
                <input type="checkbox" checked={r.active} onChange={(e) => set(i, { active: e.target.checked })} />
              </td>
              <td>
                <button type="button" className="small" onClick={() => void saveRule(i)}>
                  {t('policy.saveRow')}
                </button>{' '}
                {r.id && (
                  <button type="button" className="small" onClick={() => deleting.mutate({ id: r.id! })}>
                    {t('line.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card chain-card">
        <h2>{t('policy.chainTitle')}</h2>
        <p className="muted">{t('policy.chainHint')}</p>
        {chain.map((c, i) => (
          <div key={i} className="claim-bar">
            <span className="mono">{i + 1}.</span>
            <select value={c.role} onChange={(e) => setChain((cs) => cs.map((x, n) => (n === i ? { ...x, role: e.target.value as ApprovalLevelRow['role'] } : x)))}>
              {(['manager', 'finance', 'gm'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <label>
              {t('policy.chainAbove')} <input className="num amount" value={c.above} onChange={(e) => setChain((cs) => cs.map((x, n) => (n === i ? { ...x, above: e.target.value } : x)))} />
            </label>
            <button type="button" className="small" onClick={() => setChain((cs) => cs.filter((_, n) => n !== i))}>
              {t('line.remove')}
            </button>
          </div>
        ))}
        <div className="claim-bar">
          <button type="button" onClick={() => setChain((cs) => [...cs, { role: 'gm', above: '' }])}>
            {t('policy.addLevel')}
          </button>
          <button type="button" className="primary" onClick={() => void saveChain()}>
            {t('policy.chainSave')}
          </button>
        </div>
      </div>
    </section>
  );
}
