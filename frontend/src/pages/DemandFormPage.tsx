import { useEffect } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { REGIONS, TECHNOLOGY_FIELDS, TRANSFER_MODES, type Demand } from '../api/types';
import { useMyOrganisations } from '../api/mine';
import { fenToYuanInput, yuanToFen } from '../lib/money';
import { useLabels } from '../components/labels';
import { ErrorState, Loading } from '../components/States';
import { FormSummary } from '../components/FormSummary';
import { useApiForm } from '../components/useApiForm';
import { withAntApp } from '../components/withAntApp';

interface Values {
  organisationId?: string;
  title: string;
  problem: string;
  expectedOutcome: string;
  budgetNegotiable: boolean;
  budgetMinYuan?: string;
  budgetMaxYuan?: string;
  deadline?: string;
  cooperationModes: string[];
  industryTags: string[];
  technologyField?: string;
  regionCode?: string;
  challenge: boolean;
  bountyYuan?: string;
}

const KNOWN = ['organisationId', 'title', 'problem', 'expectedOutcome', 'budgetNegotiable', 'budgetMinYuan', 'budgetMaxYuan', 'deadline',
  'cooperationModes', 'industryTags', 'technologyField', 'regionCode', 'challenge', 'bountyYuan'];
export const DEMAND_ALIASES = { 'budget.min': 'budgetMinYuan', 'budget.max': 'budgetMaxYuan', budget: 'budgetNegotiable', 'challenge.bounty': 'bountyYuan', challenge: 'bountyYuan' };

const money = (yuan?: string) => {
  const fen = yuanToFen(yuan);
  return fen === null ? undefined : { amountFen: fen, currency: 'CNY' };
};

export function demandBody(values: Values, version?: number) {
  return {
    organisationId: version === undefined ? values.organisationId : undefined,
    title: values.title,
    problem: values.problem,
    expectedOutcome: values.expectedOutcome,
    budget: values.budgetNegotiable ? { negotiable: true } : { min: money(values.budgetMinYuan), max: money(values.budgetMaxYuan), negotiable: false },
    deadline: values.deadline,
    cooperationModes: values.cooperationModes ?? [],
    industryTags: values.industryTags ?? [],
    technologyField: values.technologyField,
    regionCode: values.regionCode,
    challenge: values.challenge ? { bounty: money(values.bountyYuan) } : undefined,
    version,
  };
}

