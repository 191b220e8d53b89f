import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Demand } from '../api/types';
import { useCanEdit } from '../api/mine';
import { hasRole } from '../auth/auth';
import { useSession } from '../auth/useSession';
import { useLabels } from '../components/labels';
import { demandBudget } from '../components/Cards';
import { ErrorState, Loading } from '../components/States';
import Matches from '../components/Matches';
import InquireButton from './deals/InquireButton';
import { demandActions, LifecycleButtons } from '../components/LifecycleActions';

export default function DemandDetail() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const query = useQuery({ queryKey: ['demand', id], queryFn: () => api<Demand>(`/api/demands/${id}`) });
  const editor = useCanEdit(query.data?.organisation.id);
  if (query.isPending) return <Loading rows={8} />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const d = query.data;
  const actions = demandActions(d.status, editor, hasRole(session, 'ADMIN'));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Space wrap>
          <Tag color="blue">{l.status(d.status)}</Tag>
          {d.challenge && <Tag color="volcano">{t('listing.challenge')}</Tag>}
        </Space>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>{d.title}</Typography.Title>
        <Typography.Text type="secondary">{d.organisation.name}</Typography.Text>
      </div>
      {d.statusReason && <Alert type="info" showIcon title={`${t('listing.statusReason')}: ${d.statusReason}`} />}
      {(actions.length > 0 || editor) && (
        <LifecycleButtons resource="demands" id={d.id} version={d.version} actions={actions}
          editPath={editor && ['OPEN', 'IN_NEGOTIATION'].includes(d.status) ? `/demands/${d.id}/edit` : undefined} />
      )}
      {!editor && ['OPEN'].includes(d.status) && (
        <InquireButton listingType="DEMAND" listingId={d.id} holderId={d.organisation.id} />
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('listing.poster')}>{d.organisation.name}</Descriptions.Item>
          <Descriptions.Item label={t('listing.budget')}><Typography.Text strong>{demandBudget(d, l)}</Typography.Text></Descriptions.Item>
          {d.challenge && <Descriptions.Item label={t('listing.bounty')}>{l.money(d.bounty)}</Descriptions.Item>}
          <Descriptions.Item label={t('listing.deadline')}>{d.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('listing.technologyField')}>{l.field(d.technologyField)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.cooperationModes')}>{d.cooperationModes.map((m) => l.transfer(m)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('listing.region')}>{l.region(d.regionCode)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.industryTags')}>{d.industryTags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('listing.problem')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.problem}</Typography.Paragraph>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('listing.expectedOutcome')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.expectedOutcome}</Typography.Paragraph>
      </Card>
      {['OPEN', 'IN_NEGOTIATION'].includes(d.status) && <Matches kind="demands" id={d.id} />}
    </Space>
  );
}
