/**
 * A session's paths: a relative path is a name in the books folder (it may not climb out
 * of it with `..`), and every path then goes through the rules of paths.ts with the
 * session's open book, internal folders and confinement.
 */
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { Session } from '../service/session';
import { guardInput, guardOutput, realTarget, type PathRules } from './paths';

export function pathRules(s: Session): PathRules {
  return {
    book: s.book?.path,
    // The audit keys and the settings the app keeps; Electron names its whole userData folder.
    internalDirs: s.options.internalDirs ?? [join(s.options.settingsDir, 'keys'), join(s.options.settingsDir, 'recent-books.json')],
    confineTo: s.options.confineTo,
  };
}

/** Absolute as given; relative under the books folder, never above it. */
export function absoluteUserPath(s: Session, p: string): string {
  if (isAbsolute(p)) return p;
  const root = resolve(s.options.booksDir);
  const abs = resolve(root, p);
  if (!abs.startsWith(root + sep)) throw new UserError('path.outside', { path: p });
  return abs;
}

/** A path to write to (export, rejects, receipt, backup, journal, PDF): its real path, or a typed refusal. */
export function outputPath(s: Session, p: string, opts: { replaceBook?: boolean; makeFolder?: boolean } = {}): string {
  const abs = absoluteUserPath(s, p);
  const rules = pathRules(s);
  // A receipt's folder may not exist yet: made only where the rules could allow the file at all (checked again by real path below).
  if (opts.makeFolder && (!rules.confineTo || resolve(abs).startsWith(resolve(rules.confineTo) + sep))) mkdirSync(dirname(abs), { recursive: true });
  return guardOutput(abs, rules, opts);
}

/** A file to read (an import, a receipt to attach): its real path, or a typed refusal. */
export const inputPath = (s: Session, p: string): string => guardInput(absoluteUserPath(s, p), pathRules(s));

/** A book to open or create: confined like any other path; the internal folders hold backups, not books to open. */
export function bookFilePath(s: Session, p: string): string {
  const abs = absoluteUserPath(s, p);
  const { confineTo } = pathRules(s);
  if (confineTo) {
    const target = realTarget(abs);
    const root = realTarget(join(confineTo, '.'));
    if (!target.startsWith(root + sep)) throw new UserError('path.outside', { path: p });
  }
  return abs;
}
