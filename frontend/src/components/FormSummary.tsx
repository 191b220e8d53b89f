import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

export function FormSummary({ summary }: { summary: { message: string; details: string[]; requestId?: string } | null }) {
  const { t } = useTranslation();
  if (!summary) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={summary.message}
      data-testid="form-errors"
      description={(summary.details.length > 0 || summary.requestId) ? (
        <>
          {summary.details.length > 0 && <ul style={{ margin: 0 }}>{summary.details.map((detail) => <li key={detail}>{detail}</li>)}</ul>}
          {summary.requestId && <small>{t('problem.requestId', { id: summary.requestId })}</small>}
        </>
      ) : undefined}
    />
  );
}
