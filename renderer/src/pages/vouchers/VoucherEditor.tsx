/**
 * 凭证录入: a voucher entered from the keyboard. Tab or Enter moves to the next cell, Enter
 * on the last cell adds a line, the account cell autocompletes by code, name or pinyin,
 * the Dr − Cr difference is shown as you type, rows copied from Excel paste into the
 * lines, Ctrl+S saves the draft. 凭证字 and 附单据张数 sit in the head; 审核 / 反审核 / 记账
 * (Alt+A / Alt+U / Alt+P) follow the book's settings. Reviewed vouchers open read-only
 * until 反审核, posted ones for good, with 红字冲销 and printing.
 * The form is filled from the voucher the engine answers (vouchers.get, a query), again
 * when that answer changes (凭证整理 renumbered it); what the form's actions answer is
 * shown at once. A refused action is said in the form's note (its fields are the cause);
 * a failed print goes to the toast area.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { VoucherDto } from '../../../../shared/contract/ledger';
import type { VoucherSettingsDto, VoucherWord } from '../../../../shared/contract/vouchers';
import { formatFen } from '../../../../shared/money';
import { ApiError } from '../../api/platform';
import { notifyError } from '../../api/notify';
import { fetchApi, queryKey, useApi, useApiMutation } from '../../api/queries';
import { itemLabel, Picker, settlePickers } from '../../components/Picker';
import { useI18n } from '../../i18n/index';
import { isMultiCell, parsePastedRows } from './paste';
import { printVouchers, WorkflowInfo } from './workflow-ui';
import { badAmountKey, blankLine, cellFen, fromDto, resolvePasted, toRequest, totals, type EditLine } from './lines';
import { todayLocal } from '../../../../shared/today';

/** `openId`: the voucher the page opened (null: a new one); `onOpen` tells the page which one the form holds now. */
export function VoucherEditor({ openId, onOpen }: { openId: number | null; onOpen: (id: number | null) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [voucher, setVoucher] = useState<VoucherDto | null>(null);
  const [date, setDate] = useState(todayLocal);
  const [memo, setMemo] = useState('');
  const [word, setWord] = useState<VoucherWord | ''>('');
  const [attachments, setAttachments] = useState('0');
  const settings: VoucherSettingsDto | null = useApi('vouchers.settings', {}).data ?? null;
  const [lines, setLines] = useState<EditLine[]>(() => [blankLine(), blankLine()]);
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [focusCell, setFocusCell] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const linesRef = useRef(lines);
  linesRef.current = lines;
  // Reviewed vouchers are frozen until 反审核; posted ones for good.
  const readonly = voucher !== null && voucher.status !== 'draft';
  // The form's own actions: each refusal is said in the note below the lines.
  const own = { ownErrors: true };
  const saving = useApiMutation('vouchers.save', own);
  const posting = useApiMutation('vouchers.post', own);
  const reversing = useApiMutation('vouchers.reverse', own);
  const reviewing = useApiMutation('vouchers.review', own);
  const unreviewing = useApiMutation('vouchers.unreview', own);
  const deleting = useApiMutation('vouchers.delete', own);

  const fill = (v: VoucherDto | null) => {
    setVoucher(v);
    setDate(v?.date ?? todayLocal());
    setMemo(v?.memo ?? '');
    setWord(v?.word ?? '');
    setAttachments(String(v?.attachments ?? 0));
    setLines(v ? fromDto(v) : [blankLine(), blankLine()]);
  };

  // The stored voucher the page opened; undefined while it reads (the form keeps what it shows).
  const opened = useApi('vouchers.get', { id: openId ?? 0 }, { enabled: openId !== null });
  const answer = openId === null ? null : opened.isPlaceholderData ? undefined : opened.data;
  // State from a changed answer, set while rendering (react.dev: "adjusting some state when a prop changes").
  const [filledFrom, setFilledFrom] = useState<VoucherDto | null | undefined>(undefined);
  if (answer !== undefined && answer !== filledFrom) {
    setFilledFrom(answer);
    fill(answer);
  }
  // A voucher the list opens starts without a note; one this form just saved keeps its own.
  const [heldId, setHeldId] = useState(openId);
  if (openId !== heldId) {
    setHeldId(openId);
    setNote(null);
  }
  /** What an action answered: shown now, cached as that voucher's answer, and told to the page. */
  const hold = (v: VoucherDto | null) => {
    if (v) client.setQueryData(queryKey('vouchers.get', { id: v.id }), v);
    setFilledFrom(v);
    fill(v);
    setHeldId(v?.id ?? null);
    onOpen(v?.id ?? null);
  };
  const refused = (e: unknown) => setNote({ text: (e as Error).message, error: true });

  // A message shown in one language is stale in the other.
  useEffect(() => setNote(null), [t]);

  useEffect(() => {
    if (!focusCell) return;
    table.current?.querySelector<HTMLInputElement>(`[data-cell="${focusCell}"]`)?.focus();
    setFocusCell(null);
  }, [focusCell, lines]);

  const edit = (key: number, patch: Partial<EditLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const save = async (): Promise<VoucherDto | null> => {
    // A picker just left (Ctrl+S, a click on Post) may still be resolving its text.
    await settlePickers();
    const req = toRequest(linesRef.current);
    if (!req.ok) {
      setNote({ text: t(badAmountKey(req.text), { line: req.line, text: req.text }), error: true });
      return null;
    }
    const count = /^\d{1,4}$/.test(attachments.trim()) ? Number(attachments.trim()) : -1;
    if (count < 0) {
      setNote({ text: t('voucher.attachments'), error: true });
      return null;
    }
    const send = (confirmFuture: boolean) =>
      saving.mutateAsync({
        ...(voucher ? { id: voucher.id } : {}),
        date,
        memo: memo || (linesRef.current[0]?.memo ?? ''),
        ...(word ? { word } : {}),
        attachments: count,
        lines: req.lines as never,
        ...(confirmFuture ? { confirmFuture } : {}),
      });
    try {
      let v: VoucherDto;
      try {
        v = await send(false);
      } catch (e) {
        // A date beyond next month would open that period for good (a mistyped year): the core asks, the user answers, and we resend.
        if (!(e instanceof ApiError && e.code === 'closing.futurePeriod')) throw e;
        if (!window.confirm(t('voucher.confirmFuturePeriod', { period: date.slice(0, 7) }))) {
          setNote({ text: e.message, error: true });
          return null;
        }
        v = await send(true);
      }
      hold(v);
      setNote({ text: t('voucher.saved') });
      return v;
    } catch (e) {
      refused(e);
      return null;
    }
  };

  const post = async () => {
    // A reviewed voucher is posted as reviewed; a draft is saved first (a book without 审核 posts it directly).
    const v = voucher?.status === 'reviewed' ? voucher : await save();
    if (!v) return;
    try {
      const posted = await posting.mutateAsync({ id: v.id });
      hold(posted);
      setNote({ text: t('voucher.posted', { no: `${posted.period} ${posted.no}` }) });
    } catch (e) {
      refused(e);
    }
  };

  const reverse = async () => {
    if (!voucher || !window.confirm(t('voucher.confirmReverse', { no: `${voucher.period} ${voucher.no}` }))) return;
    try {
      const r = await reversing.mutateAsync({ id: voucher.id });
      hold(r);
      setNote({ text: t('voucher.reversed', { no: `${r.period} ${r.no}` }) });
    } catch (e) {
      refused(e);
    }
  };

  const workflow = async (verb: 'review' | 'unreview') => {
    const v = verb === 'review' ? await save() : voucher;
    if (!v) return;
    try {
      const r = await (verb === 'review' ? reviewing : unreviewing).mutateAsync({ id: v.id });
      hold(r);
      setNote({ text: verb === 'review' ? t('voucher.reviewedNote', { no: `${r.period} ${r.word} #${r.id}` }) : t('voucher.unreviewedNote') });
    } catch (e) {
      refused(e);
    }
  };

  const print = async () => {
    if (!voucher) return;
    try {
      const r = await printVouchers({ ids: [voucher.id] }, `${voucher.period} ${voucher.no === '—' ? `#${voucher.id}` : voucher.no}.pdf`);
      if (r) setNote({ text: t('voucher.printed', { vouchers: r.vouchers, pages: r.pages }) });
    } catch (e) {
      notifyError(e);
    }
  };

  const remove = async () => {
    if (!voucher) return;
    try {
      await deleting.mutateAsync({ id: voucher.id });
      hold(null);
      setNote({ text: t('voucher.deleted') });
    } catch (e) {
      refused(e);
    }
  };

  // Ctrl+S saves the draft wherever the focus is on the page.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!readonly) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readonly]);

  // Enter behaves like Tab inside the lines; on the very last cell it adds a line.
  const onTableKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (!(e.target instanceof HTMLInputElement)) return;
    // ↑ ↓ move between lines in the same column, as in a spreadsheet (pickers use them for their list).
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.target.getAttribute('role') !== 'combobox') {
      const [row, col] = (e.target.dataset.cell ?? '').split('-');
      const to = table.current?.querySelector<HTMLInputElement>(`[data-cell="${Number(row) + (e.key === 'ArrowUp' ? -1 : 1)}-${col}"]`);
      if (to) {
        e.preventDefault();
        to.focus();
      }
      return;
    }
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey) return;
    e.preventDefault();
    const cells = [...(table.current?.querySelectorAll<HTMLInputElement>('input[data-cell]') ?? [])];
    const i = cells.indexOf(e.target);
    if (i >= 0 && i < cells.length - 1) cells[i + 1]!.focus();
    else if (i === cells.length - 1) {
      setLines((ls) => [...ls, blankLine(memo || (ls.at(-1)?.memo ?? ''))]);
      setFocusCell(`${lines.length}-account`);
    }
  };

  const onPaste = (row: number) => async (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isMultiCell(text)) return;
    e.preventDefault();
    const parsed = parsePastedRows(text);
    if (!parsed.ok) return setNote({ text: t('voucher.badAmount', { line: parsed.line, text: parsed.text }), error: true });
    // A failed lookup is already in the toast area (the query cache reports it); the paste then does nothing.
    const resolved = await resolvePasted(parsed.rows, (req) => fetchApi(client, 'masters.lookup', req)).catch(() => null);
    if (!resolved) return;
    const { lines: pasted, unknown } = resolved;
    if (unknown) return setNote({ text: t('voucher.unknownAccount', { line: row + unknown.line, text: unknown.text }), error: true });
    setLines((ls) => [...ls.slice(0, row), ...pasted, ...ls.slice(row + pasted.length)]);
    setNote({ text: t('voucher.pasted', { count: pasted.length }) });
  };

  const sum = totals(lines);
  const diff = sum.debit - sum.credit;
  // Nothing entered is not "balanced": the green note is earned by amounts that agree.
  const empty = sum.debit === 0 && sum.credit === 0;
  // Enter in the date goes to 摘要, in 摘要 to the first line (keyboard-first, as in 金蝶/用友).
  const enterTo = (cell: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const to = cell === 'memo' ? document.querySelector<HTMLInputElement>('[data-testid="voucher-memo"]') : table.current?.querySelector<HTMLInputElement>(`[data-cell="${cell}"]`);
    to?.focus();
  };
  const amountCell = (l: EditLine, r: number, side: 'debit' | 'credit') => (
    <td className={`num${cellFen(l[side]) === 'bad' ? ' bad' : ''}${l[side].trim().startsWith('-') ? ' neg' : ''}`}>
      <input
        value={l[side]}
        disabled={readonly}
        inputMode="decimal"
        data-cell={`${r}-${side}`}
        onChange={(e) => edit(l.key, { [side]: e.target.value })}
        onBlur={() => {
          const fen = cellFen(l[side]);
          if (typeof fen === 'number') edit(l.key, { [side]: formatFen(fen) });
        }}
        onPaste={onPaste(r)}
        // "=" fills the amount that balances the voucher, as in most Chinese bookkeeping tools.
        onKeyDown={(e) => {
          if (e.key === '=') {
            e.preventDefault();
            const other = totals(lines.filter((x) => x.key !== l.key));
            const need = side === 'debit' ? other.credit - other.debit : other.debit - other.credit;
            if (need > 0) edit(l.key, { [side]: formatFen(need), [side === 'debit' ? 'credit' : 'debit']: '' });
          }
        }}
      />
    </td>
  );

  return (
    <section className="voucher-editor" data-testid="voucher-editor">
      <div className="voucher-head">
        <h2>{voucher ? `${t('voucher.entry')} ${voucher.period} ${voucher.no}` : t('voucher.new')}</h2>
        {voucher && <span className={`badge ${voucher.status}`}>{t(`voucher.status.${voucher.status}`)}</span>}
        {voucher?.reversesId && <span className="badge">{t('voucher.reversal')}</span>}
        {voucher?.reversedById && <span className="badge">{t('voucher.reversedBy')}</span>}
        <label>
          {t('voucher.word')}
          {/* 凭证字, 附单据 come before the date: Tab from the date goes on to 摘要 and the lines. */}
          <select value={word || settings?.words[0] || '记'} disabled={readonly || (settings?.words.length ?? 1) < 2} data-testid="voucher-word" onChange={(e) => setWord(e.target.value as VoucherWord)}>
            {(settings?.words ?? ['记']).map((w) => (
              <option key={w} value={w}>{w}</option>
            ))}
          </select>
        </label>
        <label>
          {t('voucher.attachments')}
          <input value={attachments} disabled={readonly} inputMode="numeric" size={3} data-testid="voucher-attachments" onChange={(e) => setAttachments(e.target.value)} />
          {t('voucher.attachmentsUnit')}
        </label>
        <label>
          {t('voucher.date')}
          <input value={date} disabled={readonly} data-testid="voucher-date" onChange={(e) => setDate(e.target.value)} onKeyDown={enterTo('memo')} placeholder="YYYY-MM-DD" size={11} />
        </label>
        <label className="grow">
          {t('voucher.memo')}
          <input value={memo} disabled={readonly} data-testid="voucher-memo" onChange={(e) => setMemo(e.target.value)} onKeyDown={enterTo('0-memo')} />
        </label>
      </div>
      {voucher && <WorkflowInfo voucher={voucher} />}
      {readonly && <p className="muted">{t(voucher?.status === 'reviewed' ? 'voucher.reviewedLocked' : 'voucher.readonly')}</p>}
      <table className="voucher-lines" ref={table} onKeyDown={onTableKey}>
        <thead>
          <tr>
            <th>#</th>
            <th className="memo-col">{t('voucher.memo')}</th>
            <th className="account-col">{t('voucher.account')}</th>
            <th className="num">{t('voucher.debit')}</th>
            <th className="num">{t('voucher.credit')}</th>
            <th className="customer-col">{t('voucher.customer')}</th>
            <th className="dim-col">{t('voucher.employee')}</th>
            <th className="dim-col">{t('voucher.department')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, r) => (
            <tr key={l.key} data-testid={`voucher-line-${r}`}>
              <td className="muted">{r + 1}</td>
              <td>
                <input value={l.memo} disabled={readonly} data-cell={`${r}-memo`} onChange={(e) => edit(l.key, { memo: e.target.value })} onPaste={onPaste(r)} />
              </td>
              <td className="account-col">
                <Picker kind="account" leafOnly label={l.accountLabel} disabled={readonly} cellId={`${r}-account`} placeholder={t('ledger.chooseAccount')} onPaste={onPaste(r)}
                  onPick={(i) => edit(l.key, { account: i ? String(i.id) : null, accountLabel: i ? itemLabel(i) : '' })} />
              </td>
              {amountCell(l, r, 'debit')}
              {amountCell(l, r, 'credit')}
              <td className="customer-col">
                <Picker kind="customer" label={l.customerLabel} disabled={readonly} cellId={`${r}-customer`} onPick={(i) => edit(l.key, { customerId: i ? Number(i.id) : null, customerLabel: i ? itemLabel(i) : '' })} />
              </td>
              <td>
                <Picker kind="employee" label={l.employeeLabel} disabled={readonly} cellId={`${r}-employee`} onPick={(i) => edit(l.key, { employeeId: i ? Number(i.id) : null, employeeLabel: i ? itemLabel(i) : '' })} />
              </td>
              <td>
                <Picker kind="department" label={l.departmentLabel} disabled={readonly} cellId={`${r}-department`} onPick={(i) => edit(l.key, { departmentId: i ? Number(i.id) : null, departmentLabel: i ? itemLabel(i) : '' })} />
              </td>
              <td>
                {!readonly && lines.length > 2 && (
                  <button type="button" className="icon" tabIndex={-1} title={t('voucher.removeLine')} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td colSpan={2}>{t('voucher.total')}</td>
            <td className="num" data-testid="voucher-debit-total">{formatFen(sum.debit)}</td>
            <td className="num" data-testid="voucher-credit-total">{formatFen(sum.credit)}</td>
            <td colSpan={4} className={empty ? 'muted' : diff === 0 ? 'ok-note' : 'diff'} data-testid="voucher-difference">
              {empty ? t('voucher.noAmounts') : diff === 0 ? t('voucher.balanced') : `${t('voucher.difference')} ${formatFen(diff)}`}
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="voucher-actions">
        {!readonly && (
          <>
            <button type="button" tabIndex={-1} onClick={() => setLines((ls) => [...ls, blankLine(memo || (ls.at(-1)?.memo ?? ''))])}>{t('voucher.addLine')}</button>
            <button type="button" data-testid="voucher-save" onClick={() => void save()}>{t('voucher.save')}</button>
            {settings?.reviewRequired !== false && (
              <button type="button" accessKey="a" data-testid="voucher-review" onClick={() => void workflow('review')}>{t('voucher.review')}</button>
            )}
            <button type="button" className="primary" accessKey="p" data-testid="voucher-post" onClick={() => void post()}>{t('voucher.post')}</button>
            {voucher && <button type="button" onClick={() => void remove()}>{t('voucher.delete')}</button>}
          </>
        )}
        {voucher?.status === 'reviewed' && (
          <>
            <button type="button" accessKey="u" data-testid="voucher-unreview" onClick={() => void workflow('unreview')}>{t('voucher.unreview')}</button>
            <button type="button" className="primary" accessKey="p" data-testid="voucher-post" onClick={() => void post()}>{t('voucher.post')}</button>
          </>
        )}
        {voucher && <button type="button" data-testid="voucher-print" onClick={() => void print()}>{t('voucher.printThis')}</button>}
        {voucher?.status === 'posted' && !voucher.reversesId && !voucher.reversedById && (
          <button type="button" data-testid="voucher-reverse" onClick={() => void reverse()}>{t('voucher.reverse')}</button>
        )}
        <button type="button" onClick={() => { hold(null); setNote(null); }}>{t('voucher.new')}</button>
        <span className="muted hint">{t('voucher.keysHint')} · {t('voucher.keysWorkflow')}</span>
      </div>
      {note && <p className={note.error ? 'error' : 'ok-note'} data-testid="voucher-note">{note.text}</p>}
    </section>
  );
}
