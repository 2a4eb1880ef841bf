/**
 * Paths from the user only: main accepts a path in a request only if one of its own
 * dialogs handed it out this session, or if it lies under the app's folders (the books
 * folder, userData). The renderer is untrusted; a compromised page that types
 * "/etc/passwd" or "C:\Windows\…" into claims.attach gets path.notGranted before the
 * engine sees the request. The engine still applies the core's own path rules after this.
 */
import { isAbsolute, resolve, sep } from 'node:path';

/** Request fields that carry a path (contract: book.*, backups.*, import.*, claims.attach/receipt, reports.export*, ledger.exportHledger). */
const PATH_FIELDS = ['path', 'backup'];

export class PathGrants {
  private readonly granted = new Set<string>();
  private readonly roots: string[];

  constructor(
    private readonly booksDir: string,
    appDirs: string[],
  ) {
    this.roots = [booksDir, ...appDirs].map((d) => resolve(d));
  }

  /** A path a dialog of main returned. */
  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  allows(path: string): boolean {
    // A bare name is a book in the books folder (core/book/app.ts resolves it the same way).
    const abs = isAbsolute(path) ? resolve(path) : resolve(this.booksDir, path);
    return this.granted.has(abs) || this.roots.some((r) => abs.startsWith(r + sep));
  }

  /** The first path in a request payload that was not granted, or null. */
  refused(payload: unknown): string | null {
    if (!payload || typeof payload !== 'object') return null;
    for (const field of PATH_FIELDS) {
      const v = (payload as Record<string, unknown>)[field];
      if (typeof v === 'string' && !this.allows(v)) return v;
    }
    return null;
  }
}
