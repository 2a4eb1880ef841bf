/**
 * 导出报销单模板 on the import page: the 费用报销单 workbook to send to account managers (one
 * form per employee, or the chosen one's), saved where the user says; it imports back as filled.
 */
import { useEffect, useState } from 'react';
import type { LookupItem } from '../../../shared/contract/masters';
import { api, errorText, files } from '../api/platform';
import { useI18n } from '../i18n/index';

const ALL = '';

export function ClaimTemplateExport({ onError }: { onError: (message: string) => void }) {
  const { t } = useI18n();
  const [employees, setEmployees] = useState<LookupItem[]>([]);
  const [employee, setEmployee] = useState(ALL);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api('masters.lookup', { kind: 'employee', q: '', limit: 100 }).then(setEmployees, () => setEmployees([]));
  }, []);
  const save = async () => {
    const who = employees.find((e) => e.code === employee);
    const path = await files.savePath({ defaultName: `${t('import.template.file')}${who ? `-${who.name}` : ''}.xlsx` });
    if (!path) return;
    setBusy(true);
    try {
      const r = await api('import.claimTemplate', { path, ...(employee ? { employee } : {}) });
      await files.reveal(r.path);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="import-template" data-testid="import-template">
      <select value={employee} onChange={(e) => setEmployee(e.target.value)} aria-label={t('import.template.employee')} data-testid="import-template-employee">
        <option value={ALL}>{t('import.template.all')}</option>
        {employees.map((e) => (
          <option key={e.code} value={e.code}>
            {e.name} {e.code}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void save()} disabled={busy} data-testid="import-template-export">
        {t('import.template.export')}
      </button>
    </span>
  );
}
