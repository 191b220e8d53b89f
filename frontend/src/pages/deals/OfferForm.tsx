import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/money';
import { FormSummary } from '../../components/FormSummary';
import { useApiForm } from '../../components/useApiForm';
import { checkMilestones, CONTRACT_TYPES, offerRequest, splitEvenly, type OfferInput } from './logic';

const KNOWN = ['priceYuan', 'contractType', 'contractSubtype', 'scope', 'termMonths', 'expiresAt'];
const ALIASES = { 'price.amountFen': 'priceYuan', 'price.currency': 'priceYuan', price: 'priceYuan' };

/** The words under the milestones: whether they add up to the price. */
export function MilestoneSum({ priceYuan, milestones }: Pick<OfferInput, 'priceYuan' | 'milestones'>) {
  const { t, i18n } = useTranslation();
  const check = checkMilestones(priceYuan, milestones);
  const money = (fen: number) => formatFen(fen, i18n.language);
  if (check.invalidRows.length > 0) return <Typography.Text type="warning" data-testid="milestone-sum">{t('deals.offer.sumInvalid')}</Typography.Text>;
  if (check.differenceFen === null) return null;
  if (check.differenceFen === 0) return <Typography.Text type="success" data-testid="milestone-sum">{t('deals.offer.sumOk', { sum: money(check.sumFen) })}</Typography.Text>;
  const key = check.differenceFen > 0 ? 'deals.offer.sumShort' : 'deals.offer.sumOver';
  return <Typography.Text type="danger" data-testid="milestone-sum">{t(key, { sum: money(check.sumFen), difference: money(Math.abs(check.differenceFen)) })}</Typography.Text>;
}

/**
 * A structured offer (报价): price, milestones that must add up to it, contract type and subtype,
 * scope, term and expiry. `submit` gets the API request body; its refusal is shown on the form.
 */
export default function OfferForm({ initial, submit, submitting }: {
  initial: OfferInput;
  submit: (body: ReturnType<typeof offerRequest>) => Promise<unknown>;
  submitting?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OfferInput>();
  const errors = useApiForm(form, KNOWN, ALIASES);
  const priceYuan = Form.useWatch('priceYuan', form);
  const milestones = Form.useWatch('milestones', form) as OfferInput['milestones'];
  const contractType = Form.useWatch('contractType', form);
  const subtypes = CONTRACT_TYPES[contractType ?? ''] ?? [];
  const check = checkMilestones(priceYuan, milestones);

  const onFinish = async (values: OfferInput) => {
    errors.clear();
    if (!checkMilestones(values.priceYuan, values.milestones).ok) return;
    try {
      await submit(offerRequest(values));
    } catch (error) {
      errors.show(error);
    }
  };

  const split = () => {
    const rows = form.getFieldValue('milestones') as NonNullable<OfferInput['milestones']>;
    if (check.priceFen === null || rows.length === 0) return;
    const amounts = splitEvenly(check.priceFen, rows.length);
    form.setFieldValue('milestones', rows.map((row, i) => ({ ...row, amountYuan: (amounts[i] / 100).toFixed(amounts[i] % 100 === 0 ? 0 : 2) })));
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="offer-form" scrollToFirstError>
      <FormSummary summary={errors.summary} />
      <Form.Item name="priceYuan" label={t('deals.offer.price')} rules={[{ required: true, message: t('deals.offer.required') }]}>
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <fieldset style={{ border: 'none', padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('deals.offer.milestones')}</legend>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <div key={field.key} className="milestone-row" data-testid="milestone-row">
                  <Form.Item name={[field.name, 'title']} label={`${t('deals.offer.milestoneTitle')} ${index + 1}`} rules={[{ required: true, message: t('deals.offer.required') }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amountYuan']} label={t('deals.offer.milestoneAmount')} rules={[{ required: true, message: t('deals.offer.required') }]}>
                    <Input inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueDate']} label={t('deals.offer.milestoneDue')} rules={[{ required: true, message: t('deals.offer.required') }]}>
                    <Input type="date" />
                  </Form.Item>
                  <Button aria-label={t('deals.offer.removeMilestone', { n: index + 1 })} onClick={() => remove(field.name)} disabled={fields.length <= 1}>−</Button>
                </div>
              ))}
              <Space wrap>
                <Button onClick={() => add({ title: '', amountYuan: '' })} disabled={fields.length >= 24}>{t('deals.offer.addMilestone')}</Button>
                <Button onClick={split} disabled={check.priceFen === null} data-testid="split-evenly">{t('deals.offer.splitEvenly')}</Button>
              </Space>
              <div aria-live="polite"><MilestoneSum priceYuan={priceYuan} milestones={milestones} /></div>
            </Space>
          )}
        </Form.List>
      </fieldset>
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="contractType" label={t('deals.offer.contractType')} rules={[{ required: true, message: t('deals.offer.required') }]} style={{ minWidth: 220 }}>
          <Select options={Object.keys(CONTRACT_TYPES).map((value) => ({ value, label: t(`deals.contractType.${value}`) }))}
            onChange={() => form.setFieldValue('contractSubtype', undefined)} />
        </Form.Item>
        {subtypes.length > 0 && (
          <Form.Item name="contractSubtype" label={t('deals.offer.contractSubtype')} rules={[{ required: true, message: t('deals.offer.required') }]} style={{ minWidth: 220 }}>
            <Select options={subtypes.map((value) => ({ value, label: t(`deals.subtype.${value}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="termMonths" label={t('deals.offer.termMonths')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('deals.offer.expiresAt')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item name="scope" label={t('deals.offer.scope')} rules={[{ required: true, message: t('deals.offer.required') }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} disabled={!check.ok} data-testid="send-offer">{t('deals.offer.submit')}</Button>
    </Form>
  );
}
