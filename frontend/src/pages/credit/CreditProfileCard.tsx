import { Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorState, Loading } from '../../components/States';

export interface CreditProfile {
  subjectType: 'ORGANISATION' | 'PERSON';
  organisationId: string | null;
  personSubject: string | null;
  name: string | null;
  score: number;
  maxScore: number;
  status: 'ACTIVE' | 'NO_HISTORY' | 'BANNED';
  statusText: string;
  components: { key: string; value: string; points: number; maxPoints: number; explanation: string }[];
  ratings: { count: number; average: number | null; distribution: number[] };
  recentRatings: { stars: number; comment: string; engagementKind: string; createdAt: string }[];
  ban: { reason: string; imposedAt: string } | null;
}

/** Score and the reasons behind it, for an organisation or a person (broker, commissioner). */
export default function CreditProfileCard({ organisationId, personSubject }: { organisationId?: string; personSubject?: string }) {
  const { t, i18n } = useTranslation();
  const path = organisationId ? `/api/credit-profiles/organisations/${organisationId}` : `/api/credit-profiles/people/${personSubject}`;
  const query = useQuery({ queryKey: ['credit-profile', path, i18n.language], queryFn: () => api<CreditProfile>(path) });
  if (query.isPending) return <Loading rows={3} />;
  if (query.error) return <ErrorState error={query.error} />;
  const p = query.data;
  const colour = p.status === 'BANNED' ? 'red' : p.status === 'NO_HISTORY' ? 'default' : 'green';
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('credit.profile')}</h2>} data-testid="credit-profile">
      <Space align="center" size="large" wrap>
        <Progress type="dashboard" percent={Math.round((p.score / p.maxScore) * 100)} format={() => p.score}
          status={p.status === 'BANNED' ? 'exception' : 'normal'} size={96} aria-label={t('credit.score')} />
        <Space direction="vertical">
          <Tag color={colour}>{p.statusText}</Tag>
          <Typography.Text type="secondary">{t('credit.ratingsCount', { count: p.ratings.count })}</Typography.Text>
        </Space>
      </Space>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>{t('credit.reasons')}</Typography.Title>
      <List size="small" dataSource={p.components} renderItem={(c) => (
        <List.Item key={c.key}>
          <Typography.Text>{c.explanation}</Typography.Text>
        </List.Item>
      )} />
    </Card>
  );
}
