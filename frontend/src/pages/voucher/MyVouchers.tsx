import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { useMyOrganisations } from '../../api/mine';
import { formatMoney, yuanToFen } from '../../lib/money';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';
import type { ServiceOrder, Voucher } from './api';

/** /me/vouchers — an enterprise's vouchers, its small-enterprise declaration and its service orders. */
function MyVouchers() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mine = useMyOrganisations();
  const enterprises = (mine.data ?? []).filter((m) => m.organisation.kind === 'ENTERPRISE');
  const [picked, setPicked] = useState<string>();
  const organisation = picked ?? enterprises[0]?.organisation.id;
  const canEdit = enterprises.some((m) => m.organisation.id === organisation && m.role !== 'MEMBER');
  const vouchers = useQuery({ queryKey: ['vouchers', organisation], queryFn: () => api<Voucher[]>(`/api/vouchers?organisationId=${organisation}`), enabled: !!organisation });
  const eligibility = useQuery({ queryKey: ['voucher-eligibility', organisation], queryFn: () => api<{ eligible: boolean; reasons: string[] }>(`/api/organisations/${organisation}/voucher-eligibility`), enabled: !!organisation });
  const orders = useQuery({ queryKey: ['service-orders', organisation], queryFn: () => api<ServiceOrder[]>(`/api/service-orders?organisationId=${organisation}`), enabled: !!organisation });
  const fail = (error: unknown) => void message.error(problemWords(error, t).message);
  const declare = useMutation({
    mutationFn: (v: { employees: number; revenue: string; assets: string }) => api(`/api/organisations/${organisation}/small-enterprise-declaration`, {
      method: 'PUT',
      body: { employees: v.employees, annualRevenue: { amountFen: yuanToFen(v.revenue) ?? -1, currency: 'CNY' }, totalAssets: { amountFen: yuanToFen(v.assets) ?? -1, currency: 'CNY' } },
    }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['voucher-eligibility'] }),
    onError: fail,
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: string }) => api(`/api/service-orders/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['service-orders'] }),
    onError: fail,
  });
  if (mine.isPending) return <Loading />;
  if (enterprises.length === 0) return <EmptyState text={t('voucher.mine.none')} />;
  const money = (m: Voucher['balance']) => formatMoney(m, i18n.language);
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('voucher.mine.title')}</h1>
      <Space style={{ marginBottom: 12 }}>
        {t('voucher.mine.organisation')}
        <Select style={{ minWidth: 280 }} value={organisation} onChange={setPicked}
          options={enterprises.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} />
      </Space>
      {eligibility.data && (
        <Alert style={{ marginBottom: 12 }} type={eligibility.data.eligible ? 'success' : 'info'}
          message={eligibility.data.eligible ? t('voucher.mine.eligible') : t('voucher.mine.notEligible', { reasons: eligibility.data.reasons.join(', ') })} />
      )}
      <Card title={t('voucher.mine.title')}>
        {vouchers.isPending ? <Loading /> : vouchers.error ? <ErrorState error={vouchers.error} />
          : vouchers.data.length === 0 ? <EmptyState text={t('voucher.mine.none')} />
          : <Table size="small" rowKey="id" pagination={false} dataSource={vouchers.data} data-testid="my-vouchers" columns={[
              { dataIndex: 'year', title: t('voucher.admin.year') },
              { dataIndex: 'amount', title: t('voucher.mine.amount'), render: money },
              { dataIndex: 'balance', title: t('voucher.mine.balance'), render: money },
              { dataIndex: 'expiresAt', title: t('voucher.mine.expires'), render: (v: string, r: Voucher) => <>{new Date(v).toLocaleDateString(i18n.language)} {r.expired && <Tag>{t('voucher.mine.expired')}</Tag>}</> },
            ]} />}
      </Card>
      <Card title={t('voucher.mine.orders')} style={{ marginTop: 12 }}>
        {orders.data && orders.data.length > 0 ? (
          <Table size="small" rowKey="id" pagination={false} dataSource={orders.data} columns={[
            { dataIndex: 'serviceTitle', title: t('voucher.services.titleField') },
            { dataIndex: 'price', title: t('voucher.services.price'), render: money },
            { dataIndex: 'status', title: t('voucher.order.status'), render: (s: string) => <Tag>{t(`voucher.statuses.${s}`)}</Tag> },
            { key: 'actions', title: '', render: (_: unknown, o: ServiceOrder) => o.buyerOrganisationId !== organisation ? null : (
              <Space>
                {o.orderId && <Link to={`/orders/${o.orderId}`}>{t('voucher.mine.pay')}</Link>}
                {canEdit && o.status === 'DELIVERED' && <Button size="small" onClick={() => act.mutate({ id: o.id, action: 'confirmation' })}>{t('voucher.mine.confirm')}</Button>}
                {canEdit && o.status === 'ORDERED' && <Button size="small" onClick={() => act.mutate({ id: o.id, action: 'cancellation' })}>{t('voucher.mine.cancel')}</Button>}
              </Space>
            ) },
          ]} />
        ) : <EmptyState />}
      </Card>
      {canEdit && (
        <Card title={t('voucher.mine.declaration')} style={{ marginTop: 12 }}>
          <Form layout="inline" onFinish={(v) => declare.mutate(v)}>
            <Form.Item name="employees" label={t('voucher.mine.employees')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
            <Form.Item name="revenue" label={t('voucher.mine.revenue')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="assets" label={t('voucher.mine.assets')} rules={[{ required: true }]}><Input /></Form.Item>
            <Button htmlType="submit" loading={declare.isPending}>{t('voucher.mine.declare')}</Button>
          </Form>
        </Card>
      )}
    </>
  );
}

export default withAntApp(MyVouchers);
