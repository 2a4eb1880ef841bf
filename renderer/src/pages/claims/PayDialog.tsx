/**
 * 付款: the account the money left from (a bank or cash leaf, 银行存款 first) and the date
 * it left, confirmed before the settlement voucher is posted with exactly those.
 */
import { useState } from 'react';
import { formatFen } from '../../../../shared/money';
import { useApi } from '../../api/queries';
import { useI18n } from '../../i18n/index';
import { todayLocal } from '../../../../shared/today';

interface Props {
  totalFen: number;
  onPay: (p: { account: string; date: string; comment: string }) => void;
  onCancel: () => void;
}

export function PayDialog({ totalFen, onPay, onCancel }: Props) {
  const { t } = useI18n();
  const accounts = useApi('claims.options', {}).data?.payAccounts ?? [];
  // The user's pick, else the first account offered (银行存款 first).
  const [picked, setPicked] = useState('');
  const account = picked || (accounts[0]?.code ?? '');
  const [date, setDate] = useState(todayLocal);
  const [comment, setComment] = useState('');

  return (
    <form
      className="pay-dialog card"
      role="dialog"
      aria-label={t('pay.title')}
      data-testid="pay-dialog"
      onSubmit={(e) => {
        e.preventDefault();
        onPay({ account, date, comment });
      }}
    >
      <label>
        {t('pay.account')}
        <select value={account} onChange={(e) => setPicked(e.target.value)} aria-label={t('pay.account')} required>
          {accounts.map((a) => (
            <option key={a.code} value={a.code}>
              {a.code} {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pay.date')}
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label={t('pay.date')} required />
      </label>
      <label className="grow">
        {t('claims.comment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <span className="muted small-text">{t('pay.summary', { amount: formatFen(totalFen) })}</span>
      <button type="submit" className="primary" data-testid="pay-confirm" disabled={!account || !date}>
        {t('pay.confirm')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('pay.cancel')}
      </button>
    </form>
  );
}
