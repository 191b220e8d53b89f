import { useEffect } from 'react';
import { App, Card, Checkbox, Form, Input, Select, Space, Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { REGIONS, TECHNOLOGY_FIELDS } from '../../api/types';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading } from '../../components/States';
import { FormSummary } from '../../components/FormSummary';
import { useApiForm } from '../../components/useApiForm';
import { withAntApp } from '../../components/withAntApp';
import { SERVICE_MODES, SERVICE_TYPES, type ServiceOffer } from './api';

interface Values {
  title: string;
  description: string;
  technologyField?: string;
  serviceType?: string;
  counties: string[];
  modes: string[];
}

const KNOWN = ['title', 'description', 'technologyField', 'serviceType', 'counties', 'modes'];

function ServiceOfferFormPage() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useApiForm(form, KNOWN);
  const existing = useQuery({ queryKey: ['service-offer', id], queryFn: () => api<ServiceOffer>(`/api/service-offers/${id}`), enabled: !!id });

  useEffect(() => {
    const offer = existing.data;
    if (offer) {
      form.setFieldsValue({ title: offer.title, description: offer.description, technologyField: offer.technologyField,
        serviceType: offer.serviceType, counties: offer.counties, modes: offer.modes });
    }
  }, [existing.data, form]);

  const save = useMutation({
    mutationFn: (values: Values) => id
      ? api<ServiceOffer>(`/api/service-offers/${id}`, { method: 'PUT', body: values, version: existing.data!.version })
      : api<ServiceOffer>('/api/service-offers', { method: 'POST', body: values }),
    onSuccess: (saved) => {
      void message.success(t('servicematch.saved'));
      void client.invalidateQueries();
      navigate(`/service-offers/${saved.id}`);
    },
    onError: (error) => errors.show(error),
  });

  if (id && existing.isPending) return <Loading rows={8} />;
  if (id && existing.error) return <ErrorState error={existing.error} retry={() => void existing.refetch()} />;
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t(id ? 'servicematch.editOffer' : 'servicematch.newOffer')}</h1>}>
      <FormSummary summary={errors.summary} />
      <Form form={form} layout="vertical" initialValues={{ counties: [], modes: ['ON_SITE'] }}
        onFinish={(values) => { errors.clear(); save.mutate(values); }}>
        <Form.Item name="title" label={t('servicematch.title')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="description" label={t('servicematch.description')} rules={required}>
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="technologyField" label={t('servicematch.technologyField')} rules={required} style={{ minWidth: 240 }}>
            <Select options={TECHNOLOGY_FIELDS.map((value) => ({ value, label: l.field(value) }))} />
          </Form.Item>
          <Form.Item name="serviceType" label={t('servicematch.serviceType')} rules={required} style={{ minWidth: 180 }}>
            <Select options={SERVICE_TYPES.map((value) => ({ value, label: t(`servicematch.type.${value}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="counties" label={t('servicematch.counties')} rules={required}>
          <Select mode="multiple" options={REGIONS.map((value) => ({ value, label: l.region(value) }))} />
        </Form.Item>
        <Form.Item name="modes" label={t('servicematch.modes')} rules={required}>
          <Checkbox.Group options={SERVICE_MODES.map((value) => ({ value, label: t(`servicematch.mode.${value}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('form.save')}</Button>
      </Form>
    </Card>
  );
}

export default withAntApp(ServiceOfferFormPage);
