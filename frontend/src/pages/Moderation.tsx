import { Button, Card, List, Result, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Achievement } from '../api/types';
import { hasRole } from '../auth/auth';
import { useSession } from '../auth/useSession';
import { useLabels } from '../components/labels';
import { EmptyState, ErrorState, Loading } from '../components/States';
import { LifecycleButtons } from '../components/LifecycleActions';

/** The review queue of submitted achievements, oldest first (ADMIN). */
export default function Moderation() {
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const admin = hasRole(session, 'ADMIN');
  const queue = useQuery({
    queryKey: ['moderation'],
    queryFn: () => api<Achievement[]>('/api/moderation/achievements?size=50'),
    enabled: admin,
    refetchInterval: 30_000,
  });
  if (!admin) return <Result status="403" title={t('problem.forbidden')} />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('moderation.title')}</h1>
      <Card>
        {queue.isPending ? <Loading /> : queue.error ? <ErrorState error={queue.error} retry={() => void queue.refetch()} />
          : queue.data.length === 0 ? <EmptyState text={t('moderation.empty')} />
          : (
            <List
              dataSource={queue.data}
              renderItem={(item) => (
                <List.Item data-testid="moderation-item" actions={[
                  <LifecycleButtons key="actions" resource="achievements" id={item.id} version={item.version} actions={['publication', 'rejection']} />,
                ]}>
                  <List.Item.Meta
                    title={<Link to={`/achievements/${item.id}`}>{item.title}</Link>}
                    description={
                      <Space direction="vertical" size={2}>
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{item.summary}</Typography.Paragraph>
                        <Space wrap size={4}>
                          <Typography.Text type="secondary">{item.organisation.name}</Typography.Text>
                          <Tag>{l.field(item.technologyField)}</Tag>
                          <Typography.Text type="secondary">{t('moderation.submittedAt')} {l.date(item.updatedAt)}</Typography.Text>
                        </Space>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )}
      </Card>
      <Space style={{ marginTop: 8 }}><Button onClick={() => void queue.refetch()}>{t('app.retry')}</Button></Space>
    </>
  );
}
