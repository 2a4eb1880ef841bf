/**
 * The backups of a book with what each holds (company, posted vouchers, last period), and
 * restore. Shown on the home page and, when a book will not open, on the start page.
 * A failed list or restore is said in the toast area.
 */
import type { BackupInfo, BookInfo } from '../../../shared/contract/book';
import { useApi, useApiMutation } from '../api/queries';
import { useI18n, type T } from '../i18n/index';

const REASONS = { close: 'backups.reason.close', 'pre-migration': 'backups.reason.pre-migration', 'pre-restore': 'backups.reason.pre-restore' } as const;
const reasonLabel = (t: T, reason: string) => (reason in REASONS ? t(REASONS[reason as keyof typeof REASONS]) : reason);

export function BackupsPanel({ bookPath, onRestored }: { bookPath: string; onRestored(book: BookInfo): void }) {
  const { t } = useI18n();
  const listed = useApi('backups.list', { path: bookPath });
  // Another book's backups never stand in for this one's.
  const list = listed.isPlaceholderData ? null : (listed.data ?? null);
  const restoring = useApiMutation('backups.restore');

  const restore = (b: BackupInfo) => {
    if (!window.confirm(t('backups.confirm', { at: new Date(b.at).toLocaleString() }))) return;
    restoring.mutate({ path: bookPath, backup: b.path }, { onSuccess: onRestored });
  };

  return (
    <section className="card backups" aria-label={t('backups.title')}>
      <h2>{t('backups.title')}</h2>
      {list?.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {list && list.length > 0 && (
        <table className="plain">
          <thead>
            <tr>
              <th>{t('backups.at')}</th>
              <th>{t('backups.reason')}</th>
              <th>{t('backups.company')}</th>
              <th className="num">{t('backups.vouchers')}</th>
              <th>{t('backups.lastPeriod')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.path}>
                <td>{b.at ? new Date(b.at).toLocaleString() : '—'}</td>
                <td>{reasonLabel(t, b.reason)}</td>
                <td>{b.company}</td>
                <td className="num">{b.vouchers}</td>
                <td>{b.lastPeriod || '—'}</td>
                <td>
                  <button type="button" disabled={restoring.isPending} onClick={() => restore(b)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
