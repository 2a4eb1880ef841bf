/**
 * 摊销与递延: create a schedule (prepaid cost, intangible asset, deferred fee income), see
 * every schedule's months with their status, and run a period (idempotent: a month already
 * posted is skipped). The list is a query book.changed refreshes; a refused create or run
 * is said here (it names the form's field or the month), not in the toast area.
 */
import { useState } from 'react';
import type { DimensionOption } from '../../../../shared/contract/reports';
import type { ScheduleView } from '../../../../shared/contract/schedules';
import { formatFen, parseAmount } from '../../../../shared/money';
import { useApi, useApiMutation } from '../../api/queries';
import { useI18n } from '../../i18n/index';
import { FeeIncomeForm } from './FeeIncomeForm';
import { thisPeriodLocal } from '../../../../shared/today';

type Preset = 'prepaid' | 'intangible' | 'deferral';

export function SchedulesPage() {
  const { t } = useI18n();
  const list: ScheduleView[] = useApi('schedules.list', {}).data ?? [];
  const customers: DimensionOption[] = useApi('reports.dimensions', {}).data?.customers ?? [];
  const [period, setPeriod] = useState(thisPeriodLocal);
  const [form, setForm] = useState({ preset: 'prepaid' as Preset, name: '', total: '', firstPeriod: thisPeriodLocal(), periods: '12', customerId: '', pay: true, payDate: `${thisPeriodLocal()}-01` });
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  const creating = useApiMutation('schedules.create', { ownErrors: true });
  const running = useApiMutation('schedules.run', { ownErrors: true });

  const act = async (fn: () => Promise<void>) => {
    setError('');
    setNote('');
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const create = () =>
    act(async () => {
      const amount = parseAmount(form.total);
      if (!amount.ok) throw new Error(t('sched.badAmount'));
      await creating.mutateAsync({
        preset: form.preset,
        name: form.name.trim(),
        totalFen: amount.fen,
        firstPeriod: form.firstPeriod,
        periods: Number(form.periods),
        customerId: form.customerId ? Number(form.customerId) : null,
        ...(form.pay ? { payment: { date: form.payDate } } : {}),
      });
      setForm((f) => ({ ...f, name: '', total: '' }));
    });
  const runPeriod = () =>
    act(async () => {
      const r = await running.mutateAsync({ period });
      setNote(t('sched.ran', { period: r.period, posted: r.posted.length, skipped: r.alreadyPosted }));
    });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <section className="page alloc-page">
      <header className="page-head">
        <h1>{t('sched.title')}</h1>
        <label className="inline">
          {t('alloc.period')}
          <input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} aria-label={t('alloc.period')} />
        </label>
        <button type="button" className="primary" onClick={() => void runPeriod()}>
          {t('sched.runPeriod')}
        </button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {note && <p className="ok-note" role="status">{note}</p>}

      <form className="card" onSubmit={(e) => { e.preventDefault(); void create(); }} data-testid="schedule-form">
        <h2>{t('sched.new')}</h2>
        <div className="alloc-form-grid">
          <label className="span2">
            {t('sched.preset')}
            <select value={form.preset} onChange={(e) => set({ preset: e.target.value as Preset })}>
              {(['prepaid', 'intangible', 'deferral'] as const).map((p) => (
                <option key={p} value={p}>{t(`sched.preset.${p}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('sched.name')}
            <input value={form.name} onChange={(e) => set({ name: e.target.value })} required />
          </label>
          <label>
            {t('sched.total')}
            <input value={form.total} inputMode="decimal" onChange={(e) => set({ total: e.target.value })} required />
          </label>
          <label>
            {t('sched.firstPeriod')}
            <input type="month" value={form.firstPeriod} onChange={(e) => set({ firstPeriod: e.target.value })} required />
          </label>
          <label>
            {t('sched.periods')}
            <input type="number" min={1} max={600} value={form.periods} onChange={(e) => set({ periods: e.target.value })} required />
          </label>
          <label>
            {t('sched.customer')}
            <select value={form.customerId} onChange={(e) => set({ customerId: e.target.value })}>
              <option value="">{t('sched.none')}</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>{c.code} {c.name}</option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={form.pay} onChange={(e) => set({ pay: e.target.checked })} />
            {t('sched.payment')}
          </label>
          {form.pay && (
            <label>
              {t('sched.paymentDate')}
              <input type="date" value={form.payDate} onChange={(e) => set({ payDate: e.target.value })} />
            </label>
          )}
        </div>
        <div className="alloc-actions">
          <button type="submit" className="primary">{t('sched.create')}</button>
        </div>
      </form>

      {list.length === 0 ? (
        <p className="muted">{t('sched.empty')}</p>
      ) : (
        <table className="plain" data-testid="schedules-table" style={{ whiteSpace: 'nowrap' }}>
          <thead>
            <tr>
              <th>{t('sched.name')}</th>
              <th>{t('sched.preset')}</th>
              <th>{t('sched.accounts')}</th>
              <th className="num">{t('sched.total')}</th>
              <th className="num">{t('sched.postedAmount')}</th>
              <th className="num">{t('sched.remaining')}</th>
              <th>{t('sched.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{t(`sched.kind.${s.kind}`)}</td>
                <td>
                  <span className="mono">{s.debitAccount}</span> {s.debitName} / <span className="mono">{s.creditAccount}</span> {s.creditName}
                </td>
                <td className="num">{formatFen(s.totalFen)}</td>
                <td className="num">{formatFen(s.postedFen)}</td>
                <td className="num">{formatFen(s.remainingFen)}</td>
                <td>
                  <div className="sched-chips">
                    {s.entries.map((e) => (
                      <span key={e.no} className={`sched-chip ${e.status}`} title={`${e.period} ${formatFen(e.amountFen)} · ${t(`sched.status.${e.status}`)}`}>
                        {e.period}
                      </span>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted sched-legend">
        {(['posted', 'due', 'future', 'closed'] as const).map((s) => (
          <span key={s}><span className={`sched-chip ${s}`}>{t(`sched.status.${s}`)}</span> </span>
        ))}
      </p>
      <FeeIncomeForm />
    </section>
  );
}
