/**
 * 预算: budgets with progress bars (posted actual + committed claims) and a form to add one.
 * The list is a query the engine's book.changed refreshes; the form says its own refusal
 * inline, a failed delete goes to the toast area.
 */
import { useState } from 'react';
import type { BudgetRow } from '../../../shared/contract/budgets';
import type { Option } from '../../../shared/contract/claims';
import { formatFen, parseAmount } from '../../../shared/money';
import { errorText } from '../api/platform';
import { useApi, useApiMutation } from '../api/queries';
import { AnySelect } from '../components/AnySelect';
import { useI18n, type StringKey } from '../i18n/index';
import { BudgetBar } from './claims/BudgetBar';
import { todayLocal } from '../../../shared/today';
import { EntertainmentLimit } from './budgets/EntertainmentLimit';

type Kind = 'month' | 'quarter' | 'year';
const defaultPeriod = (k: Kind): string => {
  const d = todayLocal();
  return k === 'month' ? d.slice(0, 7) : k === 'year' ? d.slice(0, 4) : `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
};

export function BudgetsPage() {
  const { t } = useI18n();
  const rows: BudgetRow[] = useApi('budgets.list', {}).data ?? [];
  const opts: { employees: Option[]; categories: Option[]; customers: Option[]; departments: Option[] } | null = useApi('claims.options', {}).data ?? null;
  const [kind, setKind] = useState<Kind>('month');
  const [period, setPeriod] = useState(defaultPeriod('month'));
  const [scope, setScope] = useState({ employeeId: '', departmentId: '', customerId: '', categoryId: '' });
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [warnPct, setWarnPct] = useState('80');
  const [alertPct, setAlertPct] = useState('100');
  const [hard, setHard] = useState(false);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<number | null>(null);

  const saving = useApiMutation('budgets.save', { ownErrors: true });
  const deleting = useApiMutation('budgets.delete');

  const save = async () => {
    setError('');
    const a = parseAmount(amount);
    if (!a.ok) return setError(t('line.badAmount', { line: 1, text: amount }));
    const id = (v: string) => (v ? Number(v) : null);
    try {
      await saving.mutateAsync({
        ...(editing !== null ? { id: editing } : {}),
        name,
        periodKind: kind,
        period,
        employeeId: id(scope.employeeId),
        departmentId: id(scope.departmentId),
        customerId: id(scope.customerId),
        categoryId: id(scope.categoryId),
        amountFen: a.fen,
        warnPct: Number(warnPct),
        alertPct: Number(alertPct),
        hardBlock: hard,
      });
      setAmount('');
      setName('');
      setEditing(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const edit = (b: BudgetRow) => {
    const str = (v: number | null) => (v === null ? '' : String(v));
    setEditing(b.id);
    setKind(b.periodKind);
    setPeriod(b.period);
    setScope({ employeeId: str(b.employeeId), departmentId: str(b.departmentId), customerId: str(b.customerId), categoryId: str(b.categoryId) });
    setName(b.name);
    setAmount(formatFen(b.amountFen, { grouping: false }));
    setWarnPct(String(b.warnPct));
    setAlertPct(String(b.alertPct));
    setHard(b.hardBlock);
  };

  const pick = (key: keyof typeof scope, list: Option[] | undefined, label: StringKey) => (
    <label>
      {t(label)}
      <AnySelect value={scope[key]} options={(list ?? []).map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))} onChange={(v) => setScope({ ...scope, [key]: v })} testId={`budget-${key}`} />
    </label>
  );

  return (
    <section className="page budgets-page">
      <header className="page-head">
        <h1>{t('budgets.title')}</h1>
        <span className="muted">{t('budgets.legend')}</span>
      </header>
      <div className="card budget-form">
        <div className="report-filters">
          <label>
            {t('budgets.periodKind')}
            <select
              value={kind}
              onChange={(e) => {
                const k = e.target.value as Kind;
                setKind(k);
                setPeriod(defaultPeriod(k));
              }}
            >
              {(['month', 'quarter', 'year'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`budgets.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('budgets.period')}
            <input value={period} onChange={(e) => setPeriod(e.target.value)} size={9} data-testid="budget-period" />
          </label>
          {pick('employeeId', opts?.employees, 'claims.employee')}
          {pick('departmentId', opts?.departments, 'budgets.department')}
          {pick('customerId', opts?.customers, 'line.customer')}
          {pick('categoryId', opts?.categories, 'line.category')}
          <label>
            {t('budgets.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} size={12} />
          </label>
          <label>
            {t('budgets.amount')}
            <input value={amount} onChange={(e) => setAmount(e.target.value)} size={12} className="num" data-testid="budget-amount" />
          </label>
          <label>
            {t('budgets.warnPct')}
            <input value={warnPct} onChange={(e) => setWarnPct(e.target.value)} size={4} />
          </label>
          <label>
            {t('budgets.alertPct')}
            <input value={alertPct} onChange={(e) => setAlertPct(e.target.value)} size={4} />
          </label>
          <label className="check">
            <input type="checkbox" checked={hard} onChange={(e) => setHard(e.target.checked)} /> {t('budgets.hardBlock')}
          </label>
          <button type="button" className="primary" onClick={() => void save()} data-testid="budget-save">
            {editing !== null ? t('budgets.update') : t('budgets.add')}
          </button>
        </div>
        {error && <div className="error">{error}</div>}
      </div>
      <EntertainmentLimit />
      {rows.length === 0 ? (
        <p className="muted">{t('budgets.empty')}</p>
      ) : (
        <table className="plain budgets" data-testid="budgets-table">
          <thead>
            <tr>
              <th>{t('budgets.period')}</th>
              <th>{t('budgets.scope')}</th>
              <th className="num">{t('budgets.amount')}</th>
              <th className="num">{t('budgets.actual')}</th>
              <th className="num">{t('budgets.committed')}</th>
              <th className="num">{t('budgets.remaining')}</th>
              <th style={{ width: '34%' }}>{t('budgets.used')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id} data-testid={`budget-row-${b.id}`}>
                <td>{b.period}</td>
                <td>
                  {b.name && <div>{b.name}</div>}
                  <div className={b.name ? 'muted small-text' : ''}>{b.scope}</div>
                </td>
                <td className="num">{formatFen(b.amountFen)}</td>
                <td className="num" data-testid="budget-actual">{formatFen(b.actualFen)}</td>
                <td className="num" data-testid="budget-committed">{formatFen(b.committedFen)}</td>
                <td className={`num ${b.remainingFen < 0 ? 'negative' : ''}`}>{formatFen(b.remainingFen)}</td>
                <td>
                  <BudgetBar amountFen={b.amountFen} actualFen={b.actualFen} committedFen={b.committedFen} level={b.level} />
                  <span className={`level level-${b.level}`}>{t(`level.${b.level}`)}</span>
                  {b.hardBlock && <span className="muted small-text"> · {t('budgets.hardBlock')}</span>}
                </td>
                <td>
                  <button type="button" className="small" onClick={() => edit(b)}>
                    {t('budgets.edit')}
                  </button>{' '}
                  <button type="button" className="small" onClick={() => deleting.mutate({ id: b.id })}>
                    {t('line.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
