/**
 * 报表: pick a report, a period range and dimension filters; see its sections as tables and
 * charts; export it (or the whole period pack) to Excel with a progress bar fed by the
 * export job's push events (api/jobs.ts); print it (Print / PDF uses this same window: a
 * print stylesheet hides the navigation). The list, dimensions and the report are queries:
 * they refresh when the engine says the book changed; errors go to the toast area.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ExportResult, PackResult, ReportDimensions } from '../../../shared/contract/reports';
import type { ReportFilters } from '../../../shared/report';
import type { JobStarted } from '../../../shared/contract/jobs';
import { api, files } from '../api/platform';
import { useApi } from '../api/queries';
import { cancel, isCancelled, runJob, type RunningJob } from '../api/jobs';
import { notifyError } from '../api/notify';
import { useBook } from '../book-context';
import { packExportedKey } from '../nav-context';
import { useRemembered } from '../remember';
import { JobBar } from '../components/JobBar';
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

export function ReportsPage() {
  const { t, locale } = useI18n();
  const { book } = useBook();
  const listed = useApi('reports.list', {}).data;
  const list = useMemo(() => listed ?? [], [listed]);
  const dims = useApi('reports.dimensions', {}).data ?? null;
  // The report, range and filters the user chose are remembered per book.
  const [name, setName] = useRemembered('report', book?.bookId, () => 'expense-by-category');
  const [range, setRange] = useRemembered('report-range', book?.bookId, () => defaultRange(book?.firstPeriod));
  const [filters, setFilters] = useRemembered<ReportFilters>('report-filters', book?.bookId, () => ({}));
  const [notice, setNotice] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const exporting = useRef<RunningJob<unknown> | null>(null);
  const [printing, setPrinting] = useState(false);

  // A remembered report this book no longer offers falls back to the first one.
  useEffect(() => {
    if (list.length > 0) setName((n) => (list.some((r) => r.name === n) ? n : (list[0]?.name ?? n)));
  }, [list, setName]);
  useEffect(() => setNotice(''), [locale]);

  const request = useMemo(() => {
    const f: ReportFilters = { ...filters };
    if (!NEEDS_ACCOUNT.has(name)) delete f.account;
    if (!BY_LEVEL.has(name)) delete f.level;
    return { name, from: range.from, to: range.to, filters: f };
  }, [name, range, filters]);

  const report = useApi('reports.run', request, { enabled: list.some((r) => r.name === request.name) && !!range.from && !!range.to });
  const result = report.isError ? null : (report.data ?? null);
  const running = report.isFetching;

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

  /** Runs an export job with its pushed progress; returns its result, or null if the user cancelled the dialog or the job (取消: said as the notice). */
  const withProgress = useCallback(async <R,>(defaultName: string, start: (path: string) => Promise<JobStarted>): Promise<{ path: string; r: R } | null> => {
    const path = await files.savePath({ defaultName });
    if (!path) return null;
    setProgress({ done: 0, total: 0 });
    // The job's last progress event comes before its done event, so nothing brings the bar back after it is cleared.
    const job = runJob<R>(() => start(path), (p) => setProgress({ done: p.done, total: p.total ?? 0 }));
    exporting.current = job;
    try {
      const r = await job.result;
      await files.reveal(path);
      return { path, r };
    } catch (e) {
      if (!isCancelled(e)) throw e;
      setNotice(t('job.cancelled'));
      return null;
    } finally {
      exporting.current = null;
      setProgress(null);
    }
  }, [t]);

  const exportOne = async () => {
    setNotice('');
    const title = result?.title ?? name;
    try {
      const done = await withProgress<ExportResult>(`${title} ${range.from}_${range.to}.xlsx`, (path) => api('reports.export', { ...request, path }));
      if (done) setNotice(t('reports.exported', { rows: done.r.rows, path: done.r.path }));
    } catch (e) {
      notifyError(e);
    }
  };

  const exportPack = async () => {
    setNotice('');
    try {
      const done = await withProgress<PackResult>(`${t('reports.packFile')} ${range.from}_${range.to}.xlsx`, (path) => api('reports.exportPack', { from: range.from, to: range.to, path }));
      if (!done) return;
      if (book) localStorage.setItem(packExportedKey(book.bookId), new Date().toISOString());
      const skipped = done.r.skipped.map((s) => `${list.find((l) => l.name === s.name)?.title ?? s.name}（${s.reason}）`).join('；');
      setNotice(t('reports.packDone', { count: done.r.reports.length, rows: done.r.rows, path: done.r.path }) + (skipped ? ` ${t('reports.skipped', { list: skipped })}` : ''));
    } catch (e) {
      notifyError(e);
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
        <JobBar
          value={progress.total ? progress.done / progress.total : 0}
          label={t('reports.exporting', { done: progress.done, total: progress.total })}
          onCancel={() => exporting.current && cancel(exporting.current)}
          testId="report-progress"
        />
      )}
      {notice && <p className="ok-note" role="status">{notice}</p>}
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
