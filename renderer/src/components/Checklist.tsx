/**
 * The monthly round as a guided checklist: opening balances (once), import the managers'
 * expense sheets, approve claims, allocate overhead, export the period pack. Each step
 * shows whether the book already has it and takes the user to the page that does it.
 */
import type { Checklist as ChecklistState } from '../../../shared/contract/book';
import { useApi } from '../api/queries';
import { useBook } from '../book-context';
import { useI18n, type StringKey } from '../i18n/index';
import { packExportedKey, useNav } from '../nav-context';

const STEPS: { key: keyof ChecklistState | 'exported'; page: string; label: StringKey; hint: StringKey }[] = [
  { key: 'openingBalances', page: 'import', label: 'checklist.opening', hint: 'checklist.openingHint' },
  { key: 'imported', page: 'import', label: 'checklist.import', hint: 'checklist.importHint' },
  { key: 'approved', page: 'claims', label: 'checklist.approve', hint: 'checklist.approveHint' },
  { key: 'allocated', page: 'allocation', label: 'checklist.allocate', hint: 'checklist.allocateHint' },
  { key: 'exported', page: 'reports', label: 'checklist.export', hint: 'checklist.exportHint' },
];

export function Checklist() {
  const { t } = useI18n();
  const { book } = useBook();
  const navigate = useNav();
  const state = useApi('app.checklist', {}).data ?? null;

  if (!state || !book) return null;
  const done = (k: (typeof STEPS)[number]['key']) => (k === 'exported' ? localStorage.getItem(packExportedKey(book.bookId)) !== null : state[k]);
  return (
    <section className="card checklist" aria-label={t('checklist.title')}>
      <h2>{t('checklist.title')}</h2>
      <ol>
        {STEPS.map((s) => (
          <li key={s.key} className={done(s.key) ? 'done' : ''}>
            <span className="tick" aria-hidden>
              {done(s.key) ? '✓' : '○'}
            </span>
            <button type="button" className="link" onClick={() => navigate(s.page)}>
              <strong>{t(s.label)}</strong>
              <span className="muted">{t(s.hint)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
