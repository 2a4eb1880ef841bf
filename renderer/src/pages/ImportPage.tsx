/**
 * 导入 Excel: pick or drop a file, choose what it holds, check the detected header and
 * column mapping against a preview of row statuses, import with a progress bar (a job
 * whose progress arrives as push events, api/jobs.ts, and which 取消 stops with nothing
 * written), read the summary, undo past batches.
 * The preview is a query keyed by file, kind and mapping: a superseded preview's late
 * reply never shows; errors go to the toast area.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobProgress } from '../../../shared/contract/events';
import type { ImportKindName, ImportSummary, NewMasters } from '../../../shared/contract/import';
import { api, files, uploadFile } from '../api/platform';
import { queryKey, useApi } from '../api/queries';
import { cancel, isCancelled, runJob, type RunningJob } from '../api/jobs';
import { notifyError } from '../api/notify';
import { JobBar } from '../components/JobBar';
import { useWorkbookDrops } from '../nav-context';
import { useI18n, type StringKey } from '../i18n/index';
import { ClaimTemplateExport } from './ClaimTemplateExport';
import { ImportBatches } from './ImportBatches';
import { ImportForms } from './ImportForms';
import { ImportNewMasters, newMasterCount } from './ImportNewMasters';
import { ImportResult } from './ImportResult';

const KINDS: ImportKindName[] = ['expenses', 'customers', 'employees', 'accounts', 'revenue', 'drivers', 'timesheets', 'opening-balances', 'vouchers', 'invoices'];
const ALL = '';

/** 1 → A, 27 → AA: the column letters Excel shows. */
const colName = (n: number): string => (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

interface Picked {
  path: string;
  name: string;
}

export function ImportPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKindName>('expenses');
  const [as, setAs] = useState<'claims' | 'vouchers'>('claims');
  const [file, setFile] = useState<Picked | null>(null);
  // The new masters of the file (a job over every row, followed by its events) and which list the user confirmed (each new file, kind or mapping asks again).
  const [mastersProgress, setMastersProgress] = useState<JobProgress | null>(null);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [sheet, setSheet] = useState(ALL);
  const [mapping, setMapping] = useState<Record<string, number> | null>(null);
  const [progress, setProgress] = useState<{ value: number; label: string } | null>(null);
  const importing = useRef<RunningJob<ImportSummary> | null>(null);
  // What the user cancelled last: the import run, or the new-masters check of this file and mapping.
  const [cancelled, setCancelled] = useState<'import' | string | null>(null);
  const client = useQueryClient();
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [dragging, setDragging] = useState(false);
  const batches = useApi('import.batches', { limit: 50 }).data ?? [];
  const previewReq = { kind, path: file?.path ?? '', ...(mapping ? { mapping } : {}) };
  const previewing = useApi('import.preview', previewReq, { enabled: file !== null });
  // keepPreviousData shows the last preview while the next one reads; a failed one shows none.
  const preview = file && !previewing.isError ? (previewing.data ?? null) : null;
  const busy = file && previewing.isFetching ? t('import.reading', { file: file.name }) : null;
  // Listed only once the mapping reads every sheet (a missing column would refuse every row).
  const mappingComplete = !!preview && !previewing.isFetching && !preview.sheets.some((s) => s.headerRow > 0 && s.missing.length > 0);
  const mastersKey = JSON.stringify(previewReq);
  const mastersQueryKey = queryKey('import.masters', previewReq);
  const masters = useQuery<NewMasters>({
    queryKey: mastersQueryKey,
    queryFn: ({ signal }) => {
      const job = runJob<NewMasters>(() => api('import.masters', previewReq), setMastersProgress);
      // 取消 cancels the query (cancelMasters), which aborts this signal: the dry run stops in the engine too.
      signal.addEventListener('abort', () => cancel(job));
      return job.result;
    },
    // A cancelled check runs again only when asked (or for another file or mapping).
    enabled: file !== null && mappingComplete && cancelled !== mastersKey,
  });
  const cancelMasters = () => {
    setCancelled(mastersKey);
    void client.cancelQueries({ queryKey: mastersQueryKey });
  };
  const mastersConfirmed = confirmedFor === mastersKey;

  const choose = async (picked: Picked | null) => {
    if (!picked) return;
    setFile(picked);
    setSheet(ALL);
    setMapping(null);
    setResult(null);
  };

  /** A dropped file (here or anywhere in the window): uploaded where the web build needs it, then previewed. */
  const openDropped = async (f: File) => {
    try {
      await choose({ path: await uploadFile(f), name: f.name });
    } catch (err) {
      notifyError(err);
    }
  };
  useWorkbookDrops((f) => void openDropped(f));

  const pick = async () => {
    try {
      // The invoice ledger also takes the single 数电票 files managers attach (XML, PDF).
      const path = await files.openFile({ extensions: kind === 'invoices' ? ['xlsx', 'xls', 'csv', 'xml', 'pdf'] : ['xlsx', 'xls', 'csv'] });
      if (path) await choose({ path, name: path.split(/[\\/]/).pop() ?? path });
    } catch (e) {
      notifyError(e);
    }
  };

  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) await openDropped(f);
  };

  const changeKind = (k: ImportKindName) => {
    setKind(k);
    setMapping(null);
    setResult(null);
  };

  const changeMapping = (field: string, col: number) => {
    const base = mapping ?? shown?.mapping ?? {};
    const next = { ...base };
    if (col > 0) next[field] = col;
    else delete next[field];
    setMapping(next);
    setResult(null);
  };

  const run = async () => {
    if (!file) return;
    setCancelled(null);
    setProgress({ value: 0, label: t('import.progress.read', { rows: 0 }) });
    const job = runJob<ImportSummary>(
      () =>
        api('import.start', {
          kind,
          path: file.path,
          fileName: file.name,
          ...(kind === 'expenses' ? { as } : {}),
          ...(sheet !== ALL ? { sheet } : {}),
          ...(mapping ? { mapping } : {}),
          // What the user confirmed: the core creates no other customer or employee.
          masters: {
            customers: (masters.data?.customers ?? []).map(({ name, code }) => ({ name, code })),
            employees: (masters.data?.employees ?? []).map(({ name, code }) => ({ name, code })),
          },
        }),
      (p) => setProgress({ value: p.fraction, label: p.phase === 'read' ? t('import.progress.read', { rows: p.done }) : t('import.progress.write') }),
    );
    importing.current = job;
    try {
      setResult(await job.result);
    } catch (e) {
      if (isCancelled(e)) setCancelled('import');
      else notifyError(e);
    } finally {
      importing.current = null;
      setProgress(null);
    }
  };

  const reset = () => {
    setFile(null);
    setResult(null);
    setMapping(null);
  };

  const readable = preview?.sheets.filter((s) => s.headerRow > 0) ?? [];
  const shown = readable.find((s) => s.name === sheet) ?? readable[0];
  const missing = shown ? shown.missing : [];
  const field = (f: string) => t(`import.field.${f}` as StringKey);
  // The import waits for the list (it is what the user confirms) and, when it names anyone, for the tick.
  const mastersDone = masters.isSuccess && !masters.isFetching;
  const needsConfirm = !mastersDone || (newMasterCount(masters.data) > 0 && !mastersConfirmed);

  return (
    <section className="page import-page" data-testid="import-page">
      <header className="page-head">
        <h1>{t('import.title')}</h1>
        <ClaimTemplateExport />
        {file && <button type="button" onClick={reset}>{t('import.again')}</button>}
      </header>

      {!result && (
        <div className="card import-setup">
          <div className="import-options">
            <label>
              {t('import.kind')}
              <select value={kind} onChange={(e) => changeKind(e.target.value as ImportKindName)} data-testid="import-kind" disabled={!!progress}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>{t(`import.kind.${k}` as StringKey)}</option>
                ))}
              </select>
            </label>
            {kind === 'expenses' && (
              <label>
                {t('import.as')}
                <select value={as} onChange={(e) => setAs(e.target.value as 'claims' | 'vouchers')} data-testid="import-as" disabled={!!progress}>
                  <option value="claims">{t('import.as.claims')}</option>
                  <option value="vouchers">{t('import.as.vouchers')}</option>
                </select>
              </label>
            )}
          </div>
          <div
            className={`import-drop${dragging ? ' dragging' : ''}`}
            data-testid="import-drop"
            onDragOver={(e) => (e.preventDefault(), setDragging(true))}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => void drop(e)}
          >
            <span>{file ? `${t('import.file')}：${file.name}` : t('import.drop')}</span>
            <button type="button" className={file ? '' : 'primary'} onClick={() => void pick()} data-testid="import-pick" disabled={!!progress}>
              {t('import.pick')}
            </button>
          </div>
          {busy && <p className="muted">{busy}</p>}
        </div>
      )}

      {preview && !result && (
        <div className="card import-preview" data-testid="import-preview">
          {preview.fixed ? (
            <p className="muted" data-testid="import-fixed">{t('import.fixedLayout')}</p>
          ) : (
          <div className="import-options">
            <label>
              {t('import.sheet')}
              <select value={sheet} onChange={(e) => setSheet(e.target.value)} data-testid="import-sheet">
                <option value={ALL}>{t('import.allSheets')}</option>
                {preview.sheets.map((s) => (
                  <option key={s.name} value={s.name} disabled={s.headerRow === 0}>
                    {s.name}
                    {s.headerRow === 0 ? ` ${t('import.noHeaderSheet')}` : ''}
                  </option>
                ))}
              </select>
            </label>
            {shown && <span className="muted" data-testid="import-header-row">{t('import.headerRow', { row: shown.headerRow })}</span>}
            {shown?.remembered && !mapping && <span className="badge">{t('import.mapping.remembered')}</span>}
          </div>
          )}
          {shown && (
            <>
              {!preview.fixed && (
              <>
              <h2>{t('import.mapping')}</h2>
              <p className="muted">{t('import.mapping.hint')}</p>
              <div className="import-mapping" data-testid="import-mapping">
                {preview.fields.map(({ field: f, required }) => (
                  <label key={f}>
                    {field(f)}
                    {required ? ' *' : ''}
                    <select value={(mapping ?? shown.mapping)[f] ?? 0} onChange={(e) => changeMapping(f, Number(e.target.value))} data-testid={`map-${f}`}>
                      <option value={0}>{t('import.mapping.none')}</option>
                      {shown.header.map((h, i) => (
                        <option key={i} value={i + 1}>{`${colName(i + 1)} · ${h || '—'}`}</option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
              </>
              )}
              {missing.length > 0 && <p className="error">{t('import.missing', { columns: missing.map(field).join('、') })}</p>}
              <ImportForms forms={sheet === ALL ? readable.flatMap((s) => s.forms) : shown.forms} />
              <ImportNewMasters
                masters={mastersDone ? masters.data : undefined}
                running={masters.isFetching}
                progress={mastersProgress}
                failed={masters.isError}
                cancelled={cancelled === mastersKey}
                onCancel={cancelMasters}
                onRetry={() => setCancelled(null)}
                confirmed={mastersConfirmed}
                onConfirm={(v) => setConfirmedFor(v ? mastersKey : null)}
              />
              <h2>{t('import.preview', { n: shown.rows.length })}</h2>
              <div className="import-rows">
                <table className="plain" data-testid="import-rows">
                  <thead>
                    <tr>
                      <th className="num">{t('import.row')}</th>
                      <th>{t('import.status')}</th>
                      {shown.header.map((h, i) => (
                        <th key={i}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.rows.map((r) => (
                      <tr key={r.row} className={`row-${r.status}`}>
                        <td className="num">{r.row}</td>
                        <td>
                          <span className={`badge import-${r.status}`} title={r.reason}>{t(`import.status.${r.status}` as StringKey)}</span>
                          {r.reason && <div className="import-reason">{r.reason}</div>}
                        </td>
                        {shown.header.map((_, i) => (
                          <td key={i}>{r.cells[i] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="import-run">
                {progress ? (
                  <JobBar value={progress.value} label={progress.label} onCancel={() => importing.current && cancel(importing.current)} testId="import-progress" />
                ) : (
                  <>
                    <button type="button" className="primary" onClick={() => void run()} disabled={missing.length > 0 || needsConfirm} aria-describedby={needsConfirm ? 'import-run-why' : undefined} data-testid="import-run">
                      {t('import.run')}
                    </button>
                    {needsConfirm && mastersDone && <span id="import-run-why" className="muted">{t('import.newMasters.needConfirm')}</span>}
                    {cancelled === 'import' && <span className="ok-note" role="status" data-testid="import-cancelled">{t('job.cancelled')}</span>}
                  </>
                )}
              </div>
            </>
          )}
        </div>
      )}

      {result && <ImportResult result={result} />}
      <ImportBatches batches={batches} />
    </section>
  );
}
