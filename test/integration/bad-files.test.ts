/**
 * Bad files: the sample workbooks mutated (truncated, bytes flipped, XML inside the zip
 * broken, a huge shared string, a million empty styled rows, deeply nested and enormous
 * cells, a zip bomb) and fed to every import kind. Each attempt ends in a correct import
 * or a clear typed error within a time bound — never a crash, a hang, an internal error or
 * a partial write.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { importKindSchema } from '../../shared/contract/import';
import { importReply, testSession } from '../support/session';
import { rng } from '../bench/types';

const SAMPLES = join(import.meta.dirname, '../fixtures/samples');
const small = join(SAMPLES, 'sample_cn_titled.xlsx');
const KINDS = importKindSchema.options;
let cases = 0;

/** Every table's row count: a write of any kind changes it. */
function fingerprint(sqlite: { prepare(s: string): { all(): unknown[]; get(): unknown } }): string {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
  return tables.map((t) => `${t}:${(sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n}`).join(',');
}

async function feed(path: string, kinds: readonly (typeof KINDS)[number][] = KINDS, boundMs = 120_000) {
  const { call, session } = testSession();
  await call('book.create', { path: 'fuzz', company: '坏文件测试', firstPeriod: '2025-01' });
  const book = session.requireBook();
  const outcomes: string[] = [];
  for (const kind of kinds) {
    const before = fingerprint(book.sqlite);
    const started = Date.now();
    const reply = await importReply(session, { kind, path });
    const took = Date.now() - started;
    cases++;
    expect(took, `${kind} took ${took} ms`).toBeLessThan(boundMs);
    if (reply.ok) {
      outcomes.push(`${kind}:ok`);
      // A correct import: the book is sound and the counts add up.
      const r = reply.data as { rowsRead: number; accepted: number; rejected: number; duplicates: number; skipped: number };
      expect(r.accepted + r.rejected + r.duplicates + r.skipped, kind).toBe(r.rowsRead);
      expect((await call('book.check', {})).ok, kind).toBe(true);
    } else {
      outcomes.push(`${kind}:${reply.error.code}`);
      expect(reply.error.code, `${kind}: ${reply.error.message}`).not.toBe('internal');
      expect(reply.error.message.length).toBeGreaterThan(5);
      expect(fingerprint(book.sqlite), `${kind} wrote after refusing`).toBe(before);
    }
  }
  return outcomes;
}

/** The parts that hold the workbook's text: the shared-string table, or the sheets when they store strings inline. */
async function stringParts(zip: JSZip): Promise<string[]> {
  if (zip.file('xl/sharedStrings.xml')) return ['xl/sharedStrings.xml'];
  return Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f));
}

async function rezip(mutate: (zip: JSZip) => Promise<void> | void, out: string, level = 6): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(small));
  await mutate(zip);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } }));
  return out;
}

