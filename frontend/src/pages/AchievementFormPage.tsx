import { useEffect, useRef } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { MATURITIES, REGIONS, TECHNOLOGY_FIELDS, TRANSFER_MODES, type Achievement } from '../api/types';
import { useMyOrganisations } from '../api/mine';
import { fenToYuanInput, yuanToFen } from '../lib/money';
import { useLabels } from '../components/labels';
import { ErrorState, Loading, problemWords } from '../components/States';
import { FormSummary } from '../components/FormSummary';
import { useApiForm } from '../components/useApiForm';
import { withAntApp } from '../components/withAntApp';

interface Values {
  organisationId?: string;
  externalId?: string;
  title: string;
  summary: string;
  description: string;
  technologyField?: string;
  industryTags: string[];
  maturity?: string;
  trl?: number | null;
  patents: string[];
  transferModes: string[];
  priceNegotiable: boolean;
  askingPriceYuan?: string;
  regionCode?: string;
}

const KNOWN = ['organisationId', 'externalId', 'title', 'summary', 'description', 'technologyField', 'industryTags', 'maturity', 'trl',
  'patents', 'transferModes', 'priceNegotiable', 'askingPriceYuan', 'regionCode'];
/** Where the form keeps what the API names differently. */
export const ACHIEVEMENT_ALIASES = { askingPrice: 'askingPriceYuan', 'ip.patents': 'patents', ip: 'patents' };

export function achievementBody(values: Values, version?: number) {
  return {
    organisationId: version === undefined ? values.organisationId : undefined,
    externalId: version === undefined && values.externalId?.trim() ? values.externalId.trim() : undefined,
    title: values.title,
    summary: values.summary,
    description: values.description,
    technologyField: values.technologyField,
    industryTags: values.industryTags ?? [],
    maturity: values.maturity,
    trl: values.trl ?? undefined,
    ip: { patents: (values.patents ?? []).map((applicationNumber) => ({ applicationNumber: applicationNumber.trim() })) },
    transferModes: values.transferModes ?? [],
    askingPrice: values.priceNegotiable ? undefined : (() => {
      const fen = yuanToFen(values.askingPriceYuan);
      return fen === null ? undefined : { amountFen: fen, currency: 'CNY' };
    })(),
    priceNegotiable: values.priceNegotiable,
    regionCode: values.regionCode,
    version,
  };
}

