import { App, Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import type { ServiceOffer } from './api';
import ServiceMatches from './ServiceMatches';

function ServiceOfferDetail() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['service-offer', id], queryFn: () => api<ServiceOffer>(`/api/service-offers/${id}`) });
  const withdraw = useMutation({
    mutationFn: (offer: ServiceOffer) => api<ServiceOffer>(`/api/service-offers/${offer.id}/withdrawal`, { method: 'POST', body: {}, version: offer.version }),
    onSuccess: () => { void message.success(t('servicematch.done')); void client.invalidateQueries(); },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (query.isPending) return <Loading rows={6} />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const offer = query.data;
  const own = offer.commissioner.subject === session.subject;
  const active = offer.status === 'ACTIVE';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Space wrap>
          <Tag color={active ? 'green' : 'default'}>{t(`servicematch.state.${offer.status}`)}</Tag>
          <Tag>{t(`servicematch.type.${offer.serviceType}`)}</Tag>
        </Space>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>{offer.title}</Typography.Title>
        <Typography.Text type="secondary">{t('servicematch.commissioner')}: {offer.commissioner.name}</Typography.Text>
      </div>
      {offer.statusReason && <Alert type="info" showIcon title={`${t('servicematch.statusReason')}: ${offer.statusReason}`} />}
      {active && (own || hasRole(session, 'ADMIN')) && (
        <Space wrap>
          {own && <Link to={`/service-offers/${offer.id}/edit`}><Button>{t('servicematch.edit')}</Button></Link>}
          <Popconfirm title={t('servicematch.confirm')} onConfirm={() => withdraw.mutate(offer)}>
            <Button danger loading={withdraw.isPending} data-testid="withdraw-offer">{t('servicematch.withdraw')}</Button>
          </Popconfirm>
        </Space>
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('servicematch.technologyField')}>{l.field(offer.technologyField)}</Descriptions.Item>
          <Descriptions.Item label={t('servicematch.serviceType')}>{t(`servicematch.type.${offer.serviceType}`)}</Descriptions.Item>
          <Descriptions.Item label={t('servicematch.counties')}>{offer.counties.map((code) => l.region(code)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('servicematch.modes')}>{offer.modes.map((mode) => t(`servicematch.mode.${mode}`)).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('servicematch.description')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{offer.description}</Typography.Paragraph>
      </Card>
      {active && hasRole(session, 'COMMISSIONER', 'ADMIN') && <ServiceMatches kind="service-offers" id={offer.id} />}
    </Space>
  );
}

export default withAntApp(ServiceOfferDetail);
