import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { ErrorState, Loading, problemWords } from '../../components/States';

interface Ban {
  id: string; subjectType: string; organisationId: string | null; personSubject: string | null; name: string | null;
  reason: string; imposedAt: string; inForce: boolean; liftedAt: string | null; liftReason: string | null;
}

/** The bureau (ADMIN) bans organisations or people for misconduct and lifts bans. */
function AdminBlacklist() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [kind, setKind] = useState<'ORGANISATION' | 'PERSON'>('ORGANISATION');
  const [lifting, setLifting] = useState<Ban | null>(null);
  const [form] = Form.useForm();
  const [liftForm] = Form.useForm<{ reason: string }>();
  const query = useQuery({ queryKey: ['trading-bans'], queryFn: () => api<{ items: Ban[] }>('/api/trading-bans?size=100') });
  const refresh = () => void client.invalidateQueries({ queryKey: ['trading-bans'] });
  const ban = useMutation({
    mutationFn: (values: Record<string, string>) => api('/api/trading-bans', { method: 'POST', body: values }),
    onSuccess: () => { void message.success(t('credit.admin.banned')); form.resetFields(); refresh(); },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  const lift = useMutation({
    mutationFn: (reason: string) => api(`/api/trading-bans/${lifting!.id}/lifting`, { method: 'POST', body: { reason } }),
    onSuccess: () => { void message.success(t('credit.admin.lifted')); setLifting(null); refresh(); },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('credit.admin.title')}</Typography.Title>
      <Card>
        <Segmented value={kind} onChange={(v) => setKind(v as 'ORGANISATION' | 'PERSON')} options={[
          { value: 'ORGANISATION', label: t('credit.admin.banOrganisation') },
          { value: 'PERSON', label: t('credit.admin.banPerson') },
        ]} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(values) => ban.mutate(values)}>
          {kind === 'ORGANISATION' ? (
            <Form.Item name="organisationId" label={t('credit.admin.organisationId')} rules={[{ required: true }]}><Input /></Form.Item>
          ) : (
            <>
              <Form.Item name="personSubject" label={t('credit.admin.personSubject')} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="personName" label={t('credit.admin.personName')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
            </>
          )}
          <Form.Item name="reason" label={t('credit.admin.reason')} rules={[{ required: true }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Button type="primary" danger htmlType="submit" loading={ban.isPending}>{t('credit.admin.ban')}</Button>
        </Form>
      </Card>
      {query.isPending ? <Loading /> : query.error ? <ErrorState error={query.error} /> : (
        <Table rowKey="id" dataSource={query.data.items} pagination={false} columns={[
          { title: t('credit.name'), render: (_: unknown, b: Ban) => b.name ?? b.organisationId ?? b.personSubject },
          { title: '', dataIndex: 'subjectType', render: (v: string) => <Tag>{t(`credit.type.${v}`)}</Tag> },
          { title: t('credit.reason'), dataIndex: 'reason' },
          { title: t('credit.since'), dataIndex: 'imposedAt', render: (v: string) => new Date(v).toLocaleDateString() },
          { title: t('credit.admin.state'), render: (_: unknown, b: Ban) => b.inForce
            ? <Tag color="red">{t('credit.admin.inForce')}</Tag>
            : <Tag>{t('credit.admin.liftedAt', { date: new Date(b.liftedAt!).toLocaleDateString() })}</Tag> },
          { title: '', render: (_: unknown, b: Ban) => b.inForce
            ? <Button size="small" onClick={() => setLifting(b)}>{t('credit.admin.lift')}</Button> : null },
        ]} />
      )}
      <Modal open={lifting !== null} title={t('credit.admin.lift')} onCancel={() => setLifting(null)} confirmLoading={lift.isPending}
        onOk={() => void liftForm.validateFields().then((v) => lift.mutate(v.reason))} destroyOnHidden>
        <Form form={liftForm} layout="vertical">
          <Form.Item name="reason" label={t('credit.admin.liftReason')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export default withAntApp(AdminBlacklist);
