/**
 * A keyboard-first picker for accounts, customers, employees and departments: type a code,
 * a name or pinyin initials ("clf" → 差旅费), ↑↓ to choose, Enter or Tab to take it.
 * Leaving the field with text that was never picked takes the best match, so a fast typist
 * can enter "1002" and Tab on without waiting for the list.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { LookupItem } from '../../../shared/contract/masters';
import { api } from '../api/platform';
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
  const [text, setText] = useState(label);
  const [items, setItems] = useState<LookupItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  // What was last picked: a blur right after a pick (Tab) must not pick again from stale text.
  const picked = useRef<string | null>(null);
  // The text the shown items were found for: a fast typist's Enter may come before the last answer.
  const shownFor = useRef<string | null>(null);

  useEffect(() => setText(label), [label]);

  const search = async (q: string): Promise<LookupItem[]> => {
    const n = ++seq.current;
    const found = await api('masters.lookup', { kind, q, limit: 12, ...(leafOnly ? { leafOnly } : {}) });
    if (n === seq.current) {
      setItems(found);
      setActive(0);
      shownFor.current = q;
    }
    return found;
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
        void search(text === label ? '' : text);
        return;
      }
      setActive((a) => Math.max(0, Math.min(items.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if ((e.key === 'Enter' || e.key === 'Tab') && open && shownFor.current !== (text === label ? '' : text)) {
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
    const p = search(text).then((found) => pick(found[0] ?? null));
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
          void search(e.target.value);
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
