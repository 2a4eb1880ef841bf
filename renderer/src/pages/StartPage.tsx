/** Start screen: create a book or open one (recent list or a path). */
import { useEffect, useState, type FormEvent } from 'react';
import type { RecentBook } from '../../../shared/contract/book';
import { api, ApiError, files, errorText } from '../api/platform';
import { useBook } from '../book-context';
import { BackupsPanel } from '../components/BackupsPanel';
import { useI18n } from '../i18n/index';
import { thisPeriodLocal } from '../../../shared/today';

export function StartPage() {
  const { t } = useI18n();
  const { setBook } = useBook();
  const [recent, setRecent] = useState<RecentBook[]>([]);
  const [company, setCompany] = useState('');
  const [standard, setStandard] = useState<'small' | 'enterprise'>('small');
  const [firstPeriod, setFirstPeriod] = useState(() => thisPeriodLocal());
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** A book that would not open: offer its backups. */
  const [broken, setBroken] = useState<string | null>(null);

  useEffect(() => {
    api('book.recent', {}).then(setRecent, () => setRecent([]));
  }, []);

  const guard = async (fn: () => Promise<void>, path?: string) => {
    setError('');
    setBroken(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
      if (path && e instanceof ApiError && (e.code === 'book.corrupt' || e.code === 'book.notABook')) setBroken(path);
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void guard(async () => {
      const path = fileName.trim() || company.trim() || 'book';
      setBook(await api('book.create', { path, company, standard, firstPeriod }));
    });
  };

  const open = (path: string) => guard(async () => setBook(await api('book.open', { path })), path);

  return (
    <main className="start">
      <h1>{t('start.title')}</h1>
      <p className="subtitle">{t('start.subtitle')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {broken && <BackupsPanel bookPath={broken} onRestored={setBook} />}
      <section className="card demo-card">
        <div>
          <h2>{t('start.demo')}</h2>
          <p className="muted">{t('start.demoHint')}</p>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => {
          setBusy(true);
          void guard(async () => setBook(await api('book.demo', {}))).finally(() => setBusy(false));
        }}>
          {busy ? t('start.demoBusy') : t('start.demoButton')}
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
          <button type="submit" className="primary">
            {t('start.createButton')}
          </button>
        </form>
        <section className="card">
          <h2>{t('start.open')}</h2>
          <button type="button" onClick={() => void guard(async () => {
            const path = await files.openFile({ extensions: ['book', 'sqlite'] });
            if (path) await open(path);
          })}>
            {t('start.open')}…
          </button>
          <h3>{t('start.recent')}</h3>
          {recent.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" onClick={() => void open(r.path)}>
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