function DemandFormPage() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const errors = useApiForm(form, KNOWN, DEMAND_ALIASES);
  const mine = useMyOrganisations();
  const existing = useQuery({ queryKey: ['demand', id], queryFn: () => api<Demand>(`/api/demands/${id}`), enabled: !!id });
  const negotiable = Form.useWatch('budgetNegotiable', form);
  const challenge = Form.useWatch('challenge', form);
  const organisations = (mine.data ?? []).filter((m) => m.role !== 'MEMBER' && m.organisation.kind === 'ENTERPRISE');

  useEffect(() => {
    const d = existing.data;
    if (!d) return;
    form.setFieldsValue({
      title: d.title, problem: d.problem, expectedOutcome: d.expectedOutcome, budgetNegotiable: d.budget.negotiable,
      budgetMinYuan: fenToYuanInput(d.budget.min?.amountFen), budgetMaxYuan: fenToYuanInput(d.budget.max?.amountFen),
      deadline: d.deadline, cooperationModes: d.cooperationModes, industryTags: d.industryTags, technologyField: d.technologyField,
      regionCode: d.regionCode, challenge: d.challenge, bountyYuan: fenToYuanInput(d.bounty?.amountFen),
    });
  }, [existing.data, form]);

  useEffect(() => {
    if (!id && organisations.length > 0 && !form.getFieldValue('organisationId')) {
      form.setFieldsValue({ organisationId: organisations[0].organisation.id, regionCode: organisations[0].organisation.regionCode });
    }
  }, [id, organisations, form]);

  const save = useMutation({
    mutationFn: (values: Values) => id
      ? api<Demand>(`/api/demands/${id}`, { method: 'PUT', body: demandBody(values, existing.data!.version) })
      : api<Demand>('/api/demands', { method: 'POST', body: demandBody(values) }),
    onSuccess: (saved) => {
      void message.success(t('form.saved'));
      void client.invalidateQueries();
      navigate(`/demands/${saved.id}`);
    },
    onError: (error) => errors.show(error),
  });

  if (id && existing.isPending) return <Loading rows={10} />;
  if (id && existing.error) return <ErrorState error={existing.error} retry={() => void existing.refetch()} />;
  if (!id && mine.isSuccess && organisations.length === 0) return <Alert type="info" showIcon title={t('form.noOrganisation')} />;

  const amount = (optional: boolean) => ({
    validator: (_: unknown, value?: string) =>
      (optional && !value) || yuanToFen(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('form.invalidAmount'))),
  });

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t(id ? 'form.editDemand' : 'form.newDemand')}</h1>}>
      <FormSummary summary={errors.summary} />
      <Form form={form} layout="vertical" initialValues={{ industryTags: [], cooperationModes: [], budgetNegotiable: false, challenge: false }}
        onFinish={(values) => { errors.clear(); save.mutate(values); }}>
        {!id && (
          <Form.Item name="organisationId" label={t('form.organisation')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={organisations.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} loading={mine.isPending} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('form.title')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="problem" label={t('form.problem')} rules={[{ required: true, message: t('form.required') }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="expectedOutcome" label={t('form.expectedOutcome')} rules={[{ required: true, message: t('form.required') }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="technologyField" label={t('form.technologyField')} rules={[{ required: true, message: t('form.required') }]} style={{ minWidth: 240 }}>
            <Select options={TECHNOLOGY_FIELDS.map((value) => ({ value, label: l.field(value) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('form.region')} rules={[{ required: true, message: t('form.required') }]} style={{ minWidth: 180 }}>
            <Select options={REGIONS.map((value) => ({ value, label: l.region(value) }))} />
          </Form.Item>
          <Form.Item name="deadline" label={t('form.deadline')} rules={[{ required: true, message: t('form.required') }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="cooperationModes" label={t('form.cooperationModes')} rules={[{ required: true, message: t('form.required') }]}>
          <Checkbox.Group options={TRANSFER_MODES.map((value) => ({ value, label: l.transfer(value) }))} />
        </Form.Item>
        <Form.Item name="industryTags" label={t('form.industryTags')} extra={t('form.industryTagsHelp')}>
          <Select mode="tags" maxCount={10} open={false} suffixIcon={null} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="budgetNegotiable" valuePropName="checked" label=" ">
            <Checkbox>{t('form.budgetNegotiable')}</Checkbox>
          </Form.Item>
          {!negotiable && (
            <>
              <Form.Item name="budgetMinYuan" label={t('form.budgetMin')} rules={[amount(true)]}><Input inputMode="decimal" prefix="¥" /></Form.Item>
              <Form.Item name="budgetMaxYuan" label={t('form.budgetMax')} rules={[amount(false)]}><Input inputMode="decimal" prefix="¥" /></Form.Item>
            </>
          )}
        </Space>
        <Space wrap size="large" align="start">
          <Form.Item name="challenge" valuePropName="checked" label=" ">
            <Checkbox>{t('form.challenge')}</Checkbox>
          </Form.Item>
          {challenge && (
            <Form.Item name="bountyYuan" label={t('form.bounty')} rules={[amount(false)]}><Input inputMode="decimal" prefix="¥" /></Form.Item>
          )}
        </Space>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t(id ? 'form.save' : 'form.publishDemand')}</Button>
          <Button onClick={() => navigate(-1)}>{t('form.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default withAntApp(DemandFormPage);
