/**
 * 报表: pick a report, a period range and dimension filters; see its sections as tables and
 * charts; export it (or the whole period pack) to Excel with a progress bar; print it
 * (Print / PDF uses this same window: a print stylesheet hides the navigation).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ReportDimensions, ReportInfo } from '../../../shared/contract/reports';
import type { ReportFilters, ReportResult } from '../../../shared/report';
import { api, errorText, files } from '../api/platform';
import { useBook } from '../book-context';
import { packExportedKey } from '../nav-context';
import { useRemembered } from '../remember';
import { ReportSectionView } from '../components/ReportSection';
import { useI18n, type StringKey } from '../i18n/index';
import { thisPeriodLocal } from '../../../shared/today';

/** Reports that need an account to run (the others ignore it). */
const NEEDS_ACCOUNT = new Set(['detail-ledger']);
/** Reports that list accounts down to a chosen level (1 = 4-digit codes … 3 = 8-digit). */
const BY_LEVEL = new Set(['trial-balance']);
const DIMENSIONS = [
  ['customerId', 'customers', 'reports.customer'],
  ['employeeId', 'employees', 'reports.employee'],
  ['departmentId', 'departments', 'reports.department'],
  ['categoryId', 'categories', 'reports.category'],
] as const satisfies readonly [keyof ReportFilters, keyof ReportDimensions, StringKey][];


function defaultRange(firstPeriod: string | undefined): { from: string; to: string } {
  const to = thisPeriodLocal() < (firstPeriod ?? '') ? firstPeriod! : thisPeriodLocal();
  const from = `${to.slice(0, 4)}-01` < (firstPeriod ?? '') ? firstPeriod! : `${to.slice(0, 4)}-01`;
  return { from, to };
}

