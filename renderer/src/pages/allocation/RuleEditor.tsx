/**
 * One allocation rule: pool (accounts + department), driver, targets, method. Saved, the
 * editor closes and the rule list follows from book.changed; a refusal names a field here.
 */
import { useState } from 'react';
import type { AllocationOptions, Rule } from '../../../../shared/contract/allocation';
import { useApiMutation } from '../../api/queries';
import { useI18n } from '../../i18n/index';
import { driverLabel } from './format';

export const emptyRule = (seq: number): Rule => ({ seq, name: '', method: 'single', accounts: [], departmentId: null, driver: 'revenue', target: { kind: 'all' }, active: true });

export function RuleEditor(props: { rule: Rule; ruleSet: string; options: AllocationOptions; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [rule, setRule] = useState<Rule>(props.rule);
  const [accounts, setAccounts] = useState(props.rule.accounts.join(', '));
  const [error, setError] = useState('');
  const saving = useApiMutation('allocation.saveRule', { ownErrors: true });
  const set = (patch: Partial<Rule>) => setRule((r) => ({ ...r, ...patch }));
  const o = props.options;
  const picked = rule.target.kind === 'tier' ? rule.target.tiers : rule.target.kind === 'manager' ? rule.target.managerIds.map(String) : [];
  const toggle = (v: string) => {
    const next = picked.includes(v) ? picked.filter((x) => x !== v) : [...picked, v];
    if (rule.target.kind === 'tier') set({ target: { kind: 'tier', tiers: next } });
    if (rule.target.kind === 'manager') set({ target: { kind: 'manager', managerIds: next.map(Number) } });
  };
  const save = async () => {
    setError('');
    const codes = accounts.split(/[\s,，、]+/).filter(Boolean);
    try {
      await saving.mutateAsync({ ruleSet: props.ruleSet, rule: { ...rule, accounts: codes } });
      props.onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="card alloc-rule-form"
      data-testid="rule-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{rule.id ? t('alloc.editRule') : t('alloc.addRule')}</h2>
      <div className="alloc-form-grid">
        <label>
          {t('alloc.name')}
          <input value={rule.name} onChange={(e) => set({ name: e.target.value })} required />
        </label>
        <label>
          {t('alloc.method')}
          <select value={rule.method} onChange={(e) => set({ method: e.target.value as Rule['method'] })}>
            {(['single', 'activity', 'stepdown'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`alloc.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.accounts')}
          <input value={accounts} onChange={(e) => setAccounts(e.target.value)} placeholder="560203, 560202" required />
        </label>
        <label>
          {t('alloc.department')}
          <select value={rule.departmentId ?? ''} onChange={(e) => set({ departmentId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('alloc.anyDepartment')}</option>
            {o.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.code} {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.driver')}
          <select value={rule.driver} onChange={(e) => set({ driver: e.target.value })}>
            {o.drivers.map((d) => (
              <option key={d} value={d}>
                {driverLabel(t, d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.target')}
          <select
            value={rule.target.kind}
            onChange={(e) => {
              const kind = e.target.value;
              set({ target: kind === 'tier' ? { kind, tiers: [] } : kind === 'manager' ? { kind, managerIds: [] } : { kind: 'all' } });
            }}
          >
            {(['all', 'tier', 'manager'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`alloc.target.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alloc.seq')}
          <input type="number" value={rule.seq} onChange={(e) => set({ seq: Number(e.target.value) || 0 })} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={rule.active} onChange={(e) => set({ active: e.target.checked })} />
          {t('alloc.active')}
        </label>
      </div>
      {rule.target.kind !== 'all' && (
        <div className="alloc-checks">
          {(rule.target.kind === 'tier' ? o.tiers.map((x) => [x, x]) : o.managers.map((m) => [String(m.id), m.name])).map(([v, label]) => (
            <label key={v} className="inline">
              <input type="checkbox" checked={picked.includes(v!)} onChange={() => toggle(v!)} />
              {label}
            </label>
          ))}
        </div>
      )}
      {error && <p className="error">{error}</p>}
      <div className="alloc-actions">
        <button type="submit" className="primary">
          {t('alloc.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('alloc.cancel')}
        </button>
      </div>
    </form>
  );
}
