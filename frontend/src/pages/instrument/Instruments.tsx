import { useState } from 'react';
import { Card, Col, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { INSTRUMENT_CATEGORIES, type Instrument } from './types';

/** Anyone browses the shared instruments. */
export default function Instruments() {
  const l = useLabels();
  const { t } = l;
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const params = new URLSearchParams({ size: '50' });
  if (category) params.set('category', category);
  if (q.trim()) params.set('q', q.trim());
  const query = useQuery({ queryKey: ['instruments', category, q], queryFn: () => api<Page<Instrument>>(`/api/instruments?${params}`) });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('instrument.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('instrument.intro')}</Typography.Paragraph>
      <Space wrap>
        <Select allowClear style={{ minWidth: 180 }} placeholder={t('instrument.filterCategory')} value={category}
          onChange={setCategory} aria-label={t('instrument.filterCategory')}
          options={INSTRUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`instrument.category.${c}`) }))} />
        <Input.Search allowClear placeholder={t('instrument.search')} onSearch={setQ} style={{ width: 260 }} />
      </Space>
      {query.isPending ? <Loading /> : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
        : query.data.items.length === 0 ? <EmptyState text={t('instrument.empty')} /> : (
          <Row gutter={[16, 16]}>
            {query.data.items.map((i) => (
              <Col key={i.id} xs={24} md={12} lg={8}>
                <Card title={<Link to={`/instruments/${i.id}`} data-testid="instrument-link">{i.name}</Link>} size="small">
                  <Space direction="vertical" size={4}>
                    <Tag color="blue">{t(`instrument.category.${i.category}`)}</Tag>
                    <Typography.Text>{t('instrument.model')}: {i.model}</Typography.Text>
                    <Typography.Text type="secondary">{i.organisationName} · {l.region(i.countyCode)}</Typography.Text>
                    <Typography.Text strong>{t('instrument.perHour', { fee: l.money(i.hourlyFee) })}</Typography.Text>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        )}
    </Space>
  );
}
