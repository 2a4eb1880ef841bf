/** 期间: close a month when its books are done; reopening needs a reason, kept in the audit trail. */
import { useEffect, useState } from 'react';
import type { PeriodRow } from '../../../shared/contract/ledger';
import { api } from '../api/platform';
import { useI18n } from '../i18n/index';

export function PeriodsPage() {
  const { t, locale } = useI18n();
  const [rows, setRows] = useState<PeriodRow[]>([]);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    api('periods.list', {}).then(setRows, (e: Error) => setNote({ text: e.message, error: true }));
  }, []);

  const act = async (period: string, action: 'close' | 'reopen') => {
    try {
      if (action === 'close') {
        if (!window.confirm(t('period.confirmClose', { period }))) return;
        setRows(await api('periods.close', { period }));
      } else {
        setRows(await api('periods.reopen', { period, reason }));
        setReopening(null);
        setReason('');
      }
      setNote({ text: t('period.done', { period, action: t(action === 'close' ? 'period.closed' : 'period.open') }) });
    } catch (e) {
      setNote({ text: (e as Error).message, error: true });
    }
  };

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '');

  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('period.title')}</h1>
      </header>
      {note && <p className={note.error ? 'error' : 'ok-note'} data-testid="period-note">{note.text}</p>}
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
                  <button type="button" onClick={() => void act(p.period, 'close')}>{t('period.close')}</button>
                ) : reopening === p.period ? (
                  <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void act(p.period, 'reopen'))}>
                    <input autoFocus required value={reason} placeholder={t('period.reason')} onChange={(e) => setReason(e.target.value)} size={36} />
                    <button type="submit" className="primary" disabled={!reason.trim()}>{t('period.reopen')}</button>
                  </form>
                ) : (
                  <button type="button" onClick={() => setReopening(p.period)}>{t('period.reopen')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
