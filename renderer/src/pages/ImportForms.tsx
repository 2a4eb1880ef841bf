/** The 费用报销单 forms of a preview or an import, each as the claim it becomes (issue 18). */
import type { FormSummary } from '../../../shared/contract/import';
import { formatFen } from '../../../shared/money';
import { useI18n } from '../i18n/index';

type FormRow = FormSummary & { department?: string; date?: string | null };

export function ImportForms({ forms }: { forms: FormRow[] }) {
  const { t } = useI18n();
  if (forms.length === 0) return null;
  return (
    <>
      <h2>{t('import.forms', { n: forms.length })}</h2>
      <table className="plain" data-testid="import-forms">
        <thead>
          <tr>
            <th>{t('import.form.sheet')}</th>
            <th>{t('import.form.no')}</th>
            <th>{t('import.form.employee')}</th>
            <th>{t('import.form.department')}</th>
            <th>{t('import.form.date')}</th>
            <th className="num">{t('import.form.lines')}</th>
            <th className="num">{t('import.form.total')}</th>
            <th>{t('import.status')}</th>
          </tr>
        </thead>
        <tbody>
          {forms.map((f, i) => (
            <tr key={`${f.sheet}-${i}`} className={f.reason ? 'row-rejected' : 'row-ok'}>
              <td>{f.sheet}</td>
              <td>{f.formNo || '—'}</td>
              <td>{f.employee}</td>
              <td>{f.department ?? ''}</td>
              <td>{f.date ?? ''}</td>
              <td className="num">{f.lines}</td>
              <td className="num">{formatFen(f.totalFen)}</td>
              <td>
                <span className={`badge import-${f.reason ? 'rejected' : 'ok'}`}>{t(f.reason ? 'import.form.rejected' : 'import.form.ok')}</span>
                {f.reason && <div className="import-reason">{f.reason}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
