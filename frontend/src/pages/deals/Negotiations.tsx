import { useState } from 'react';
import { Button, Card, List, Result, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Negotiation } from '../../api/deals';
import type { Page } from '../../api/types';
import { login } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading } from '../../components/States';

/** 在线洽谈: the rooms of my organisations and those I broker, newest first. */
export default function Negotiations() {
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const [status, setStatus] = useState<'all' | 'OPEN' | 'AGREED'>('all');
  const rooms = useInfiniteQuery({
    queryKey: ['negotiations', status],
    queryFn: ({ pageParam }) => api<Page<Negotiation>>(`/api/negotiations?size=20${status === 'all' ? '' : `&status=${status}`}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: session.authenticated,
    refetchInterval: 30_000,
  });
  if (!session.authenticated) {
    return <Result status="403" title={t('deals.common.signInFirst')} extra={<Button type="primary" onClick={() => login(l.language)}>{t('app.login')}</Button>} />;
  }
  const items = rooms.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('deals.rooms.title')}</h1>
      <Card extra={
        <Segmented value={status} onChange={(value) => setStatus(value as typeof status)}
          options={(['all', 'OPEN', 'AGREED'] as const).map((value) => ({ value, label: t(`deals.rooms.filter.${value}`) }))} />
      }>
        {rooms.isPending ? <Loading /> : rooms.error ? <ErrorState error={rooms.error} retry={() => void rooms.refetch()} />
          : items.length === 0 ? <EmptyState text={t('deals.rooms.empty')} />
          : (
            <List
              dataSource={items}
              renderItem={(room) => (
                <List.Item data-testid="negotiation-item">
                  <List.Item.Meta
                    title={<Link to={`/negotiations/${room.id}`}>{room.listing.title}</Link>}
                    description={
                      <Space wrap size={4}>
                        <Tag color={room.status === 'OPEN' ? 'blue' : 'green'}>{t(`deals.rooms.status.${room.status}`, { defaultValue: room.status })}</Tag>
                        <Tag>{t(room.listing.type === 'ACHIEVEMENT' ? 'search.type.ACHIEVEMENT' : 'search.type.DEMAND')}</Tag>
                        <Typography.Text type="secondary">{t('deals.rooms.yourSide')}: {t(`deals.common.side.${room.yourSide}`, { defaultValue: room.yourSide })}</Typography.Text>
                        {room.openOffer?.price && <Typography.Text>{t('deals.rooms.openOffer')}: {l.money(room.openOffer.price)}</Typography.Text>}
                        <Typography.Text type="secondary">{t('deals.rooms.updatedAt')} {l.date(room.updatedAt)}</Typography.Text>
                        {room.contractId && <Link to={`/contracts/${room.contractId}`}>{t('deals.room.toContract')}</Link>}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        {rooms.hasNextPage && <Button onClick={() => void rooms.fetchNextPage()} loading={rooms.isFetchingNextPage}>{t('deals.rooms.loadMore')}</Button>}
      </Card>
    </>
  );
}
