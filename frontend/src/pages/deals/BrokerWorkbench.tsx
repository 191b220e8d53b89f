import { useState } from 'react';
import { App, Badge, Button, Card, List, Result, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contract, MatchQueueEntry, Negotiation } from '../../api/deals';
import type { Page } from '../../api/types';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import { ContractItem } from './Contracts';
import { upsertNewestFirst } from './logic';
import { useLiveEvents } from './live';

type QueueStatus = 'NEW' | 'CLAIMED' | 'DISMISSED';

function MatchQueue() {
  const l = useLabels();
  const { t } = l;
  const { message, notification } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<QueueStatus>('NEW');
  const key = ['broker', 'match-queue', status];
  const queue = useQuery({ queryKey: key, queryFn: () => api<Page<MatchQueueEntry>>(`/api/broker/match-queue?status=${status}&size=50`) });
  const live = useLiveEvents('/api/broker/match-queue/events', (event, data) => {
    if (event !== 'match') return;
    try {
      const entry = JSON.parse(data) as MatchQueueEntry;
      client.setQueryData<Page<MatchQueueEntry>>(['broker', 'match-queue', 'NEW'], (page) =>
        page ? { ...page, items: upsertNewestFirst(page.items, [entry]) } : page);
      notification.info({ message: t('deals.broker.newMatch', { demand: entry.demandTitle, achievement: entry.achievementTitle }), placement: 'bottomRight' });
    } catch { /* a malformed event is skipped */ }
  });
  const decide = useMutation({
    mutationFn: ({ entry, action }: { entry: MatchQueueEntry; action: 'claim' | 'dismissal' }) => api<MatchQueueEntry>(`/api/broker/match-queue/${entry.id}/${action}`, { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['broker', 'match-queue'] });
      void message.success(t('deals.common.done'));
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  return (
    <Card
      title={<Space><span>{t('deals.broker.queue')}</span><Badge status={live ? 'success' : 'default'} text={live ? t('deals.common.live') : t('deals.common.liveLost')} /></Space>}
      extra={<Segmented value={status} onChange={(value) => setStatus(value as QueueStatus)}
        options={(['NEW', 'CLAIMED', 'DISMISSED'] as const).map((value) => ({ value, label: t(`deals.broker.filter.${value}`) }))} />}
    >
      <Typography.Paragraph type="secondary">{t('deals.broker.queueIntro')}</Typography.Paragraph>
      {queue.isPending ? <Loading /> : queue.error ? <ErrorState error={queue.error} retry={() => void queue.refetch()} />
        : queue.data.items.length === 0 ? <EmptyState text={t('deals.broker.empty')} />
        : (
          <List aria-live="polite" dataSource={queue.data.items} renderItem={(entry) => (
            <List.Item data-testid="match-entry" actions={entry.status === 'NEW' ? [
              <Button key="claim" type="primary" size="small" onClick={() => decide.mutate({ entry, action: 'claim' })}>{t('deals.broker.claim')}</Button>,
              <Button key="dismiss" size="small" onClick={() => decide.mutate({ entry, action: 'dismissal' })}>{t('deals.broker.dismiss')}</Button>,
            ] : [<Tag key="status">{t(`deals.broker.status.${entry.status}`, { defaultValue: entry.status })}</Tag>]}>
              <List.Item.Meta
                title={<Space wrap size={4}>
                  <Tag color="blue">{t('deals.broker.demand')}</Tag><Link to={`/demands/${entry.demandId}`}>{entry.demandTitle}</Link>
                  <span aria-hidden>↔</span>
                  <Tag color="green">{t('deals.broker.achievement')}</Tag><Link to={`/achievements/${entry.achievementId}`}>{entry.achievementTitle}</Link>
                </Space>}
                description={<Space wrap size={8}>
                  <span>{t('deals.broker.score', { score: entry.score.toFixed(3) })}</span>
                  {entry.similarity !== null && <span>{t('deals.broker.similarity', { percent: Math.round(entry.similarity * 100) })}</span>}
                  <Typography.Text type="secondary">{l.date(entry.createdAt)}</Typography.Text>
                </Space>}
              />
            </List.Item>
          )} />
        )}
    </Card>
  );
}

function BrokerDeals() {
  const l = useLabels();
  const { t } = l;
  const rooms = useQuery({ queryKey: ['negotiations', 'broker'], queryFn: () => api<Page<Negotiation>>('/api/negotiations?size=50') });
  const contracts = useQuery({ queryKey: ['contracts', 'mine'], queryFn: () => api<Contract[]>('/api/contracts?size=100') });
  const brokered = (rooms.data?.items ?? []).filter((room) => room.yourSide === 'BROKER');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('nav.negotiations')}>
        {rooms.isPending ? <Loading /> : rooms.error ? <ErrorState error={rooms.error} retry={() => void rooms.refetch()} />
          : brokered.length === 0 ? <EmptyState text={t('deals.rooms.empty')} />
          : <List dataSource={brokered} renderItem={(room) => (
            <List.Item><Link to={`/negotiations/${room.id}`}>{room.listing.title}</Link> <Tag>{t(`deals.rooms.status.${room.status}`, { defaultValue: room.status })}</Tag></List.Item>
          )} />}
      </Card>
      <Card title={t('nav.contracts')}>
        {contracts.isPending ? <Loading /> : contracts.error ? <ErrorState error={contracts.error} retry={() => void contracts.refetch()} />
          : contracts.data.length === 0 ? <EmptyState text={t('deals.contracts.empty')} />
          : <List dataSource={contracts.data} renderItem={(contract) => <ContractItem contract={contract} />} />}
      </Card>
    </Space>
  );
}

/** 经纪人工作台: the live match queue and the deals the broker takes part in. */
function BrokerWorkbenchInner() {
  const { t } = useLabels();
  const session = useSession();
  if (!hasRole(session, 'BROKER')) return <Result status="403" title={t('problem.forbidden')} />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('deals.broker.title')}</h1>
      <Tabs items={[
        { key: 'queue', label: t('deals.broker.queue'), children: <MatchQueue /> },
        { key: 'deals', label: t('deals.broker.deals'), children: <BrokerDeals /> },
      ]} />
    </>
  );
}

export default withAntApp(BrokerWorkbenchInner);
