/**
 * `report NAME BOOK --from YYYY-MM --to YYYY-MM [--out FILE.xlsx] [--account CODE]` for
 * every registered report, and `report pack BOOK --from --to --out FILE.xlsx` for the
 * period pack. --json prints the report's first section as rows/totals (what scripts
 * compare against) plus every section; --out writes the same result to Excel, so the
 * printed numbers and the workbook's cannot differ.
 */
import { formatRatio } from '../../../shared/percent';
import { resolve } from 'node:path';
import { formatFen } from '../../../shared/money';
import type { ReportFilters, ReportResult, ReportSection } from '../../../shared/report';
import { textWidth, writeReports } from '../../core/excel/write-report';
import { outputPath } from '../../core/files/user-paths';
import { waitJob } from '../../core/jobs/runner';
import type { PackResult } from '../../../shared/contract/reports';
import { CliUsageError, type CliContext, type Command } from '../run';

const USAGE = 'report NAME BOOK --from YYYY-MM --to YYYY-MM [--out FILE.xlsx] [--account CODE]\nreport pack BOOK --from YYYY-MM --to YYYY-MM --out FILE.xlsx';

function range(flags: CliContext['flags']): { from: string; to: string } {
  const from = typeof flags.from === 'string' ? flags.from : typeof flags.to === 'string' ? flags.to : undefined;
  const to = typeof flags.to === 'string' ? flags.to : from;
  if (!from || !to) throw new CliUsageError(`--from and --to are required\n${USAGE}`);
  return { from, to };
}

const cellText = (s: ReportSection, key: string, v: unknown): string => {
  const kind = s.columns.find((c) => c.key === key)?.kind;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && kind === 'money') return formatFen(v);
  if (typeof v === 'number' && kind === 'percent') return formatRatio(v, 1);
  return String(v);
};

/** A plain-text table per section, for people reading the terminal. */
export function reportText(r: ReportResult): string {
  const out = [`${r.company} · ${r.title} · ${r.from === r.to ? r.from : `${r.from} – ${r.to}`}`];
  for (const s of r.sections) {
    const body = [...s.rows, ...(s.totals ? [s.totals] : [])].map((row) => s.columns.map((c) => cellText(s, c.key, row[c.key])));
    const head = s.columns.map((c) => c.label);
    const widths = head.map((h, i) => Math.max(textWidth(h), ...body.map((b) => textWidth(b[i]!))));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => {
          const padding = ' '.repeat(widths[i]! - textWidth(c));
          return s.columns[i]!.kind === 'text' || s.columns[i]!.kind === 'date' ? c + padding : padding + c;
        })
        .join('  ')
        .trimEnd();
    out.push('', `[${s.title}]`, line(head), ...body.map(line));
  }
  return out.join('\n');
}

const run: Command = async ({ args, flags, call, open, session }) => {
  const [name, book] = args;
  if (!name || !book) throw new CliUsageError(USAGE);
  await open(book);
  const filters: ReportFilters = typeof flags.account === 'string' ? { account: flags.account } : {};
  const r = await call('reports.run', { name, ...range(flags), filters });
  const first = r.sections[0];
  // A statement's caption rows (流动资产：) have no 行次: scripts get the numbered lines, and its facts (balanced) beside them.
  const rows = first?.form ? (first.records ?? first.rows).filter((x) => x.line != null) : (first?.rows ?? []);
  const json: Record<string, unknown> = { report: r.report, title: r.title, from: r.from, to: r.to, ...first?.facts, rows, totals: first?.totals ?? null, sections: r.sections };
  let text = reportText(r);
  if (typeof flags.out === 'string') {
    // The core's output rule, as for the app's exports: never over a book, its side files or the app's folders.
    const written = await writeReports(outputPath(session, resolve(flags.out)), [r], { locale: session.locale });
    json.out = written.path;
    text += `\n\n→ ${written.path} (${written.rows} rows)`;
  }
  return { json, text };
};

const pack: Command = async ({ args, flags, call, open }) => {
  if (!args[0] || typeof flags.out !== 'string') throw new CliUsageError(USAGE);
  await open(args[0]);
  // The export is a job (the app's protocol); the CLI just waits for its end.
  const { jobId } = await call('reports.exportPack', { ...range(flags), path: resolve(flags.out) });
  const r = await waitJob<PackResult>(jobId);
  const skipped = r.skipped.map((s) => `\n  skipped ${s.name}: ${s.reason}`).join('');
  return { json: r, text: `${r.path}: ${r.reports.length} reports, ${r.rows} rows${skipped}` };
};

export const reportCommands = { 'report pack': pack, report: run };
