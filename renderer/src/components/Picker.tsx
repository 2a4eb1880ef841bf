/**
 * A keyboard-first picker for accounts, customers, employees and departments: type a code,
 * a name or pinyin initials ("clf" → 差旅费), ↑↓ to choose, Enter or Tab to take it.
 * Leaving the field with text that was never picked takes the best match, so a fast typist
 * can enter "1002" and Tab on without waiting for the list. The list is a query keyed by
 * the text (api/queries.ts): an earlier prefix's late answer never replaces a later one's.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { LookupItem } from '../../../shared/contract/masters';
import { api } from '../api/platform';
import { queryKey, useApi } from '../api/queries';
import { useI18n } from '../i18n/index';

export interface PickerProps {
  kind: 'account' | 'customer' | 'employee' | 'department';
  /** The label of the current value (e.g. "1002 银行存款"), empty for none. */
  label: string;
  onPick: (item: LookupItem | null) => void;
  leafOnly?: boolean;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
  onPaste?: (e: ClipboardEvent<HTMLInputElement>) => void;
  cellId?: string;
}

export const itemLabel = (i: LookupItem) => `${i.code} ${i.name}`;

/** Picks still resolving after their field was left; a save waits for them (settlePickers). */
const pending = new Set<Promise<unknown>>();

/** Resolves once every picker left with unresolved text has picked, and React has re-rendered. */
export async function settlePickers(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
  await new Promise((ok) => setTimeout(ok, 0));
}

export function Picker({ kind, label, onPick, leafOnly, placeholder, testId, disabled, onPaste, cellId }: PickerProps) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [text, setText] = useState(label);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The text the open list searches for.
  const [q, setQ] = useState('');
  // What was last picked: a blur right after a pick (Tab) must not pick again from stale text.
  const picked = useRef<string | null>(null);
  const lookupReq = (text: string) => ({ kind, q: text, limit: 12, ...(leafOnly ? { leafOnly } : {}) });
  const lookup = useApi('masters.lookup', lookupReq(q), { enabled: open });
  const items = lookup.data ?? [];
  // The list shown is for the text typed only once its own answer is in (the last prefix's shows meanwhile): a fast typist's Enter may come before it.
  const current = lookup.isSuccess && !lookup.isPlaceholderData;

  useEffect(() => setText(label), [label]);

  const search = (s: string) => {
    setQ(s);
    setActive(0);
  };

  const pick = (item: LookupItem | null) => {
    setOpen(false);
    picked.current = item ? itemLabel(item) : '';
    setText(picked.current);
    if (item ? itemLabel(item) !== label : label !== '') onPick(item);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        search(text === label ? '' : text);
        return;
      }
      setActive((a) => Math.max(0, Math.min(items.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && open && !current) {
      // The list is still for an earlier prefix: never take its item. Focus moves on at once
      // (keystrokes keep landing in the next cell) and leaving resolves this text's best match.
      setOpen(false);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && open && items[active]) {
      pick(items[active]!);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setText(label);
    }
  };

  // Leaving with typed text that was not picked: take the best match (or clear when emptied).
  const onBlur = () => {
    setOpen(false);
    if (text === label || picked.current !== null) return;
    if (!text.trim()) return pick(null);
    const req = lookupReq(text);
    // A failed lookup is said in the toast area (queries.ts); the text stays as typed.
    const p = client.fetchQuery({ queryKey: queryKey('masters.lookup', req), queryFn: () => api('masters.lookup', req) }).then((found) => pick(found[0] ?? null), () => {});
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  return (
    <div className="picker">
      <input
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        data-testid={testId}
        data-cell={cellId}
        role="combobox"
        aria-expanded={open}
        onChange={(e) => {
          picked.current = null;
          setText(e.target.value);
          setOpen(true);
          search(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onPaste={onPaste}
        onFocus={(e) => e.target.select()}
      />
      {open && (
        <ul className="picker-list" role="listbox">
          {items.length === 0 && <li className="muted">{t('picker.none')}</li>}
          {items.map((i, n) => (
            <li
              key={String(i.id)}
              role="option"
              aria-selected={n === active}
              className={n === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i);
              }}
            >
              <span className="mono">{i.code}</span> {i.name}
              {i.hint && i.hint !== i.name && <span className="muted"> · {i.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
