import { useState } from 'react';
import { Button, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ItemList, Panel } from '../../components/Cards';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import type { Page, ServiceOffer } from './api';

/** Public list of active commissioners' offers; a commissioner may switch to their own. */
export default function ServiceOffers() {
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const commissioner = hasRole(session, 'COMMISSIONER');
  const [mine, setMine] = useState(false);
  const query = useInfiniteQuery({
    queryKey: ['service-offers', mine],
    queryFn: ({ pageParam }) => api<Page<ServiceOffer>>(`/api/service-offers?size=20${mine ? '&mine=true' : ''}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('servicematch.offers')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('servicematch.offersIntro')}</Typography.Paragraph>
      {commissioner && (
        <Space wrap>
          <Segmented value={mine ? 'mine' : 'all'} onChange={(value) => setMine(value === 'mine')}
            options={[{ value: 'all', label: t('servicematch.offers') }, { value: 'mine', label: t('servicematch.mine') }]} />
          <Link to="/service-offers/new"><Button type="primary">{t('servicematch.newOffer')}</Button></Link>
        </Space>
      )}
      <Panel title={t(mine ? 'servicematch.mine' : 'servicematch.offers')} testId="service-offers">
        {query.isPending ? <Loading rows={4} />
          : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
          : items.length === 0 ? <EmptyState text={t('servicematch.none')} />
          : (
            <ItemList items={items} keyOf={(item) => item.id} render={(item) => (
              <article className="item">
                <h3 className="item-title"><Link to={`/service-offers/${item.id}`}>{item.title}</Link></h3>
                <div className="item-meta">
                  <span className="muted">{item.commissioner.name}</span>
                  <Tag>{t(`servicematch.type.${item.serviceType}`)}</Tag>
                  <span>{item.counties.map((code) => l.region(code)).join('、')}</span>
                  {mine && <Tag color={item.status === 'ACTIVE' ? 'green' : 'default'}>{t(`servicematch.state.${item.status}`)}</Tag>}
                </div>
              </article>
            )} />
          )}
        {query.hasNextPage && <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>{t('servicematch.more')}</Button>}
      </Panel>
    </Space>
  );
}
