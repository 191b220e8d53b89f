import { Alert, Button, Card, DatePicker, Form, Input, List, Result, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession';
import { useMyOrganisations } from '../../api/mine';
import { ApiError } from '../../api/problem';
import { useApiForm } from '../../components/useApiForm';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { commissionerApi } from './api';

/** The electronic archive: a commissioner files services; the served organisation confirms them. */
export default function Archive() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const errors = useApiForm(form, ['servedOrganisationId', 'place', 'content', 'outcome', 'servedOn']);
  const mine = useMyOrganisations();
  const me = useQuery({
    queryKey: ['commissioner', 'me'],
    queryFn: () => commissionerApi.me().catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    enabled: session.authenticated,
  });
  const records = useQuery({ queryKey: ['commissioner', 'records'], queryFn: commissionerApi.records, enabled: session.authenticated });
  const refresh = () => client.invalidateQueries({ queryKey: ['commissioner'] });
  const file = useMutation({ mutationFn: commissionerApi.file, onSuccess: () => { form.resetFields(); void refresh(); }, onError: errors.show });
  const confirm = useMutation({ mutationFn: ({ id, ok }: { id: string; ok: boolean }) => commissionerApi.confirm(id, ok), onSuccess: () => void refresh() });
  if (!session.authenticated) return <Result status="403" title={t('problem.unauthorized')} />;
  const editable = new Set((mine.data ?? []).filter((m) => m.role !== 'MEMBER').map((m) => m.organisation.id));
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.archive.title')}</h1>
      {me.data?.standing === 'SELECTED' ? (
        <Card title={t('commissioner.archive.file')} style={{ marginBottom: 16 }}>
          {errors.summary && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.summary.message} />}
          <Form form={form} layout="vertical" onFinish={(v) => { errors.clear(); file.mutate({ ...v, servedOn: v.servedOn.format('YYYY-MM-DD') }); }}>
            <Form.Item name="servedOrganisationId" label={t('commissioner.field.served')} rules={[{ required: true }]}><Input placeholder="UUID" /></Form.Item>
            <Form.Item name="place" label={t('commissioner.archive.place')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
            <Form.Item name="content" label={t('commissioner.archive.content')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="outcome" label={t('commissioner.archive.outcome')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="servedOn" label={t('commissioner.archive.servedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Button type="primary" htmlType="submit" loading={file.isPending}>{t('commissioner.archive.file')}</Button>
          </Form>
        </Card>
      ) : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('commissioner.archive.notCommissioner')} />}
      <Card>
        {records.isPending ? <Loading /> : records.error ? <ErrorState error={records.error} />
          : records.data.length === 0 ? <EmptyState />
          : (
            <List dataSource={records.data} renderItem={(r) => (
              <List.Item actions={r.status === 'FILED' && editable.has(r.servedOrganisation.id) ? [
                <Button key="c" type="primary" onClick={() => confirm.mutate({ id: r.id, ok: true })}>{t('commissioner.archive.confirm')}</Button>,
                <Button key="d" danger onClick={() => confirm.mutate({ id: r.id, ok: false })}>{t('commissioner.archive.dispute')}</Button>,
              ] : []}>
                <List.Item.Meta title={<Space>{r.commissionerName} → {r.servedOrganisation.name}<Tag>{t(`commissioner.archive.recordStatus.${r.status}`)}</Tag></Space>}
                  description={`${r.servedOn} · ${r.place} · ${r.content} · ${r.outcome}`} />
              </List.Item>
            )} />
          )}
      </Card>
    </>
  );
}