function AchievementFormPage() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const savedBeforeSubmit = useRef<Achievement | null>(null);
  const errors = useApiForm(form, KNOWN, ACHIEVEMENT_ALIASES);
  const mine = useMyOrganisations();
  const existing = useQuery({ queryKey: ['achievement', id], queryFn: () => api<Achievement>(`/api/achievements/${id}`), enabled: !!id });
  const negotiable = Form.useWatch('priceNegotiable', form);
  const organisations = (mine.data ?? []).filter((m) => m.role !== 'MEMBER' && m.organisation.kind === 'UNIVERSITY');

  useEffect(() => {
    const a = existing.data;
    if (!a) return;
    form.setFieldsValue({
      title: a.title, summary: a.summary, description: a.description, technologyField: a.technologyField,
      industryTags: a.industryTags, maturity: a.maturity, trl: a.trl, patents: a.ip?.patents.map((p) => p.applicationNumber) ?? [],
      transferModes: a.transferModes, priceNegotiable: a.priceNegotiable, askingPriceYuan: fenToYuanInput(a.askingPrice?.amountFen),
      regionCode: a.regionCode,
    });
  }, [existing.data, form]);

  useEffect(() => {
    if (!id && organisations.length > 0 && !form.getFieldValue('organisationId')) {
      form.setFieldsValue({ organisationId: organisations[0].organisation.id, regionCode: organisations[0].organisation.regionCode });
    }
  }, [id, organisations, form]);

  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: Values; submit: boolean }) => {
      const saved = id
        ? await api<Achievement>(`/api/achievements/${id}`, { method: 'PUT', body: achievementBody(values, existing.data!.version) })
        : await api<Achievement>('/api/achievements', { method: 'POST', body: achievementBody(values) });
      if (!submit) return saved;
      try {
        return await api<Achievement>(`/api/achievements/${saved.id}/submission`, { method: 'POST', version: saved.version, body: {} });
      } catch (error) {
        savedBeforeSubmit.current = saved;
        throw error;
      }
    },
    onSuccess: (saved, { submit }) => {
      void message.success(t(submit ? 'form.submitted' : 'form.saved'));
      void client.invalidateQueries();
      navigate(`/achievements/${saved.id}`);
    },
    onError: (error) => {
      // Saved but not submitted (e.g. the organisation is not verified yet): show the saved draft.
      const saved = savedBeforeSubmit.current;
      savedBeforeSubmit.current = null;
      if (saved) {
        void message.error(problemWords(error, t).message);
        void client.invalidateQueries();
        navigate(`/achievements/${saved.id}`);
        return;
      }
      errors.show(error);
    },
  });

  if (id && existing.isPending) return <Loading rows={10} />;
  if (id && existing.error) return <ErrorState error={existing.error} retry={() => void existing.refetch()} />;
  if (!id && mine.isSuccess && organisations.length === 0) return <Alert type="info" showIcon title={t('form.noOrganisation')} />;

  const submitWith = (submit: boolean) => form.validateFields()
    .then((values) => { errors.clear(); save.mutate({ values, submit }); })
    .catch(() => undefined);

  const amountRule = { validator: (_: unknown, value?: string) => (negotiable || yuanToFen(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('form.invalidAmount')))) };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t(id ? 'form.editAchievement' : 'form.newAchievement')}</h1>}>
      <FormSummary summary={errors.summary} />
      <Form form={form} layout="vertical" initialValues={{ industryTags: [], patents: [], transferModes: [], priceNegotiable: false }}
        onValuesChange={() => undefined} requiredMark>
        {!id && (
          <Form.Item name="organisationId" label={t('form.organisation')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={organisations.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} loading={mine.isPending} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('form.title')} rules={[{ required: true, message: t('form.required') }, { max: 200 }]}>
          <Input maxLength={200} data-testid="field-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('form.summary')} rules={[{ required: true, message: t('form.required') }, { max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="field-summary" />
        </Form.Item>
        <Form.Item name="description" label={t('form.description')} rules={[{ required: true, message: t('form.required') }]}>
          <Input.TextArea rows={6} maxLength={20000} data-testid="field-description" />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="technologyField" label={t('form.technologyField')} rules={[{ required: true, message: t('form.required') }]} style={{ minWidth: 240 }}>
            <Select data-testid="field-technologyField" options={TECHNOLOGY_FIELDS.map((value) => ({ value, label: l.field(value) }))} />
          </Form.Item>
          <Form.Item name="maturity" label={t('form.maturity')} rules={[{ required: true, message: t('form.required') }]} style={{ minWidth: 180 }}>
            <Select data-testid="field-maturity" options={MATURITIES.map((value) => ({ value, label: l.maturity(value) }))} />
          </Form.Item>
          <Form.Item name="trl" label={t('form.trl')}>
            <InputNumber min={1} max={9} precision={0} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('form.region')} rules={[{ required: true, message: t('form.required') }]} style={{ minWidth: 180 }}>
            <Select options={REGIONS.map((value) => ({ value, label: l.region(value) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="industryTags" label={t('form.industryTags')} extra={t('form.industryTagsHelp')}>
          <Select mode="tags" maxCount={10} open={false} suffixIcon={null} data-testid="field-industryTags" />
        </Form.Item>
        <Form.Item name="patents" label={t('form.patents')} extra={t('form.patentsHelp')}>
          <Select mode="tags" open={false} suffixIcon={null} data-testid="field-patents" />
        </Form.Item>
        <Form.Item name="transferModes" label={t('form.transferModes')} rules={[{ required: true, message: t('form.required') }]}>
          <Checkbox.Group options={TRANSFER_MODES.map((value) => ({ value, label: l.transfer(value) }))} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="priceNegotiable" valuePropName="checked" label=" ">
            <Checkbox>{t('form.priceNegotiable')}</Checkbox>
          </Form.Item>
          {!negotiable && (
            <Form.Item name="askingPriceYuan" label={t('form.askingPrice')} rules={[amountRule]}>
              <Input inputMode="decimal" prefix="¥" data-testid="field-askingPrice" />
            </Form.Item>
          )}
        </Space>
        <Space wrap>
          <Button onClick={() => void submitWith(false)} loading={save.isPending && !save.variables?.submit} data-testid="save-draft">
            {t(id ? 'form.save' : 'form.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void submitWith(true)} loading={save.isPending && save.variables?.submit} data-testid="save-submit">
            {t('form.saveAndSubmit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('form.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default withAntApp(AchievementFormPage);
