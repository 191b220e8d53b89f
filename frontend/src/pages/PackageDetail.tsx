import { Card, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AchievementPackage } from '../api/types';
import { useLabels } from '../components/labels';
import { EmptyState, ErrorState, Loading } from '../components/States';

export default function PackageDetail() {
  const { id } = useParams();
  const l = useLabels();
  const query = useQuery({ queryKey: ['package', id], queryFn: () => api<AchievementPackage>(`/api/achievement-packages/${id}`) });
  if (query.isPending) return <Loading rows={8} />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Space wrap>{p.industryTags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Space>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>{p.title}</Typography.Title>
        <Typography.Text type="secondary">{l.t('listing.theme')}: {p.theme} · {l.region(p.regionCode)}</Typography.Text>
      </div>
      <Card><Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.description}</Typography.Paragraph></Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{l.t('listing.packageItems')}</h2>}>
        {p.achievements.length === 0 ? <EmptyState /> : (
          <List
            dataSource={p.achievements}
            renderItem={(item, index) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/achievements/${item.id}`}>{index + 1}. {item.title}</Link>}
                  description={<Space wrap><span>{item.organisationName}</span><Tag>{l.field(item.technologyField)}</Tag><Tag>{l.maturity(item.maturity)}</Tag></Space>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
