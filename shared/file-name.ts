/**
 * A file name every desktop OS accepts, from text that may hold anything (a company name,
 * a report title, a receipt's original name): no path separators or characters Windows
 * forbids, no control characters, no reserved device names, no trailing dots or spaces,
 * at most 150 characters with the extension kept.
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

export function safeFileName(name: string, fallback = 'export'): string {
  // eslint-disable-next-line no-control-regex
  let clean = name.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = clean.lastIndexOf('.');
  let stem = dot > 0 ? clean.slice(0, dot) : clean;
  const ext = dot > 0 ? clean.slice(dot) : '';
  if (!stem || RESERVED.test(stem)) stem = stem ? `_${stem}` : fallback;
  const chars = [...stem];
  if (chars.length + ext.length > 150) stem = chars.slice(0, Math.max(1, 150 - ext.length)).join('');
  clean = stem + ext;
  return clean;
}
