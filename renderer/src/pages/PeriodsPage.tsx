/**
 * 期间: month-end in order. 结转损益 moves the month's P&L to 本年利润; the 结账检查 lists
 * what blocks closing (with links to fix it) and what to look at; 结账 runs the check again
 * and closes; 反结账 is offered on the latest closed month only and needs a reason, kept in
 * the audit trail. A month beyond next month asks before it is closed.
 */
import { useEffect, useState } from 'react';
import type { CloseCheckDto } from '../../../shared/contract/closing';
import type { PeriodRow } from '../../../shared/contract/ledger';
import { api, ApiError, errorText } from '../api/platform';
import { useI18n } from '../i18n/index';
import { CloseCheckPanel } from './periods/CloseCheckPanel';

export function PeriodsPage() {
  const { t, locale } = useI18n();
  const [rows, setRows] = useState<PeriodRow[]>([]);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [check, setCheck] = useState<CloseCheckDto | null>(null);

  useEffect(() => {
    api('periods.list', {}).then(setRows, (e: unknown) => setNote({ text: errorText(e), error: true }));
  }, []);

  const latestClosed = rows.filter((r) => r.status === 'closed').map((r) => r.period).sort().at(-1) ?? null;

  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      setNote({ text: errorText(e), error: true });
    }
  };

  const transfer = (period: string) =>
    run(async () => {
      const r = await api('periods.transferPl', { period });
      setNote({ text: r.voucherNo ? t('closing.transferred', { period, vouchers: r.vouchers.map((v) => v.no).join('、'), lines: r.lines }) : t('closing.nothing', { period }) });
      setRows(await api('periods.list', {}));
      if (check?.period === period) setCheck(await api('periods.closeCheck', { period }));
    });

  const showCheck = (period: string) => run(async () => setCheck(await api('periods.closeCheck', { period })));

  const close = (period: string) =>
    run(async () => {
      const c = await api('periods.closeCheck', { period });
      setCheck(c);
      if (c.blockers.length > 0) return;
      if (!window.confirm(t('period.confirmClose', { period }))) return;
      try {
        setRows(await api('periods.close', { period }));
      } catch (e) {
        // A month beyond next month: the core asks, the user answers.
        if (!(e instanceof ApiError && e.code === 'closing.futurePeriod') || !window.confirm(t('closing.confirmFuture', { message: e.message }))) throw e;
        setRows(await api('periods.close', { period, confirmFuture: true }));
      }
      setCheck(null);
      setNote({ text: t('period.done', { period, action: t('period.closed') }) });
    });

  const reopen = (period: string) =>
    run(async () => {
      setRows(await api('periods.reopen', { period, reason }));
      setReopening(null);
      setReason('');
      setNote({ text: t('period.done', { period, action: t('period.open') }) });
    });

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '');

  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('period.title')}</h1>
      </header>
      {note && <p className={note.error ? 'error' : 'ok-note'} data-testid="period-note">{note.text}</p>}
      {check && <CloseCheckPanel check={check} onClose={() => setCheck(null)} />}
      <table className="plain periods" data-testid="periods">
        <thead>
          <tr>
            <th>{t('period.period')}</th>
            <th>{t('period.status')}</th>
            <th className="num">{t('period.posted')}</th>
            <th className="num">{t('period.drafts')}</th>
            <th>{t('period.closedAt')}</th>
            <th>{t('period.closedBy')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.period} data-testid={`period-${p.period}`}>
              <td className="mono">{p.period}</td>
              <td>
                <span className={`badge ${p.status}`}>{t(p.status === 'closed' ? 'period.closed' : 'period.open')}</span>
              </td>
              <td className="num">{p.posted}</td>
              <td className="num">{p.drafts}</td>
              <td>{when(p.closedAt)}</td>
              <td>{p.closedBy ?? ''}</td>
              <td>
                {p.status === 'open' ? (
                  <span className="period-actions">
                    <button type="button" onClick={() => void transfer(p.period)}>{t('closing.transfer')}</button>
                    <button type="button" onClick={() => void showCheck(p.period)}>{t('closing.check')}</button>
                    <button type="button" className="primary" onClick={() => void close(p.period)}>{t('period.close')}</button>
                  </span>
                ) : reopening === p.period ? (
                  <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void reopen(p.period))}>
                    <input autoFocus required value={reason} placeholder={t('period.reason')} onChange={(e) => setReason(e.target.value)} size={36} />
                    <button type="submit" className="primary" disabled={!reason.trim()}>{t('period.reopen')}</button>
                  </form>
                ) : p.period === latestClosed ? (
                  <button type="button" onClick={() => setReopening(p.period)}>{t('period.reopen')}</button>
                ) : (
                  <span className="muted" title={t('closing.latestOnly')} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
