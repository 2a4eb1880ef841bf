/** Home: the cockpit (period, claims, budgets, client costs), the book's health (book check on open), its facts and backups. */
import { useEffect, useState } from 'react';
import type { CheckReport } from '../../../shared/contract/book';
import { api, files } from '../api/platform';
import { notifyError } from '../api/notify';
import { useBook } from '../book-context';
import { BackupsPanel } from '../components/BackupsPanel';
import { Checklist } from '../components/Checklist';
import { Cockpit } from '../components/Cockpit';
import { useI18n } from '../i18n/index';
import { todayLocal } from '../../../shared/today';

export function HomePage() {
  const { t } = useI18n();
  const { book, setBook } = useBook();
  const [check, setCheck] = useState<CheckReport | null>(null);
  const [notice, setNotice] = useState('');

  // Once per opened book, not a cached query: book check re-reads the whole file, too much to redo on every change.
  // The full one (SQLite's integrity_check, every index entry against its row): it runs as a job, so nothing waits for it.
  useEffect(() => {
    setCheck(null);
    if (book) api('book.check', { full: true }).then(setCheck, notifyError);
  }, [book]);

  if (!book) return null;

  const backupNow = async () => {
    try {
      const path = await files.savePath({ defaultName: `${book.company}-${todayLocal()}.book` });
      if (!path) return;
      const r = await api('book.backup', { path, overwrite: true });
      setNotice(t('backups.saved', { path: r.path }));
      await files.reveal(r.path);
    } catch (e) {
      notifyError(e);
    }
  };

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
