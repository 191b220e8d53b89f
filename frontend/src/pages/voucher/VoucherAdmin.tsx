import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Result, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { formatMoney, yuanToFen } from '../../lib/money';
import { problemWords } from '../../components/States';
import type { Budget, Claim, Voucher } from './api';

/** /admin/vouchers — the bureau: yearly budget, issuing vouchers, providers, claims, the ledger check. */
function VoucherAdmin() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const session = useSession();
  const admin = hasRole(session, 'ADMIN');
  const budgets = useQuery({ queryKey: ['voucher-budgets'], queryFn: () => api<Budget[]>('/api/voucher-budgets'), enabled: admin });
  const vouchers = useQuery({ queryKey: ['vouchers', 'all'], queryFn: () => api<Voucher[]>('/api/vouchers'), enabled: admin });
  const claims = useQuery({ queryKey: ['claims', 'SUBMITTED'], queryFn: () => api<Claim[]>('/api/reimbursement-claims?status=SUBMITTED'), enabled: admin });
  const ledger = useQuery({ queryKey: ['voucher-ledger'], queryFn: () => api<{ balanced: boolean; transactions: number }>('/api/voucher-ledger/balance'), enabled: admin });
  const refresh = () => void client.invalidateQueries();
  const fail = (error: unknown) => void message.error(problemWords(error, t).message);
  const fen = (yuan: string) => ({ amountFen: yuanToFen(yuan) ?? -1, currency: 'CNY' });
  const setBudget = useMutation({
    mutationFn: (v: { year: number; amount: string }) => api(`/api/voucher-budgets/${v.year}`, { method: 'PUT', body: { amount: fen(v.amount) } }),
    onSuccess: () => { void message.success(t('voucher.admin.saved')); refresh(); },
    onError: fail,
  });
  const issue = useMutation({
    mutationFn: (v: { organisationId: string; year: number; amount: string; expiresOn: { format: (f: string) => string } }) => api('/api/vouchers', {
      method: 'POST', body: { organisationId: v.organisationId.trim(), year: v.year, amount: fen(v.amount), expiresOn: v.expiresOn.format('YYYY-MM-DD') },
    }),
    onSuccess: () => { void message.success(t('voucher.admin.saved')); refresh(); },
    onError: fail,
  });
  const register = useMutation({
    mutationFn: (v: { organisationId: string }) => api('/api/voucher-providers', { method: 'POST', body: { organisationId: v.organisationId.trim() } }),
    onSuccess: () => { void message.success(t('voucher.admin.saved')); refresh(); },
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) => api(`/api/reimbursement-claims/${id}/${approve ? 'approval' : 'rejection'}`, {
      method: 'POST', body: approve ? undefined : { reason: window.prompt(t('voucher.admin.rejectReason')) || '-' },
    }),
    onSuccess: refresh,
    onError: fail,
  });
  if (!admin) return <Result status="403" title={t('problem.forbidden')} />;
  const money = (m: Budget['amount']) => formatMoney(m, i18n.language);
  const year = new Date().getFullYear();
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('voucher.admin.title')}</h1>
      {ledger.data && (
        <Alert style={{ marginBottom: 12 }} type={ledger.data.balanced ? 'success' : 'error'} data-testid="ledger-check"
          message={`${t('voucher.admin.ledger')}: ${ledger.data.balanced ? t('voucher.admin.balanced') : t('voucher.admin.unbalanced')} (${ledger.data.transactions})`} />
      )}
      <Card title={t('voucher.admin.budgets')}>
        <Form name="budget" layout="inline" initialValues={{ year }} onFinish={(v) => setBudget.mutate(v)} style={{ marginBottom: 12 }}>
          <Form.Item name="year" label={t('voucher.admin.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="amount" label={t('voucher.admin.amount')} rules={[{ required: true }]}><Input /></Form.Item>
          <Button htmlType="submit" loading={setBudget.isPending}>{t('voucher.admin.setBudget')}</Button>
        </Form>
        <Table size="small" rowKey="year" pagination={false} dataSource={budgets.data ?? []} columns={[
          { dataIndex: 'year', title: t('voucher.admin.year') },
          { dataIndex: 'amount', title: t('voucher.admin.budget'), render: money },
          { dataIndex: 'issued', title: t('voucher.admin.issued'), render: money },
          { dataIndex: 'remaining', title: t('voucher.admin.remaining'), render: money },
        ]} />
      </Card>
      <Card title={t('voucher.admin.issue')} style={{ marginTop: 12 }}>
        <Form name="issue" layout="inline" initialValues={{ year }} onFinish={(v) => issue.mutate(v)}>
          <Form.Item name="organisationId" label={t('voucher.admin.organisationId')} rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
          <Form.Item name="year" label={t('voucher.admin.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="amount" label={t('voucher.admin.amount')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="expiresOn" label={t('voucher.admin.expiresOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Button type="primary" htmlType="submit" loading={issue.isPending} data-testid="issue-voucher">{t('voucher.admin.issue')}</Button>
        </Form>
        <Table size="small" rowKey="id" style={{ marginTop: 12 }} dataSource={vouchers.data ?? []} columns={[
          { dataIndex: 'organisationId', title: t('voucher.admin.organisationId') },
          { dataIndex: 'year', title: t('voucher.admin.year') },
          { dataIndex: 'amount', title: t('voucher.mine.amount'), render: money },
          { dataIndex: 'balance', title: t('voucher.mine.balance'), render: money },
        ]} />
      </Card>
      <Card title={t('voucher.admin.registerProvider')} style={{ marginTop: 12 }}>
        <Form name="provider" layout="inline" onFinish={(v) => register.mutate(v)}>
          <Form.Item name="organisationId" label={t('voucher.admin.organisationId')} rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
          <Button htmlType="submit" loading={register.isPending}>{t('voucher.admin.registerProvider')}</Button>
        </Form>
      </Card>
      <Card title={t('voucher.admin.claims')} style={{ marginTop: 12 }}>
        <Table size="small" rowKey="id" pagination={false} dataSource={claims.data ?? []} columns={[
          { dataIndex: 'providerOrganisationId', title: t('voucher.services.provider') },
          { dataIndex: 'amount', title: t('voucher.provider.claimAmount'), render: money },
          { dataIndex: 'status', title: t('voucher.order.status'), render: (s: string) => <Tag>{t(`voucher.statuses.${s}`)}</Tag> },
          { key: 'actions', title: '', render: (_: unknown, c: Claim) => (
            <Space>
              <Button size="small" type="primary" onClick={() => decide.mutate({ id: c.id, approve: true })}>{t('voucher.admin.approve')}</Button>
              <Button size="small" danger onClick={() => decide.mutate({ id: c.id, approve: false })}>{t('voucher.admin.reject')}</Button>
            </Space>
          ) },
        ]} />
      </Card>
    </>
  );
}

export default withAntApp(VoucherAdmin);
