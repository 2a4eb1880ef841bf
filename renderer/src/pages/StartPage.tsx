/**
 * Start screen: create a book or open one (recent list or a path). Failures are said in the
 * toast area; a book that will not open because it is damaged also offers its backups.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, files } from '../api/platform';
import { notifyError } from '../api/notify';
import { useApi, useApiMutation } from '../api/queries';
import { useBook } from '../book-context';
import { BackupsPanel } from '../components/BackupsPanel';
import { useI18n } from '../i18n/index';
import { thisPeriodLocal } from '../../../shared/today';

export function StartPage() {
  const { t } = useI18n();
  const { setBook } = useBook();
  const recent = useApi('book.recent', {}).data ?? [];
  const [company, setCompany] = useState('');
  const [standard, setStandard] = useState<'small' | 'enterprise'>('small');
  const [firstPeriod, setFirstPeriod] = useState(() => thisPeriodLocal());
  const [fileName, setFileName] = useState('');
  const creating = useApiMutation('book.create');
  const opening = useApiMutation('book.open');
  const demo = useApiMutation('book.demo');
  /** A book that would not open: offer its backups. */
  const damaged = opening.error instanceof ApiError && (opening.error.code === 'book.corrupt' || opening.error.code === 'book.notABook');
  const broken = damaged ? (opening.variables?.path ?? null) : null;

  const create = (e: FormEvent) => {
    e.preventDefault();
    const path = fileName.trim() || company.trim() || 'book';
    creating.mutate({ path, company, standard, firstPeriod }, { onSuccess: setBook });
  };

  const open = (path: string) => opening.mutate({ path }, { onSuccess: setBook });
  const pick = () =>
    files.openFile({ extensions: ['book', 'sqlite'] }).then((path) => path && open(path), notifyError);

  return (
    <main className="start">
      <h1>{t('start.title')}</h1>
      <p className="subtitle">{t('start.subtitle')}</p>
      {broken && <BackupsPanel bookPath={broken} onRestored={setBook} />}
      <section className="card demo-card">
        <div>
          <h2>{t('start.demo')}</h2>
          <p className="muted">{t('start.demoHint')}</p>
        </div>
        <button type="button" className="primary" disabled={demo.isPending} onClick={() => demo.mutate({}, { onSuccess: setBook })}>
          {demo.isPending ? t('start.demoBusy') : t('start.demoButton')}
        </button>
      </section>
      <div className="start-columns">
        <form className="card" onSubmit={create} aria-label={t('start.create')}>
          <h2>{t('start.create')}</h2>
          <label>
            {t('start.company')}
            <input name="company" required value={company} onChange={(e) => setCompany(e.target.value)} autoFocus />
          </label>
          <label>
            {t('start.standard')}
            <select name="standard" value={standard} onChange={(e) => setStandard(e.target.value as 'small' | 'enterprise')}>
              <option value="small">{t('start.small')}</option>
              <option value="enterprise">{t('start.enterprise')}</option>
            </select>
          </label>
          <label>
            {t('start.firstPeriod')}
            <input name="firstPeriod" type="month" value={firstPeriod} onChange={(e) => setFirstPeriod(e.target.value)} />
          </label>
          <label>
            {t('start.fileName')}
            <input name="fileName" value={fileName} placeholder={company || 'book'} onChange={(e) => setFileName(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={creating.isPending}>
            {t('start.createButton')}
          </button>
        </form>
        <section className="card">
          <h2>{t('start.open')}</h2>
          <button type="button" disabled={opening.isPending} onClick={() => void pick()}>
            {t('start.open')}…
          </button>
          <h3>{t('start.recent')}</h3>
          {recent.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" disabled={opening.isPending} onClick={() => open(r.path)}>
                  <strong>{r.company}</strong>
                  <span className="mono muted">{r.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
