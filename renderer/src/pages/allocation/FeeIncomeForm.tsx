/**
 * 管理费收入按比例确认 (Standard entry 4, recognised at once): Dr bank / Cr 其他业务收入
 * split by integer ratios over revenue accounts or departments, exact to the fen.
 * The booking is a mutation whose refusal names this form's field, so it is said here;
 * the pages that show its voucher follow from book.changed.
 */
import { useState } from 'react';
import type { DimensionOption } from '../../../../shared/contract/reports';
import { formatFen, parseAmount } from '../../../../shared/money';
import { useApi, useApiMutation } from '../../api/queries';
import { useI18n } from '../../i18n/index';
import { todayLocal } from '../../../../shared/today';

interface Target {
  account: string;
  departmentId: string;
  ratio: string;
}

export function FeeIncomeForm() {
  const { t } = useI18n();
  const booking = useApiMutation('schedules.feeIncome', { ownErrors: true });
  const departments: DimensionOption[] = useApi('reports.dimensions', {}).data?.departments ?? [];
  const [date, setDate] = useState(() => todayLocal());
  const [amount, setAmount] = useState('');
  const [targets, setTargets] = useState<Target[]>([
    { account: '', departmentId: '', ratio: '1' },
    { account: '', departmentId: '', ratio: '1' },
  ]);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const setTarget = (i: number, patch: Partial<Target>) => setTargets((ts) => ts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const book = async () => {
    setError('');
    setNote('');
    const fen = parseAmount(amount);
    if (!fen.ok) return setError(t('sched.badAmount'));
    try {
      const r = await booking.mutateAsync({
        date,
        amountFen: fen.fen,
        targets: targets.map((x) => ({
          ...(x.account.trim() ? { account: x.account.trim() } : {}),
          departmentId: x.departmentId ? Number(x.departmentId) : null,
          ratio: Number(x.ratio) || 0,
        })),
      });
      setNote(t('fee.booked', { amounts: r.amounts.map((a) => formatFen(a)).join(' / '), tax: formatFen(r.taxFen) }));
      setAmount('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="card" data-testid="fee-income-form" onSubmit={(e) => { e.preventDefault(); void book(); }}>
      <h2>{t('fee.title')}</h2>
      <p className="muted">{t('fee.hint')}</p>
      <div className="alloc-form-grid">
        <label>
          {t('fee.date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <label>
          {t('fee.amount')}
          <input value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value)} required />
        </label>
      </div>
      <table className="plain">
        <thead>
          <tr>
            <th>{t('fee.account')}</th>
            <th>{t('alloc.department')}</th>
            <th>{t('fee.ratio')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {targets.map((x, i) => (
            <tr key={i}>
              <td>
                <input value={x.account} placeholder={t('fee.defaultAccount')} aria-label={`${t('fee.account')} ${i + 1}`} onChange={(e) => setTarget(i, { account: e.target.value })} />
              </td>
              <td>
                <select value={x.departmentId} aria-label={`${t('alloc.department')} ${i + 1}`} onChange={(e) => setTarget(i, { departmentId: e.target.value })}>
                  <option value="">{t('sched.none')}</option>
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>{d.code} {d.name}</option>
                  ))}
                </select>
              </td>
              <td>
                <input type="number" min={0} step={1} value={x.ratio} aria-label={`${t('fee.ratio')} ${i + 1}`} onChange={(e) => setTarget(i, { ratio: e.target.value })} />
              </td>
              <td>
                {targets.length > 1 && (
                  <button type="button" onClick={() => setTargets((ts) => ts.filter((_, j) => j !== i))}>{t('alloc.delete')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="error" role="alert">{error}</p>}
      {note && <p className="ok-note" role="status">{note}</p>}
      <div className="alloc-actions">
        <button type="button" onClick={() => setTargets((ts) => [...ts, { account: '', departmentId: '', ratio: '1' }])}>{t('fee.addTarget')}</button>
        <button type="submit" className="primary">{t('fee.book')}</button>
      </div>
    </form>
  );
}
