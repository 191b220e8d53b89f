import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { useMyOrganisations } from '../../api/mine';
import { formatMoney } from '../../lib/money';
import { EmptyState, problemWords } from '../../components/States';
import type { Claim, ServiceOrder } from './api';

/** /provider/vouchers — a registered provider delivers its service orders and claims reimbursement. */
function ProviderWorkbench() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mine = useMyOrganisations();
  const providers = useQuery({ queryKey: ['voucher-providers'], queryFn: () => api<{ organisationId: string; name: string }[]>('/api/voucher-providers') });
  const options = (providers.data ?? []).filter((p) => (mine.data ?? []).some((m) => m.organisation.id === p.organisationId));
  const [picked, setPicked] = useState<string>();
  const provider = picked ?? options[0]?.organisationId;
  const orders = useQuery({ queryKey: ['service-orders', provider], queryFn: () => api<ServiceOrder[]>(`/api/service-orders?organisationId=${provider}`), enabled: !!provider });
  const claims = useQuery({ queryKey: ['claims', provider], queryFn: () => api<Claim[]>(`/api/reimbursement-claims?providerOrganisationId=${provider}`), enabled: !!provider });
  const fail = (error: unknown) => void message.error(problemWords(error, t).message);
  const deliver = useMutation({
    mutationFn: (id: string) => api(`/api/service-orders/${id}/delivery`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['service-orders'] }),
    onError: fail,
  });
  const claim = useMutation({
    mutationFn: () => api('/api/reimbursement-claims', { method: 'POST', body: { providerOrganisationId: provider } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['claims'] }),
    onError: fail,
  });
  if (!provider) return <EmptyState text={t('voucher.provider.none')} />;
  const money = (m: ServiceOrder['price']) => formatMoney(m, i18n.language);
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('voucher.provider.title')}</h1>
      <Select style={{ minWidth: 280, marginBottom: 12 }} value={provider} onChange={setPicked}
        options={options.map((p) => ({ value: p.organisationId, label: p.name }))} />
      <Card title={t('voucher.provider.orders')}>
        <Table size="small" rowKey="id" pagination={false} dataSource={(orders.data ?? []).filter((o) => o.providerOrganisationId === provider)} columns={[
          { dataIndex: 'serviceTitle', title: t('voucher.services.titleField') },
          { dataIndex: 'price', title: t('voucher.services.price'), render: money },
          { dataIndex: 'status', title: t('voucher.order.status'), render: (s: string) => <Tag>{t(`voucher.statuses.${s}`)}</Tag> },
          { key: 'actions', title: '', render: (_: unknown, o: ServiceOrder) => o.status === 'PAID'
            ? <Button size="small" onClick={() => deliver.mutate(o.id)}>{t('voucher.provider.deliver')}</Button> : null },
        ]} />
      </Card>
      <Card title={t('voucher.provider.claims')} style={{ marginTop: 12 }}
        extra={<Button type="primary" loading={claim.isPending} onClick={() => claim.mutate()} data-testid="claim">{t('voucher.provider.claim')}</Button>}>
        <Table size="small" rowKey="id" pagination={false} dataSource={claims.data ?? []} columns={[
          { dataIndex: 'createdAt', title: '', render: (v: string) => new Date(v).toLocaleString(i18n.language) },
          { dataIndex: 'amount', title: t('voucher.provider.claimAmount'), render: money },
          { dataIndex: 'status', title: t('voucher.order.status'), render: (s: string) => <Space><Tag>{t(`voucher.statuses.${s}`)}</Tag></Space> },
        ]} />
      </Card>
    </>
  );
}

export default withAntApp(ProviderWorkbench);
