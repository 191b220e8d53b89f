import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { REGIONS, TECHNOLOGY_FIELDS } from '../../api/types';
import { useMyOrganisations } from '../../api/mine';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading } from '../../components/States';
import { FormSummary } from '../../components/FormSummary';
import { useApiForm } from '../../components/useApiForm';
import { withAntApp } from '../../components/withAntApp';
import { SERVICE_TYPES, type ServiceRequest } from './api';

interface Values {
  organisationId?: string;
  requesterKind?: string;
  placeName?: string;
  villageId?: string;
  title: string;
  problem: string;
  expectedHelp: string;
  technologyField?: string;
  serviceType?: string;
  countyCode?: string;
  deadline?: string;
}

const KNOWN = ['organisationId', 'requesterKind', 'placeName', 'villageId', 'title', 'problem', 'expectedHelp', 'technologyField',
  'serviceType', 'countyCode', 'deadline'];
const COUNTIES = REGIONS.filter((code) => !code.endsWith('00'));

/** Enterprises post for their organisation; the bureau (ADMIN) for a village or community. */
function ServiceRequestFormPage() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const admin = hasRole(session, 'ADMIN');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useApiForm(form, KNOWN);
  const mine = useMyOrganisations();
  const organisations = (mine.data ?? []).filter((m) => m.role !== 'MEMBER' && m.organisation.kind === 'ENTERPRISE');
  const existing = useQuery({ queryKey: ['service-request', id], queryFn: () => api<ServiceRequest>(`/api/service-requests/${id}`), enabled: !!id });

  useEffect(() => {
    const request = existing.data;
    if (request) {
      form.setFieldsValue({ title: request.title, problem: request.problem, expectedHelp: request.expectedHelp,
        technologyField: request.technologyField, serviceType: request.serviceType ?? undefined, countyCode: request.countyCode,
        deadline: request.deadline });
    }
  }, [existing.data, form]);

  useEffect(() => {
    if (!id && !admin && organisations.length > 0 && !form.getFieldValue('organisationId')) {
      form.setFieldsValue({ organisationId: organisations[0].organisation.id });
    }
  }, [id, admin, organisations, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { ...values, serviceType: values.serviceType || undefined, villageId: values.villageId || undefined };
      return id
        ? api<ServiceRequest>(`/api/service-requests/${id}`, { method: 'PUT', version: existing.data!.version,
          body: { ...body, organisationId: undefined, requesterKind: undefined, placeName: undefined, villageId: undefined } })
        : api<ServiceRequest>('/api/service-requests', { method: 'POST', body });
    },
    onSuccess: (saved) => {
      void message.success(t('servicematch.saved'));
      void client.invalidateQueries();
      navigate(`/service-requests/${saved.id}`);
    },
    onError: (error) => errors.show(error),
  });

  if (id && existing.isPending) return <Loading rows={8} />;
  if (id && existing.error) return <ErrorState error={existing.error} retry={() => void existing.refetch()} />;
  if (!id && !admin && mine.isSuccess && organisations.length === 0) return <Alert type="info" showIcon title={t('form.noOrganisation')} />;
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t(id ? 'servicematch.editRequest' : 'servicematch.newRequest')}</h1>}>
      <FormSummary summary={errors.summary} />
      <Form form={form} layout="vertical" initialValues={{ requesterKind: 'VILLAGE' }}
        onFinish={(values) => { errors.clear(); save.mutate(values); }}>
        {!id && !admin && (
          <Form.Item name="organisationId" label={t('servicematch.organisation')} rules={required}>
            <Select options={organisations.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} loading={mine.isPending} />
          </Form.Item>
        )}
        {!id && admin && (
          <Space wrap size="large" align="start">
            <Form.Item name="requesterKind" label={t('servicematch.requesterKind')} rules={required} style={{ minWidth: 160 }}>
              <Select options={['VILLAGE', 'COMMUNITY'].map((value) => ({ value, label: t(`servicematch.kind.${value}`) }))} />
            </Form.Item>
            <Form.Item name="placeName" label={t('servicematch.placeName')} rules={required} style={{ minWidth: 260 }}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="villageId" label={t('servicematch.villageId')} style={{ minWidth: 320 }}>
              <Input maxLength={36} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="title" label={t('servicematch.title')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="problem" label={t('servicematch.problem')} rules={required}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
        <Form.Item name="expectedHelp" label={t('servicematch.expectedHelp')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="technologyField" label={t('servicematch.technologyField')} rules={required} style={{ minWidth: 240 }}>
            <Select options={TECHNOLOGY_FIELDS.map((value) => ({ value, label: l.field(value) }))} />
          </Form.Item>
          <Form.Item name="serviceType" label={t('servicematch.serviceType')} style={{ minWidth: 180 }}>
            <Select allowClear placeholder={t('servicematch.anyServiceType')}
              options={SERVICE_TYPES.map((value) => ({ value, label: t(`servicematch.type.${value}`) }))} />
          </Form.Item>
          <Form.Item name="countyCode" label={t('servicematch.county')} rules={required} style={{ minWidth: 180 }}>
            <Select options={COUNTIES.map((value) => ({ value, label: l.region(value) }))} />
          </Form.Item>
          <Form.Item name="deadline" label={t('servicematch.deadline')} rules={required}><Input type="date" /></Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('form.save')}</Button>
      </Form>
    </Card>
  );
}

export default withAntApp(ServiceRequestFormPage);
