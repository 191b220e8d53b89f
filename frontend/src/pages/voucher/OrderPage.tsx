import { useState } from 'react';
import { useParams } from 'react-router';
import { App, Button, Card, Descriptions, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { formatMoney } from '../../lib/money';
import { ErrorState, Loading, problemWords } from '../../components/States';
import type { Order, Voucher } from './api';

/** /orders/:id — checkout: vouchers first, then the rest by card (the Stripe client secret's state). */
function OrderPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [voucherId, setVoucherId] = useState<string>();
  const order = useQuery({
    queryKey: ['orders', id],
    queryFn: () => api<Order>(`/api/orders/${id}`),
    refetchInterval: (query) => (query.state.data?.cardPayment && query.state.data.status === 'OPEN' ? 2000 : false),
  });
  const vouchers = useQuery({
    queryKey: ['vouchers', order.data?.buyerOrganisationId],
    queryFn: () => api<Voucher[]>(`/api/vouchers?organisationId=${order.data!.buyerOrganisationId}`),
    enabled: !!order.data?.mayPay,
  });
  const done = (next: Order) => {
    client.setQueryData(['orders', id], next);
    void client.invalidateQueries({ queryKey: ['vouchers'] });
  };
  const fail = (error: unknown) => void message.error(problemWords(error, t).message);
  const redeem = useMutation({
    mutationFn: () => api<Order>(`/api/orders/${id}/voucher-redemptions`, {
      method: 'POST', body: { voucherId }, headers: { 'Idempotency-Key': `redeem-${id}-${voucherId}-${Date.now()}` },
    }),
    onSuccess: done,
    onError: fail,
  });
  const card = useMutation({
    mutationFn: () => api<Order>(`/api/orders/${id}/card-payments`, {
      method: 'POST', headers: { 'Idempotency-Key': `card-${id}` },
    }),
    onSuccess: done,
    onError: fail,
  });
  if (order.isPending) return <Loading />;
  if (order.error) return <ErrorState error={order.error} retry={() => void order.refetch()} />;
  const o = order.data;
  const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, i18n.language);
  const usable = (vouchers.data ?? []).filter((v) => !v.expired && v.balance.amountFen > 0)
    .sort((a, b) => b.balance.amountFen - a.balance.amountFen);
  const cardStarted = !!o.cardPayment && o.cardPayment.status !== 'CANCELLED';
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('voucher.order.title')}</h1>
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('voucher.order.status')}>
            <Tag color={o.status === 'PAID' ? 'green' : o.status === 'OPEN' ? 'blue' : 'default'} data-testid="order-status">
              {t(`voucher.order.statuses.${o.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={o.purpose}>{o.description}</Descriptions.Item>
          <Descriptions.Item label={t('voucher.order.amount')}>{money(o.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('voucher.order.voucherAmount')}><span data-testid="voucher-amount">{money(o.voucherAmount)}</span></Descriptions.Item>
          <Descriptions.Item label={t('voucher.order.cardAmount')}><strong data-testid="card-amount">{money(o.cardAmount)}</strong></Descriptions.Item>
          {o.cardPayment && (
            <Descriptions.Item label={t('voucher.order.cardStatus')}>
              <Space direction="vertical" size={2}>
                <Tag data-testid="card-status">{o.cardPayment.status}</Tag>
                {o.cardPayment.clientSecret && (
                  <Typography.Text type="secondary" data-testid="client-secret">
                    {t('voucher.order.clientSecret')}: {t('voucher.order.clientSecretReady', { intent: o.cardPayment.paymentIntentId })}
                  </Typography.Text>
                )}
                {o.cardPayment.lastError && <Typography.Text type="warning">{o.cardPayment.lastError}</Typography.Text>}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {o.status === 'PAID' && <Result status="success" title={t('voucher.order.paid')} />}
      {o.status === 'OPEN' && o.mayPay && (
        <Card style={{ marginTop: 12 }}>
          <Space wrap>
            {!cardStarted && (
              <>
                <span data-testid="voucher-select">
                  <Select id="voucher" style={{ minWidth: 280 }} placeholder={t('voucher.order.chooseVoucher')} value={voucherId}
                    onChange={setVoucherId}
                    options={usable.map((v) => ({ value: v.id, label: `${v.year} · ${money(v.balance)}` }))} />
                </span>
                <Button type="primary" disabled={!voucherId} loading={redeem.isPending} onClick={() => redeem.mutate()}
                  data-testid="apply-voucher">{t('voucher.order.applyVoucher')}</Button>
              </>
            )}
            <Button loading={card.isPending} onClick={() => card.mutate()} data-testid="pay-by-card">
              {t('voucher.order.payByCard')}
            </Button>
          </Space>
        </Card>
      )}
      {o.redemptions.length > 0 && (
        <Card title={t('voucher.order.redemptions')} style={{ marginTop: 12 }}>
          <Table size="small" rowKey="id" pagination={false} dataSource={o.redemptions}
            columns={[
              { dataIndex: 'voucherId', title: 'ID' },
              { dataIndex: 'amount', title: t('voucher.order.voucherAmount'), render: (m) => money(m) },
              { dataIndex: 'status', title: t('voucher.order.status') },
            ]} />
        </Card>
      )}
    </>
  );
}

export default withAntApp(OrderPage);
