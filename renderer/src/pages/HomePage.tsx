/** Home: the cockpit (period, claims, budgets, client costs), the book's health (book check on open), its facts and backups. */
import { useState } from 'react';
import type { CheckReport } from '../../../shared/contract/book';
import { files } from '../api/platform';
import { notifyError } from '../api/notify';
import { useApi, useApiMutation } from '../api/queries';
import { useBook } from '../book-context';
import { BackupsPanel } from '../components/BackupsPanel';
import { Checklist } from '../components/Checklist';
import { Cockpit } from '../components/Cockpit';
import { useI18n } from '../i18n/index';
import { todayLocal } from '../../../shared/today';

export function HomePage() {
  const { t } = useI18n();
  const { book, setBook } = useBook();
  const [notice, setNotice] = useState('');
  // A query like any other: asked when a book opens (book.opened makes every answer stale) and when the book's own facts change, not after every write (book check re-reads the whole file).
  // The full one (SQLite's integrity_check, every index entry against its row): it runs as a job, so nothing waits for it.
  const checking = useApi('book.check', { full: true }, { enabled: book !== null });
  // While it runs again the last answer is not this book's (or not this state's): none is shown.
  const check: CheckReport | null = checking.isFetching ? null : (checking.data ?? null);
  const backup = useApiMutation('book.backup');

  if (!book) return null;

  const backupNow = () =>
    files.savePath({ defaultName: `${book.company}-${todayLocal()}.book` }).then(
      (path) =>
        path &&
        backup.mutate(
          { path, overwrite: true },
          {
            onSuccess: (r) => {
              setNotice(t('backups.saved', { path: r.path }));
              files.reveal(r.path).catch(notifyError);
            },
          },
        ),
      notifyError,
    );

  return (
    <section className="page">
      <header className="page-head">
        <h1>{book.company}</h1>
        <button type="button" onClick={() => void backupNow()}>
          {t('backups.backupNow')}
        </button>
      </header>
      {check && !check.ok && (
        <p className="error" role="alert">
          {t('check.failed', { findings: check.findings.map((f) => f.message).join('；') })}
        </p>
      )}
      {check?.ok && <p className="ok-note">{t('check.ok')}</p>}
      {checking.isFetching && <p className="muted">{t('check.running')}</p>}
      {!checking.isFetching && (
        // After a restore, a copy from elsewhere or a doubt: the same full check, on demand.
        <button type="button" className="small" onClick={() => void checking.refetch()}>
          {t('check.again')}
        </button>
      )}
      {notice && <p className="muted">{notice}</p>}
      <Cockpit />
      <dl className="facts">
        <dt>{t('start.standard')}</dt>
        <dd>{t(book.standard === 'small' ? 'start.small' : 'start.enterprise')}</dd>
        <dt>{t('start.firstPeriod')}</dt>
        <dd>{book.firstPeriod}</dd>
        <dt>{t('start.fileName')}</dt>
        <dd className="mono">{book.path}</dd>
      </dl>
      <Checklist />
      <BackupsPanel bookPath={book.path} onRestored={setBook} />
    </section>
  );
}
