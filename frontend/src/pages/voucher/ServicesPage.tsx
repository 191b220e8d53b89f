import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Input, List, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { useMyOrganisations } from '../../api/mine';
import { formatMoney, yuanToFen } from '../../lib/money';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';
import type { ProviderService, ServiceOrder } from './api';

/** /services — the published technology services of registered providers; providers publish here. */
function ServicesListPage() {
  const { t, i18n } = useTranslation();
  const services = useQuery({ queryKey: ['provider-services'], queryFn: () => api<ProviderService[]>('/api/provider-services') });
  const mine = useMyOrganisations();
  const providers = useQuery({ queryKey: ['voucher-providers'], queryFn: () => api<{ organisationId: string; name: string }[]>('/api/voucher-providers') });
  const myProviders = (providers.data ?? []).filter((p) => (mine.data ?? []).some((m) => m.organisation.id === p.organisationId && m.role !== 'MEMBER'));
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('voucher.services.title')}</h1>
      {myProviders.length > 0 && <PublishService providers={myProviders} />}
      <Card>
        {services.isPending ? <Loading /> : services.error ? <ErrorState error={services.error} />
          : services.data.length === 0 ? <EmptyState text={t('voucher.services.none')} />
          : (
            <List dataSource={services.data} renderItem={(s) => (
              <List.Item data-testid="service-item" extra={<strong>{formatMoney(s.price, i18n.language)}</strong>}>
                <List.Item.Meta title={<Link to={`/services/${s.id}`}>{s.title}</Link>}
                  description={<Space direction="vertical" size={2}>
                    <Typography.Text type="secondary">{s.providerName}</Typography.Text>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{s.description}</Typography.Paragraph>
                  </Space>} />
              </List.Item>
            )} />
          )}
      </Card>
    </>
  );
}

function PublishService({ providers }: { providers: { organisationId: string; name: string }[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const publish = useMutation({
    mutationFn: (values: { provider: string; title: string; description: string; price: string }) => api<ProviderService>('/api/provider-services', {
      method: 'POST',
      body: { providerOrganisationId: values.provider, title: values.title, description: values.description,
        price: { amountFen: yuanToFen(values.price) ?? -1, currency: 'CNY' } },
    }),
    onSuccess: () => { form.resetFields(); void client.invalidateQueries({ queryKey: ['provider-services'] }); },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  return (
    <Card title={t('voucher.services.publish')} style={{ marginBottom: 12 }}>
      <Form form={form} layout="vertical" initialValues={{ provider: providers[0].organisationId }} onFinish={(v) => publish.mutate(v)}>
        <Form.Item name="provider" label={t('voucher.services.provider')}>
          <Select options={providers.map((p) => ({ value: p.organisationId, label: p.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('voucher.services.titleField')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('voucher.services.description')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="price" label={t('voucher.services.priceField')} rules={[{ required: true }]}><Input /></Form.Item>
        <Button type="primary" htmlType="submit" loading={publish.isPending}>{t('voucher.services.publish')}</Button>
      </Form>
    </Card>
  );
}

/** /services/:id — one service; an enterprise buys it for one of its organisations and goes to checkout. */
function ServiceDetail() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mine = useMyOrganisations();
  const service = useQuery({ queryKey: ['provider-services', id], queryFn: () => api<ProviderService>(`/api/provider-services/${id}`) });
  const buyers = (mine.data ?? []).filter((m) => m.role !== 'MEMBER' && m.organisation.kind === 'ENTERPRISE');
  const [buyer, setBuyer] = useState<string>();
  const chosen = buyer ?? buyers[0]?.organisation.id;
  const buy = useMutation({
    mutationFn: () => api<ServiceOrder>(`/api/provider-services/${id}/orders`, { method: 'POST', body: { buyerOrganisationId: chosen } }),
    onSuccess: (order) => void navigate(`/orders/${order.orderId}`),
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (service.isPending) return <Loading />;
  if (service.error) return <ErrorState error={service.error} />;
  const s = service.data;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{s.title}</h1>
      <Card>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('voucher.services.provider')}>{s.providerName}</Descriptions.Item>
          <Descriptions.Item label={t('voucher.services.price')}>{formatMoney(s.price, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('voucher.services.description')}>{s.description}</Descriptions.Item>
        </Descriptions>
        {buyers.length > 0 && (
          <Space style={{ marginTop: 12 }} wrap>
            <Typography.Text>{t('voucher.services.buyFor')}</Typography.Text>
            <Select id="buyer" style={{ minWidth: 260 }} value={chosen} onChange={setBuyer}
              options={buyers.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} />
            <Button type="primary" loading={buy.isPending} onClick={() => buy.mutate()} data-testid="buy-service">{t('voucher.services.buy')}</Button>
          </Space>
        )}
      </Card>
    </>
  );
}

export const ServicesList = withAntApp(ServicesListPage);

export default withAntApp(ServiceDetail);