const jobId = () => `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function ReportsPage() {
  const { t, locale } = useI18n();
  const { book } = useBook();
  const [list, setList] = useState<ReportInfo[]>([]);
  const [dims, setDims] = useState<ReportDimensions | null>(null);
  // The report, range and filters the user chose are remembered per book.
  const [name, setName] = useRemembered('report', book?.bookId, () => 'expense-by-category');
  const [range, setRange] = useRemembered('report-range', book?.bookId, () => defaultRange(book?.firstPeriod));
  const [filters, setFilters] = useRemembered<ReportFilters>('report-filters', book?.bookId, () => ({}));
  const [result, setResult] = useState<ReportResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    api('reports.list', {}).then((l) => {
      setList(l);
      setName((n) => (l.some((r) => r.name === n) ? n : (l[0]?.name ?? n)));
    }, (e: unknown) => setError(errorText(e)));
    api('reports.dimensions', {}).then(setDims, (e: unknown) => setError(errorText(e)));
    setNotice('');
  }, [locale]);

  const request = useMemo(() => {
    const f: ReportFilters = { ...filters };
    if (!NEEDS_ACCOUNT.has(name)) delete f.account;
    if (!BY_LEVEL.has(name)) delete f.level;
    return { name, from: range.from, to: range.to, filters: f };
  }, [name, range, filters]);

  useEffect(() => {
    if (!list.some((r) => r.name === request.name) || !range.from || !range.to) return;
    let live = true;
    setRunning(true);
    setError('');
    api('reports.run', request).then(
      (r) => live && setResult(r),
      (e: Error) => {
        if (!live) return;
        setResult(null);
        setError(e.message);
      },
    ).finally(() => live && setRunning(false));
    return () => {
      live = false;
    };
  }, [request, list, locale, range.from, range.to]);

  // Print the whole report: grids lay out every row while the print dialog is up.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  /** Runs an export while polling its progress; returns its result or null if the user cancelled the dialog. */
  const withProgress = useCallback(async <R,>(defaultName: string, run: (path: string, id: string) => Promise<R>): Promise<{ path: string; r: R } | null> => {
    const path = await files.savePath({ defaultName });
    if (!path) return null;
    const id = jobId();
    setProgress({ done: 0, total: 0 });
    // A poll still in flight when the export ends must not bring the progress bar (and the
    // disabled export buttons) back after it was cleared.
    let live = true;
    const timer = setInterval(() => {
      api('reports.progress', { jobId: id }).then((p) => live && setProgress({ done: p.done, total: p.total }), () => {});
    }, 300);
    try {
      const r = await run(path, id);
      await files.reveal(path);
      return { path, r };
    } finally {
      live = false;
      clearInterval(timer);
      setProgress(null);
    }
  }, []);

  const exportOne = async () => {
    setNotice('');
    setError('');
    const title = result?.title ?? name;
    try {
      const done = await withProgress(`${title} ${range.from}_${range.to}.xlsx`, (path, id) => api('reports.export', { ...request, path, jobId: id }));
      if (done) setNotice(t('reports.exported', { rows: done.r.rows, path: done.r.path }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const exportPack = async () => {
    setNotice('');
    setError('');
    try {
      const done = await withProgress(`${t('reports.packFile')} ${range.from}_${range.to}.xlsx`, (path, id) => api('reports.exportPack', { from: range.from, to: range.to, path, jobId: id }));
      if (!done) return;
      if (book) localStorage.setItem(packExportedKey(book.bookId), new Date().toISOString());
      const skipped = done.r.skipped.map((s) => `${list.find((l) => l.name === s.name)?.title ?? s.name}（${s.reason}）`).join('；');
      setNotice(t('reports.packDone', { count: done.r.reports.length, rows: done.r.rows, path: done.r.path }) + (skipped ? ` ${t('reports.skipped', { list: skipped })}` : ''));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const setFilter = (key: keyof ReportFilters, value: string) =>
    setFilters((f) => {
      const next = { ...f };
      if (value === '') delete next[key];
      else (next as Record<string, string | number>)[key] = key === 'account' ? value.trim() : Number(value);
      return next;
    });

  return (
    <section className="page reports-page">
      <header className="page-head report-toolbar">
        <h1>{t('nav.reports')}</h1>
        <button type="button" onClick={() => void exportOne()} disabled={!result || progress !== null}>
          {t('reports.export')}
        </button>
        <button type="button" onClick={() => void exportPack()} disabled={progress !== null}>
          {t('reports.exportPack')}
        </button>
        <button type="button" onClick={() => window.print()} disabled={!result}>
          {t('reports.print')}
        </button>
      </header>
      <div className="report-filters">
        <label>
          {t('reports.report')}
          <select
            aria-label={t('reports.report')}
            value={name}
            onChange={(e) => {
              setNotice('');
              setName(e.target.value);
            }}
          >
            {list.map((r) => (
              <option key={r.name} value={r.name}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.from')}
          <input type="month" aria-label={t('reports.from')} value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </label>
        <label>
          {t('reports.to')}
          <input type="month" aria-label={t('reports.to')} value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </label>
        {DIMENSIONS.map(([key, list, label]) => (
          <label key={key}>
            {t(label)}
            <select aria-label={t(label)} value={filters[key] ?? ''} onChange={(e) => setFilter(key, e.target.value)}>
              <option value="">{t('reports.all')}</option>
              {(dims?.[list] ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.code ? `${o.code} ${o.name}` : o.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        {BY_LEVEL.has(name) && (
          <label>
            {t('reports.level')}
            <select aria-label={t('reports.level')} value={filters.level ?? ''} onChange={(e) => setFilter('level', e.target.value)}>
              <option value="">{t('reports.all')}</option>
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {t('reports.levelN', { n })}
                </option>
              ))}
            </select>
          </label>
        )}
        {NEEDS_ACCOUNT.has(name) && (
          <label>
            {t('reports.account')}
            <input value={filters.account ?? ''} onChange={(e) => setFilter('account', e.target.value)} size={10} />
          </label>
        )}
      </div>
      {progress && (
        <div className="report-progress" role="status">
          <progress max={progress.total || 1} value={progress.done} />
          <span>{t('reports.exporting', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {notice && <p className="ok-note" role="status">{notice}</p>}
      {error && <p className="error">{error}</p>}
      {running && !result && <p className="muted">{t('reports.running')}</p>}
      {result && (
        <article className={`report-body${running ? ' stale' : ''}`} data-testid="report-body">
          <header className="report-title">
            <h2>{result.title}</h2>
            <p className="muted">{t('reports.meta', { company: result.company, from: result.from, to: result.to, at: new Date(result.generatedAt).toLocaleString(locale) })}</p>
          </header>
          {result.sections.map((s) => (
            <ReportSectionView key={`${result.report}-${s.name}`} section={s} printing={printing} hideTitle={result.sections.length === 1 && s.title === result.title} />
          ))}
        </article>
      )}
    </section>
  );
}
