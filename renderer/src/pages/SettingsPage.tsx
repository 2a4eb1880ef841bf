/**
 * 账套设置: 纳税人识别号 (invoice buyer check) and the VAT status the postings follow (vat/settings.ts).
 * The form shows the stored settings (a query) with the user's changes over them; a refusal
 * names a field of this form, so it is said here, not in the toast area.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BookSettings, Taxpayer } from '../../../shared/contract/invoices';
import { errorText } from '../api/platform';
import { queryKey, useApi, useApiMutation } from '../api/queries';
import { useI18n } from '../i18n/index';

const OUTPUT_RATES = [13, 9, 6, 5, 3, 1, 0];
const SMALL_RATES = [3, 1];

export function SettingsPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const stored = useApi('book.settings', {}).data;
  const [changes, setChanges] = useState<Partial<BookSettings>>({});
  const saving = useApiMutation('book.set', { ownErrors: true });
  const [note, setNote] = useState('');
  if (!stored) return <section className="page" />;
  const form: BookSettings = { ...stored, ...changes };
  const setForm = (next: BookSettings) => setChanges(next);
  const save = () => {
    setNote('');
    saving.mutate(form, {
      onSuccess: (answer) => {
        // The answer is what is stored now: shown at once (book.changed refreshes it too).
        client.setQueryData(queryKey('book.settings', {}), answer);
        setChanges({});
        setNote(t('settings.saved'));
      },
    });
  };
  const rateSelect = (key: 'vatRatePct' | 'smallRatePct', rates: number[], testId: string) => (
    <select value={form[key]} onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })} data-testid={testId}>
      {rates.map((r) => (
        <option key={r} value={r}>
          {r}%
        </option>
      ))}
    </select>
  );
  return (
    <section className="page settings-page">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>
      <div className="card settings-form">
        <label>
          {t('settings.taxId')}
          <input value={form.taxId} onChange={(e) => setForm({ ...form, taxId: e.target.value })} size={24} data-testid="settings-tax-id" />
        </label>
        <fieldset>
          <legend>{t('settings.taxpayer')}</legend>
          {(['general', 'small'] as Taxpayer[]).map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="taxpayer" checked={form.taxpayer === k} onChange={() => setForm({ ...form, taxpayer: k })} data-testid={`settings-taxpayer-${k}`} /> {t(`settings.taxpayer.${k}`)}
            </label>
          ))}
        </fieldset>
        {form.taxpayer === 'general' ? (
          <label>
            {t('settings.vatRate')} {rateSelect('vatRatePct', OUTPUT_RATES, 'settings-vat-rate')}
          </label>
        ) : (
          <label>
            {t('settings.smallRate')} {rateSelect('smallRatePct', SMALL_RATES, 'settings-small-rate')}
          </label>
        )}
        <p className="muted">{t(`settings.hint.${form.taxpayer}`)}</p>
        <div className="inline-form">
          <button type="button" className="primary" onClick={save} data-testid="settings-save">
            {t('settings.save')}
          </button>
          {note && <span className="muted">{note}</span>}
        </div>
        {saving.isError && <div className="error">{errorText(saving.error)}</div>}
      </div>
    </section>
  );
}
