import { Alert, Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

/** A placeholder shaped like the content, with a label for screen readers. */
export function Loading({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t('app.loading')}</span>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function problemWords(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): { message: string; requestId?: string } {
  if (error instanceof ApiError) {
    return { message: t(`problem.${error.kind}`), requestId: error.problem.requestId };
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { message: t('problem.offline') };
  return { message: t('problem.internal-error') };
}

/** An API error in words a user understands; `retry` offers a second try. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.kind === 'not-found') {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span role="alert">{t('listing.notFound')}</span>} />;
  }
  const { message, requestId } = problemWords(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={requestId ? t('problem.requestId', { id: requestId }) : undefined}
      action={retry ? <Button onClick={retry}>{t('app.retry')}</Button> : undefined}
    />
  );
}

export function EmptyState({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <Empty description={text ?? t('listing.empty')} />;
}
