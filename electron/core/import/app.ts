/** Import channels. The import itself runs as a job in a worker (import.start, jobs/announce.ts); the CLI waits for that job too. */
import { inputPath, outputPath } from '../files/user-paths';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import { listBatches, undoBatch } from './batches';
import { announceJob } from '../jobs/announce';
import { previewImport } from './preview';
import { writeRejectReport } from './rejects';
import { writeClaimTemplate } from './claim-template';

/** Relative paths are the CLI's (current folder) or the harness's uploads (absolute); every one through the core's path rules. */
const filePath = (s: Session, p: string) => inputPath(s, p);

export const importHandlers = defineHandlers({
  'import.preview': (req, s) => previewImport(s.requireBook(), { kind: req.kind, path: filePath(s, req.path), mapping: req.mapping }, s.locale),
  'import.masters': (req, s) => announceJob(s, 'import.masters', { kind: req.kind, path: filePath(s, req.path), mapping: req.mapping }),
  'import.start': (req, s) => announceJob(s, 'import', { kind: req.kind, path: filePath(s, req.path), sheet: req.sheet, as: req.as, mapping: req.mapping, fileName: req.fileName, masters: req.masters }),
  'import.batches': (req, s) => listBatches(s.requireBook(), req.limit),
  'import.undo': (req, s) => {
    const book = s.requireBook();
    return book.tx(() => undoBatch(book, req.batchId));
  },
  'import.rejects': (req, s) => writeRejectReport(s.requireBook(), req.batchId, outputPath(s, req.path), s.locale),
  'import.claimTemplate': (req, s) => writeClaimTemplate(s.requireBook(), outputPath(s, req.path), req.employee),
});
