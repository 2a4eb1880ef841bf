/**
 * 期间: month-end in order. 结转损益 moves the month's P&L to 本年利润; the 结账检查 lists
 * what blocks closing (with links to fix it) and what to look at; 结账 runs the check again
 * and closes; 反结账 is offered on the latest closed month only and needs a reason, kept in
 * the audit trail. A month beyond next month asks before it is closed.
 * The list and the check are queries the engine's book.changed refreshes; a refusal goes to
 * the toast area, the note says what was done.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/platform';
import { notifyError } from '../api/notify';
import { fetchApi, useApi, useApiMutation } from '../api/queries';
import { useI18n } from '../i18n/index';
import { CloseCheckPanel } from './periods/CloseCheckPanel';

export function PeriodsPage() {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const rows = useApi('periods.list', {}).data ?? [];
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  // The month whose 结账检查 is shown (null: none).
  const [checking, setChecking] = useState<string | null>(null);
  const checked = useApi('periods.closeCheck', { period: checking ?? '' }, { enabled: checking !== null });
  const check = checking !== null && !checked.isPlaceholderData ? (checked.data ?? null) : null;
  const transferring = useApiMutation('periods.transferPl');
  // Its refusal may be a question (a month beyond next month): answered here, other refusals go to the toast area.
  const closing = useApiMutation('periods.close', { ownErrors: true });
  const reopeningMutation = useApiMutation('periods.reopen');

  const latestClosed = rows.filter((r) => r.status === 'closed').map((r) => r.period).sort().at(-1) ?? null;

  const transfer = (period: string) => {
    setNote('');
    transferring.mutate(
      { period },
      { onSuccess: (r) => setNote(r.voucherNo ? t('closing.transferred', { period, vouchers: r.vouchers.map((v) => v.no).join('、'), lines: r.lines }) : t('closing.nothing', { period })) },
    );
  };

  const close = async (period: string) => {
    setNote('');
    setChecking(period);
    // The check again, as of now (a failed read is already in the toast area).
    const c = await fetchApi(client, 'periods.closeCheck', { period }, { staleTime: 0 }).catch(() => null);
    if (!c || c.blockers.length > 0) return;
    if (!window.confirm(t('period.confirmClose', { period }))) return;
    try {
      try {
        await closing.mutateAsync({ period });
      } catch (e) {
        // A month beyond next month: the core asks, the user answers.
        if (!(e instanceof ApiError && e.code === 'closing.futurePeriod') || !window.confirm(t('closing.confirmFuture', { message: e.message }))) throw e;
        await closing.mutateAsync({ period, confirmFuture: true });
      }
      setChecking(null);
      setNote(t('period.done', { period, action: t('period.closed') }));
    } catch (e) {
      notifyError(e);
    }
  };

  const reopen = (period: string) => {
    setNote('');
    reopeningMutation.mutate(
      { period, reason },
      {
        onSuccess: () => {
          setReopening(null);
          setReason('');
          setNote(t('period.done', { period, action: t('period.open') }));
        },
      },
    );
  };

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '');

  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('period.title')}</h1>
      </header>
      {note && <p className="ok-note" data-testid="period-note">{note}</p>}
      {check && <CloseCheckPanel check={check} onClose={() => setChecking(null)} />}
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
                    <button type="button" onClick={() => transfer(p.period)}>{t('closing.transfer')}</button>
                    <button type="button" onClick={() => setChecking(p.period)}>{t('closing.check')}</button>
                    <button type="button" className="primary" onClick={() => void close(p.period)}>{t('period.close')}</button>
                  </span>
                ) : reopening === p.period ? (
                  <form className="inline-form" onSubmit={(e) => (e.preventDefault(), reopen(p.period))}>
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
