import { Button, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ItemList, Panel } from '../../components/Cards';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { requesterName, type Page, type ServiceRequest } from './api';

/** Service requests the caller may see (bureau and commissioners: all open ones; enterprises: their own). */
export default function ServiceRequests() {
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const query = useInfiniteQuery({
    queryKey: ['service-requests'],
    queryFn: ({ pageParam }) => api<Page<ServiceRequest>>(`/api/service-requests?size=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: session.authenticated,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('servicematch.requests')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('servicematch.requestsIntro')}</Typography.Paragraph>
      {hasRole(session, 'ENTERPRISE', 'ADMIN') && (
        <Link to="/service-requests/new"><Button type="primary">{t('servicematch.newRequest')}</Button></Link>
      )}
      <Panel title={t('servicematch.requests')} testId="service-requests">
        {!session.authenticated || query.isPending ? <Loading rows={4} />
          : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
          : items.length === 0 ? <EmptyState text={t('servicematch.none')} />
          : (
            <ItemList items={items} keyOf={(item) => item.id} render={(item) => (
              <article className="item">
                <h3 className="item-title"><Link to={`/service-requests/${item.id}`}>{item.title}</Link></h3>
                <div className="item-meta">
                  <Tag>{t(`servicematch.kind.${item.requester.kind}`)}</Tag>
                  <span className="muted">{requesterName(item.requester)}</span>
                  <span>{l.region(item.countyCode)}</span>
                  <span>{t('servicematch.deadline')}: {item.deadline}</span>
                  <Tag color={item.status === 'OPEN' ? 'green' : 'default'}>{t(`servicematch.state.${item.status}`)}</Tag>
                </div>
              </article>
            )} />
          )}
        {query.hasNextPage && <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>{t('servicematch.more')}</Button>}
      </Panel>
    </Space>
  );
}
