/** A running job on its page: how far it is (pushed job.progress events) and 取消, which stops it with nothing written (api/jobs.ts). */
import { useI18n } from '../i18n/index';

interface Props {
  /** 0…1 */
  value: number;
  label: string;
  onCancel: () => void;
  testId: string;
}

export function JobBar({ value, label, onCancel, testId }: Props) {
  const { t } = useI18n();
  return (
    <div className="report-progress" role="status" data-testid={testId}>
      <progress value={value} max={1} />
      <span>{label}</span>
      <button type="button" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t('job.cancel')}
      </button>
    </div>
  );
}
