/**
 * `npm run bench [-- --smoke]`: every case in its own process, a markdown table of medians,
 * baselines measured in the same run, ratios and peak RSS, and bench-results.json.
 * `--smoke` runs tiny sizes to keep the cases working in CI; it asserts nothing about time.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { BenchCase, BenchResult, BenchSize } from './types';

const size: BenchSize = process.argv.includes('--smoke') ? 'smoke' : 'full';
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const files = ['book.bench.ts', 'first-paint.bench.ts', 'import.bench.ts', 'ledger.bench.ts', 'statements.bench.ts', 'period-end.bench.ts', 'vouchers.bench.ts', 'allocation.bench.ts', 'export.bench.ts'].map((f) => resolve('test/bench', f));

interface Row extends BenchResult {
  name: string;
  target: string;
  peakRssMb: number;
  ratio?: number;
  verdict: string;
}

const rows: Row[] = [];
let failed = 0;
for (const file of files) {
  let cases: BenchCase[];
  try {
    cases = ((await import(file)) as { cases: BenchCase[] }).cases;
  } catch (e) {
    console.error(`skipping ${file}: ${(e as Error).message}`);
    continue;
  }
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    process.stderr.write(`running ${c.name} (${size})…\n`);
    let line: string | undefined;
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', resolve('test/bench/child.ts'), file, c.name, size], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
    } catch {
      line = undefined;
    }
    if (!line) {
      failed++;
      rows.push({ name: c.name, target: c.target, ms: NaN, peakRssMb: NaN, verdict: 'FAILED (see stderr)' });
      continue;
    }
    const r = JSON.parse(line.slice('@@RESULT '.length)) as BenchResult & { peakRssMb: number };
    const ratio = r.baselineMs ? r.ms / r.baselineMs : undefined;
    const misses: string[] = [];
    if (size === 'full') {
      if (c.maxMs !== undefined && r.ms > c.maxMs) misses.push(`time > ${c.maxMs} ms`);
      if (c.maxRatio !== undefined && ratio !== undefined && ratio > c.maxRatio) misses.push(`ratio > ${c.maxRatio}`);
      if (c.maxRssMb !== undefined && r.peakRssMb > c.maxRssMb) misses.push(`RSS > ${c.maxRssMb} MB`);
    }
    rows.push({ name: c.name, target: c.target, ...r, ...(ratio !== undefined ? { ratio } : {}), verdict: size === 'smoke' ? 'smoke' : misses.length ? `MISSES: ${misses.join(', ')}` : 'meets' });
  }
}

const fmt = (n: number | undefined, d = 1) => (n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Benchmarks (${size}) on ${machine}`,
  '',
  '| case | ours (median ms) | baseline (ms) | ratio | peak RSS (MB) | target | verdict |',
  '|---|---:|---:|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.name} | ${fmt(r.ms)} | ${fmt(r.baselineMs)} | ${r.ratio === undefined ? '—' : (r.ratio < 0.1 ? r.ratio.toPrecision(2) : fmt(r.ratio, 2)) + '×'} | ${fmt(r.peakRssMb, 0)} | ${r.target} | ${r.verdict}${r.note ? ` (${r.note})` : ''} |`),
].join('\n');
console.log(table);
writeFileSync('bench-results.json', JSON.stringify({ size, machine, at: new Date().toISOString(), cases: rows }, null, 2));
console.log(`\n${rows.length} cases, ${failed} failed; results in bench-results.json`);
// A case that cannot run is a broken benchmark: fail the command (times never fail it).
if (failed > 0) process.exitCode = 1;