describe('bad files fed to every import kind', () => {
  let dir: string;
  beforeAll(() => {
    dir = testSession().dir;
  });

  it('truncated and byte-flipped workbooks', async () => {
    const bytes = readFileSync(small);
    const r = rng(2026);
    const variants: Buffer[] = [0.02, 0.3, 0.6, 0.9, 0.999].map((f) => bytes.subarray(0, Math.floor(bytes.length * f)));
    for (let i = 0; i < 24; i++) {
      const b = Buffer.from(bytes);
      const flips = 1 + Math.floor(r() * 20);
      for (let k = 0; k < flips; k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
      variants.push(b);
    }
    for (const [i, v] of variants.entries()) {
      const path = join(dir, `mutant-${i}.xlsx`);
      writeFileSync(path, v);
      await feed(path, i % 3 === 0 ? KINDS : ['expenses', 'customers', 'revenue']);
    }
  }, 600_000);

  it('broken XML inside the zip, missing parts, a sheet that is not XML', async () => {
    const sheets = async (zip: JSZip) => Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f));
    const mutants = [
      await rezip(async (z) => {
        for (const s of await sheets(z)) z.file(s, (await z.file(s)!.async('string')).slice(0, 5000));
      }, join(dir, 'cut-xml.xlsx')),
      await rezip(async (z) => {
        for (const s of await sheets(z)) z.file(s, (await z.file(s)!.async('string')).replace(/<\/row>/g, '</rowx>'));
      }, join(dir, 'bad-tags.xlsx')),
      await rezip((z) => void z.remove('xl/sharedStrings.xml'), join(dir, 'no-strings.xlsx')),
      await rezip((z) => void z.remove('xl/workbook.xml'), join(dir, 'no-workbook.xlsx')),
      await rezip(async (z) => {
        for (const s of await sheets(z)) z.file(s, Buffer.from([0, 1, 2, 3, 255, 254]));
      }, join(dir, 'binary-sheet.xlsx')),
      await rezip((z) => void z.file('xl/sharedStrings.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>'), join(dir, 'entities.xlsx')),
    ];
    for (const m of mutants) await feed(m);
  }, 600_000);

  it('huge shared strings, enormous and deeply nested cells', async () => {
    const r = rng(9);
    // Varied text: 200,000 repeats of one character deflate ~1000:1 and are refused as a zip bomb before any string is read.
    const filler = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(r() * 20_000))).join('');
    const huge = await rezip(async (z) => {
      const [part] = await stringParts(z);
      let i = 0;
      const xml = await z.file(part!)!.async('string');
      // Some strings (past the titles and header) grow to 200,000 characters, beyond Excel's 32,767.
      z.file(part!, xml.replace(/<t([^>]*)>([^<]*)<\/t>/g, (m, attrs: string, text: string) => (++i > 20 && i % 40 === 0 ? `<t${attrs}>${text}${filler(200_000)}</t>` : m)));
    }, join(dir, 'huge-strings.xlsx'));
    const nested = await rezip(async (z) => {
      const [part] = await stringParts(z);
      const xml = await z.file(part!)!.async('string');
      const deep = '<r><t>x</t></r>'.repeat(20_000);
      z.file(part!, xml.replace(/<(si|is)>/, (m) => `${m}${deep}`));
    }, join(dir, 'nested.xlsx'));
    for (const m of [huge, nested]) await feed(m);
    // The over-long cells are rows refused for Excel's cell limit; the other rows import.
    const { call, importFile } = testSession();
    await call('book.create', { path: 'huge', company: '坏文件测试', firstPeriod: '2025-01' });
    const imported = await importFile({ kind: 'expenses', path: huge });
    expect(imported.accepted).toBeGreaterThan(0);
    expect(imported.rejects.filter((x) => x.reason.includes('32767')).length).toBeGreaterThan(0);
  }, 600_000);

  it('a million empty styled rows', async () => {
    const path = await rezip(async (z) => {
      const [sheet] = Object.keys(z.files).filter((f) => /worksheets\/sheet1\.xml$/.test(f));
      const xml = await z.file(sheet!)!.async('string');
      const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
      const empty = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${last + 1 + i}" s="1" customFormat="1"/>`).join('');
      z.file(sheet!, xml.replace('</sheetData>', `${empty}</sheetData>`));
    }, join(dir, 'million-rows.xlsx'));
    const outcomes = await feed(path, ['expenses'], 180_000);
    expect(outcomes[0]).toMatch(/^expenses:(ok|limits\.\w+)$/);
  }, 600_000);

  it('a zip bomb is refused before it is inflated', async () => {
    // 60 MB of zeros deflate to ~60 KB: a ratio near 1000:1.
    const bomb = deflateRawSync(Buffer.alloc(60 * 1024 * 1024));
    const path = await rezip((z) => void z.file('xl/media/bomb.bin', Buffer.alloc(60 * 1024 * 1024)), join(dir, 'bomb.xlsx'), 9);
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    const outcomes = await feed(path);
    expect(new Set(outcomes.map((o) => o.split(':')[1]))).toEqual(new Set(['limits.zipBomb']));
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 600_000);

  it('ran a meaningful number of cases', () => {
    copyFileSync(small, join(dir, 'control.xlsx'));
    expect(cases).toBeGreaterThan(100);
    console.log(`bad-file cases fed to import: ${cases}`);
  });
});
