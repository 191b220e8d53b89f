import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { problemWords } from './States';

/** A page that failed to load (e.g. its code could not be fetched after a new release): say so, offer a reload. */
export default function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <Result
      status="warning"
      title={problemWords(error, t).message}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('app.retry')}</Button>}
    />
  );
}
