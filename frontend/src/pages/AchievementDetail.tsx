import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Achievement } from '../api/types';
import { useCanEdit } from '../api/mine';
import { hasRole } from '../auth/auth';
import { useSession } from '../auth/useSession';
import { useLabels } from '../components/labels';
import { ErrorState, Loading } from '../components/States';
import Matches from '../components/Matches';
import InquireButton from './deals/InquireButton';
import { achievementActions, LifecycleButtons } from '../components/LifecycleActions';

export default function AchievementDetail() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const query = useQuery({ queryKey: ['achievement', id], queryFn: () => api<Achievement>(`/api/achievements/${id}`) });
  const editor = useCanEdit(query.data?.organisation.id);
  if (query.isPending) return <Loading rows={8} />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const a = query.data;
  const actions = achievementActions(a.status, editor, hasRole(session, 'ADMIN'));
  const editable = editor && ['DRAFT', 'REJECTED', 'WITHDRAWN'].includes(a.status);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Space wrap>
          <Tag color={a.status === 'PUBLISHED' ? 'green' : 'gold'} data-testid="status">{l.status(a.status)}</Tag>
          <Tag>{l.field(a.technologyField)}</Tag>
        </Space>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>{a.title}</Typography.Title>
        <Typography.Text type="secondary">{a.organisation.name}</Typography.Text>
      </div>
      {a.statusReason && <Alert type={a.status === 'REJECTED' ? 'error' : 'info'} showIcon title={`${t('listing.statusReason')}: ${a.statusReason}`} />}
      {(actions.length > 0 || editable) && (
        <LifecycleButtons resource="achievements" id={a.id} version={a.version} actions={actions} editPath={editable ? `/achievements/${a.id}/edit` : undefined} />
      )}
      {a.status === 'PUBLISHED' && !editor && (
        <InquireButton listingType="ACHIEVEMENT" listingId={a.id} holderId={a.organisation.id} />
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('listing.holder')}>{a.organisation.name}</Descriptions.Item>
          <Descriptions.Item label={t('listing.price')}>
            <Typography.Text strong>{a.priceNegotiable ? t('listing.negotiable') : l.money(a.askingPrice)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('listing.technologyField')}>{l.field(a.technologyField)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.maturity')}>{l.maturity(a.maturity)}{a.trl ? ` · TRL ${a.trl}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('listing.transferModes')}>{a.transferModes.map((m) => l.transfer(m)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('listing.region')}>{l.region(a.regionCode)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.industryTags')}>{a.industryTags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
          {a.publishedAt && <Descriptions.Item label={t('listing.publishedAt')}>{l.date(a.publishedAt)}</Descriptions.Item>}
          {a.ip && a.ip.patents.length > 0 && (
            <Descriptions.Item label={t('listing.patents')}>{a.ip.patents.map((p) => p.applicationNumber).join('、')}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('listing.summary')}</h2>}>
        <Typography.Paragraph>{a.summary}</Typography.Paragraph>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('listing.description')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Typography.Paragraph>
      </Card>
      {a.status === 'PUBLISHED' && <Matches kind="achievements" id={a.id} />}
    </Space>
  );
}
