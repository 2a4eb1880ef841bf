/**
 * Above the voucher list: the book's voucher settings (审核 required, self-review, 凭证字),
 * 凭证整理 of the chosen period, and printing a period range to PDF (A4 two per page, or
 * 凭证纸). Every change goes through the contract; the core audits it. What a change alters
 * (the open voucher's 字 choices, its number after 凭证整理) arrives as book.changed; a
 * refusal goes to the toast area, the note says what was done.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PeriodRow } from '../../../../shared/contract/ledger';
import type { WordSet } from '../../../../shared/contract/vouchers';
import { notifyError } from '../../api/notify';
import { queryKey, useApi, useApiMutation } from '../../api/queries';
import { useI18n } from '../../i18n/index';
import { printVouchers } from './workflow-ui';

export function VoucherToolbar({ periods, period }: { periods: PeriodRow[]; period: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const stored = useApi('vouchers.settings', {}).data ?? null;
  const setSettings = useApiMutation('vouchers.setSettings');
  const renumbering = useApiMutation('vouchers.renumber');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [layout, setLayout] = useState<'a4' | 'voucher'>('a4');
  const [note, setNote] = useState('');
  // The box shows what was clicked at once, set in the click's own render (the mutation's pending
  // state reaches React a task later, after a controlled checkbox has already snapped back); the
  // stored value (the core's answer, or the old one on refusal) follows.
  const [clicked, setClicked] = useState<{ reviewRequired?: boolean; selfReview?: boolean; wordSet?: WordSet } | null>(null);
  const settings = stored && clicked ? { ...stored, ...clicked } : stored;
  // The print range follows the list's period until the user picks one.
  const latest = periods[0]?.period ?? '';
  const pFrom = from || period || latest;
  const pTo = to || period || latest;

  const change = (patch: { reviewRequired?: boolean; selfReview?: boolean; wordSet?: WordSet }) => {
    setNote('');
    setClicked(patch);
    setSettings.mutate(patch, {
      onSettled: () => setClicked(null),
      onSuccess: (answer) => {
        // The answer is the stored settings: shown at once instead of the old ones until book.changed's refetch.
        client.setQueryData(queryKey('vouchers.settings', {}), answer);
        setNote(t('voucher.settings.saved'));
      },
    });
  };
  const renumber = () => {
    const p = period || latest;
    if (!p || !window.confirm(t('voucher.renumberConfirm', { period: p }))) return;
    setNote('');
    renumbering.mutate({ period: p }, { onSuccess: (r) => setNote(t('voucher.renumbered', { period: r.period, changed: r.changed, vouchers: r.vouchers })) });
  };
  const print = () => {
    setNote('');
    printVouchers({ from: pFrom, to: pTo }, `记账凭证 ${pFrom === pTo ? pFrom : `${pFrom}_${pTo}`}.pdf`, layout).then((r) => r && setNote(t('voucher.printed', { vouchers: r.vouchers, pages: r.pages })), notifyError);
  };

  return (
    <div className="voucher-toolbar" data-testid="voucher-toolbar">
      {settings && (
        <fieldset data-testid="voucher-settings">
          <legend>{t('voucher.settings')}</legend>
          <label>
            <input type="checkbox" checked={settings.reviewRequired} data-testid="setting-review-required" onChange={(e) => change({ reviewRequired: e.target.checked })} />
            {t('voucher.settings.reviewRequired')}
          </label>
          <label>
            <input type="checkbox" checked={settings.selfReview} data-testid="setting-self-review" onChange={(e) => change({ selfReview: e.target.checked })} />
            {t('voucher.settings.selfReview')}
          </label>
          <label>
            {t('voucher.settings.words')}
            <select value={settings.wordSet} data-testid="setting-words" onChange={(e) => change({ wordSet: e.target.value as WordSet })}>
              <option value="记">记</option>
              <option value="收付转">收 / 付 / 转</option>
              <option value="记收付转">记 / 收 / 付 / 转</option>
            </select>
          </label>
        </fieldset>
      )}
      <button type="button" data-testid="voucher-renumber" onClick={renumber}>{t('voucher.renumber')}</button>
      <fieldset>
        <legend>{t('voucher.printRange')}</legend>
        <label>
          {t('voucher.printFrom')}
          <select value={pFrom} data-testid="print-from" onChange={(e) => setFrom(e.target.value)}>
            {periods.map((p) => (
              <option key={p.period} value={p.period}>{p.period}</option>
            ))}
          </select>
        </label>
        <label>
          {t('voucher.printTo')}
          <select value={pTo} data-testid="print-to" onChange={(e) => setTo(e.target.value)}>
            {periods.map((p) => (
              <option key={p.period} value={p.period}>{p.period}</option>
            ))}
          </select>
        </label>
        <select value={layout} data-testid="print-layout" onChange={(e) => setLayout(e.target.value as 'a4' | 'voucher')}>
          <option value="a4">{t('voucher.layout.a4')}</option>
          <option value="voucher">{t('voucher.layout.voucher')}</option>
        </select>
        <button type="button" data-testid="voucher-print-range" onClick={print}>{t('voucher.print')}</button>
      </fieldset>
      {note && <span className="ok-note" data-testid="voucher-toolbar-note">{note}</span>}
    </div>
  );
}
