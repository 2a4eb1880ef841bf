/**
 * Above the voucher list: the book's voucher settings (审核 required, self-review, 凭证字),
 * 凭证整理 of the chosen period, and printing a period range to PDF (A4 two per page, or
 * 凭证纸). Every change goes through the contract; the core audits it.
 */
import { useEffect, useState } from 'react';
import type { PeriodRow } from '../../../../shared/contract/ledger';
import type { VoucherSettingsDto, WordSet } from '../../../../shared/contract/vouchers';
import { api } from '../../api/platform';
import { useI18n } from '../../i18n/index';
import { printVouchers } from './workflow-ui';

export function VoucherToolbar({ periods, period, onChanged }: { periods: PeriodRow[]; period: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<VoucherSettingsDto | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [layout, setLayout] = useState<'a4' | 'voucher'>('a4');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    api('vouchers.settings', {}).then(setSettings, () => {});
  }, []);
  // The print range follows the list's period until the user picks one.
  const latest = periods[0]?.period ?? '';
  const pFrom = from || period || latest;
  const pTo = to || period || latest;

  const run = async (fn: () => Promise<string | null>) => {
    try {
      const text = await fn();
      if (text) setNote({ text });
    } catch (e) {
      setNote({ text: (e as Error).message, error: true });
    }
  };
  const change = (patch: { reviewRequired?: boolean; selfReview?: boolean; wordSet?: WordSet }) =>
    run(async () => {
      setSettings(await api('vouchers.setSettings', patch));
      onChanged();
      return t('voucher.settings.saved');
    });
  const renumber = () =>
    run(async () => {
      const p = period || latest;
      if (!p || !window.confirm(t('voucher.renumberConfirm', { period: p }))) return null;
      const r = await api('vouchers.renumber', { period: p });
      onChanged();
      return t('voucher.renumbered', { period: r.period, changed: r.changed, vouchers: r.vouchers });
    });
  const print = () =>
    run(async () => {
      const r = await printVouchers({ from: pFrom, to: pTo }, `记账凭证 ${pFrom === pTo ? pFrom : `${pFrom}_${pTo}`}.pdf`, layout);
      return r ? t('voucher.printed', { vouchers: r.vouchers, pages: r.pages }) : null;
    });

  return (
    <div className="voucher-toolbar" data-testid="voucher-toolbar">
      {settings && (
        <fieldset data-testid="voucher-settings">
          <legend>{t('voucher.settings')}</legend>
          <label>
            <input type="checkbox" checked={settings.reviewRequired} data-testid="setting-review-required" onChange={(e) => void change({ reviewRequired: e.target.checked })} />
            {t('voucher.settings.reviewRequired')}
          </label>
          <label>
            <input type="checkbox" checked={settings.selfReview} data-testid="setting-self-review" onChange={(e) => void change({ selfReview: e.target.checked })} />
            {t('voucher.settings.selfReview')}
          </label>
          <label>
            {t('voucher.settings.words')}
            <select value={settings.wordSet} data-testid="setting-words" onChange={(e) => void change({ wordSet: e.target.value as WordSet })}>
              <option value="记">记</option>
              <option value="收付转">收 / 付 / 转</option>
              <option value="记收付转">记 / 收 / 付 / 转</option>
            </select>
          </label>
        </fieldset>
      )}
      <button type="button" data-testid="voucher-renumber" onClick={() => void renumber()}>{t('voucher.renumber')}</button>
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
        <button type="button" data-testid="voucher-print-range" onClick={() => void print()}>{t('voucher.print')}</button>
      </fieldset>
      {note && <span className={note.error ? 'error' : 'ok-note'} data-testid="voucher-toolbar-note">{note.text}</span>}
    </div>
  );
}
