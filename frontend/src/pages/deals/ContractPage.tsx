import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contract, ContractMilestone, ContractParty, Payment } from '../../api/deals';
import { useMyOrganisations } from '../../api/mine';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading, problemWords } from '../../components/States';
import { FormSummary } from '../../components/FormSummary';
import { useApiForm } from '../../components/useApiForm';
import { withAntApp } from '../../components/withAntApp';
import { formatFen } from '../../lib/money';
import {
  CONTRACT_TYPES, contractFieldsBody, contractFieldsInput, contractMoves, contractStatusColor, contractStep, IP_INVOLVEMENT,
  partyToSign, PLAN_SOURCES, technicalAmountFen, TECHNOLOGY_FIELDS, type ContractFieldsInput, type PartyRole,
} from './logic';
import { partyRoles } from './parties';
import { download } from './download';

const STEPS = ['DRAFT', 'AWAITING_SIGNATURES', 'SIGNED', 'SUBMITTED', 'REGISTERED', 'IN_PERFORMANCE', 'COMPLETED'];
const FIELD_NAMES = ['projectName', 'contractType', 'contractSubtype', 'technologyField', 'ipInvolvement', 'planSource', 'validFrom', 'validUntil',
  'equipmentYuan', 'instrumentsYuan', 'partsYuan', 'rawMaterialsYuan', 'carrierSamplesYuan', 'expectedNewInvestmentYuan', 'expectedNewOutputValueYuan'];
const FIELD_ALIASES = {
  'deductions.equipment': 'equipmentYuan', 'deductions.instruments': 'instrumentsYuan', 'deductions.parts': 'partsYuan',
  'deductions.rawMaterials': 'rawMaterialsYuan', 'deductions.carrierSamples': 'carrierSamplesYuan', deductions: 'equipmentYuan',
  expectedNewInvestment: 'expectedNewInvestmentYuan', expectedNewOutputValue: 'expectedNewOutputValueYuan',
};

function PartyCard({ title, party }: { title: string; party: ContractParty }) {
  const l = useLabels();
  const { t } = l;
  return (
    <Card size="small" title={title} style={{ flex: 1, minWidth: 260 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('deals.contracts.parties')}>{party.name}</Descriptions.Item>
        <Descriptions.Item label={t('deals.contract.creditCode')}>{party.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('deals.contract.region')}>{l.region(party.regionCode) || party.regionCode || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('deals.contract.legalEntity')}>
          {party.legalEntityCategory ? t(`deals.legal.${party.legalEntityCategory}`) : '—'}
          {party.legalEntitySubtype ? ` · ${t(`deals.legal.${party.legalEntitySubtype}`)}` : ''}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The registration fields the parties complete before signing (PUT /api/contracts/{id}). */
function FieldsForm({ contract, onSaved }: { contract: Contract; onSaved: (updated: Contract) => void }) {
  const l = useLabels();
  const { t } = l;
  const [form] = Form.useForm<ContractFieldsInput>();
  const errors = useApiForm(form, FIELD_NAMES, FIELD_ALIASES);
  const { message } = App.useApp();
  const type = Form.useWatch('contractType', form);
  const values = Form.useWatch([], form) as ContractFieldsInput | undefined;
  const subtypes = CONTRACT_TYPES[type ?? ''] ?? [];
  const technical = technicalAmountFen(contract.total.amountFen, values ?? {});
  const save = useMutation({
    mutationFn: (input: ContractFieldsInput) => api<Contract>(`/api/contracts/${contract.id}`, { method: 'PUT', version: contract.version, body: contractFieldsBody(input, contract.version) }),
    onSuccess: (updated) => {
      void message.success(t('deals.contract.fieldsSaved'));
      onSaved(updated);
    },
    onError: (error) => errors.show(error),
  });
  const yuan = (name: keyof ContractFieldsInput, label: string) => (
    <Form.Item name={name} label={label} rules={[{ pattern: /^\d+(\.\d{0,2})?$/, message: t('form.invalidAmount') }]}>
      <Input inputMode="decimal" autoComplete="off" />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" initialValues={contractFieldsInput(contract)} data-testid="contract-fields-form"
      onFinish={(input) => { errors.clear(); save.mutate(input); }}>
      <FormSummary summary={errors.summary} />
      <Form.Item name="projectName" label={t('deals.contract.projectName')} rules={[{ required: true, message: t('deals.offer.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <div className="form-grid">
        <Form.Item name="contractType" label={t('deals.contract.contractType')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <Select options={Object.keys(CONTRACT_TYPES).map((value) => ({ value, label: t(`deals.contractType.${value}`) }))}
            onChange={() => form.setFieldValue('contractSubtype', undefined)} />
        </Form.Item>
        {subtypes.length > 0 && (
          <Form.Item name="contractSubtype" label={t('deals.contract.contractSubtype')} rules={[{ required: true, message: t('deals.offer.required') }]}>
            <Select options={subtypes.map((value) => ({ value, label: t(`deals.subtype.${value}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="technologyField" label={t('deals.contract.technologyField')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <Select options={TECHNOLOGY_FIELDS.map((value) => ({ value, label: l.field(value) }))} />
        </Form.Item>
        <Form.Item name="planSource" label={t('deals.contract.planSource')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <Select options={PLAN_SOURCES.map((value) => ({ value, label: t(`deals.plan.${value}`) }))} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('deals.contract.validFrom')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('deals.contract.validUntil')} rules={[{ required: true, message: t('deals.offer.required') }]}>
          <Input type="date" />
        </Form.Item>
      </div>
      <Form.Item name="ipInvolvement" label={t('deals.contract.ipInvolvement')} rules={[{ required: true, message: t('deals.offer.required') }]}>
        <Checkbox.Group options={IP_INVOLVEMENT.map((value) => ({ value, label: t(`deals.ip.${value}`) }))} />
      </Form.Item>
      <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
        <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 'none' }}>{t('deals.contract.deductions')}</legend>
        <div className="form-grid">
          {yuan('equipmentYuan', t('deals.contract.equipment'))}
          {yuan('instrumentsYuan', t('deals.contract.instruments'))}
          {yuan('partsYuan', t('deals.contract.parts'))}
          {yuan('rawMaterialsYuan', t('deals.contract.rawMaterials'))}
          {yuan('carrierSamplesYuan', t('deals.contract.carrierSamples'))}
        </div>
        <Typography.Text aria-live="polite" data-testid="technical-amount">
          {t('deals.contract.technical')}: {technical === null ? '—' : formatFen(technical, l.language)}
        </Typography.Text>
      </fieldset>
      {type === 'TECHNOLOGY_TRANSFER' && (
        <div className="form-grid">
          {yuan('expectedNewInvestmentYuan', t('deals.contract.expectedNewInvestment'))}
          {yuan('expectedNewOutputValueYuan', t('deals.contract.expectedNewOutputValue'))}
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-fields">{t('deals.contract.saveFields')}</Button>
    </Form>
  );
}

function MilestonePayments({ contract, roles }: { contract: Contract; roles: Partial<Record<PartyRole, string>> }) {
  const l = useLabels();
  const { t } = l;
  const { message } = App.useApp();
  const client = useQueryClient();
  const payable = ['REGISTERED', 'IN_PERFORMANCE'].includes(contract.status);
  const payments = useQuery({
    queryKey: ['contract', contract.id, 'payments'],
    queryFn: () => api<Payment[]>(`/api/contracts/${contract.id}/payments`),
    enabled: payable || contract.status === 'COMPLETED' || contract.status === 'TERMINATED',
    refetchInterval: (query) => (query.state.data ?? []).some((p) => ['CREATING', 'RELEASING', 'REFUNDING'].includes(p.status)) ? 3000 : false,
  });
  const act = useMutation({
    mutationFn: ({ milestone, action }: { milestone: ContractMilestone; action: 'payment' | 'delivery' | 'acceptance' }) =>
      api(`/api/contracts/${contract.id}/milestones/${milestone.id}/${action}`, {
        method: 'POST', headers: action === 'payment' ? { 'Idempotency-Key': `pay-${milestone.id}` } : undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['contract', contract.id] });
      void message.success(t('deals.common.done'));
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  const buyerActs = roles.BUYER === 'OWNER' || roles.BUYER === 'EDITOR';
  const sellerActs = roles.SELLER === 'OWNER' || roles.SELLER === 'EDITOR';
  const byMilestone = new Map((payments.data ?? []).map((p) => [p.milestoneId, p]));
  return (
    <>
      <Table<ContractMilestone>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={contract.milestones}
        columns={[
          { title: '#', dataIndex: 'sequence', width: 40 },
          { title: t('deals.contract.milestone'), dataIndex: 'title' },
          { title: t('deals.contract.amount'), render: (_, m) => l.money(m.amount) },
          { title: t('deals.contract.dueDate'), dataIndex: 'dueDate' },
          { title: t('deals.contracts.status'), render: (_, m) => <Tag>{t(`deals.contract.milestoneStatus.${m.status}`)}</Tag> },
          {
            title: t('deals.contract.payment'),
            render: (_, m) => {
              const payment = byMilestone.get(m.id);
              const retrying = payment?.steps.find((s) => s.status === 'RETRYING');
              return (
                <Space direction="vertical" size={2}>
                  <Tag color={payment ? (['FUNDED', 'RELEASED'].includes(payment.status) ? 'green' : 'gold') : 'default'} data-testid="payment-status">
                    {t(`deals.contract.paymentStatus.${payment?.status ?? 'NONE'}`, { defaultValue: payment?.status })}
                  </Tag>
                  {payment && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('deals.contract.paymentSplit', { fee: l.money(payment.platformFee), commission: l.money(payment.brokerCommission), seller: l.money(payment.sellerShare) })}</Typography.Text>}
                  {retrying && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('deals.contract.paymentRetrying', { attempts: retrying.attempts, error: retrying.lastError ?? '' })}</Typography.Text>}
                </Space>
              );
            },
          },
          {
            title: '',
            render: (_, m) => (
              <Space wrap>
                {payable && buyerActs && !byMilestone.has(m.id) && m.status !== 'CANCELLED' && (
                  <Button size="small" onClick={() => act.mutate({ milestone: m, action: 'payment' })} loading={act.isPending && act.variables?.milestone.id === m.id}>{t('deals.contract.requestPayment')}</Button>
                )}
                {payable && sellerActs && m.status === 'PENDING' && (
                  <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ milestone: m, action: 'delivery' })}><Button size="small">{t('deals.contract.deliver')}</Button></Popconfirm>
                )}
                {contract.status === 'IN_PERFORMANCE' && roles.BUYER === 'OWNER' && m.status === 'DELIVERED' && (
                  <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ milestone: m, action: 'acceptance' })}><Button size="small" type="primary">{t('deals.contract.acceptMilestone')}</Button></Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {payable && <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>{t('deals.contract.paymentHelp')}</Typography.Paragraph>}
    </>
  );
}

function ContractPageInner() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const { message } = App.useApp();
  const client = useQueryClient();
  const session = useSession();
  const mine = useMyOrganisations();
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const contract = useQuery({ queryKey: ['contract', id], queryFn: () => api<Contract>(`/api/contracts/${id}`), refetchInterval: 15_000 });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['contract', id] });
    void client.invalidateQueries({ queryKey: ['contracts'] });
    void client.invalidateQueries({ queryKey: ['registrations'] });
  };
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: Record<string, unknown> }) =>
      api<Contract>(`/api/contracts/${id}/${path}`, { method: 'POST', version: path === 'signatures' ? undefined : contract.data?.version, body: body ?? {} }),
    onSuccess: (updated) => {
      client.setQueryData(['contract', id], updated);
      refresh();
      void message.success(t('deals.common.done'));
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (contract.isPending) return <Loading rows={10} />;
  if (contract.error) return <ErrorState error={contract.error} retry={() => void contract.refetch()} />;
  const c = contract.data;
  const roles = partyRoles(c.seller.organisationId, c.buyer.organisationId, mine.data);
  const admin = hasRole(session, 'ADMIN');
  const moves = contractMoves(c, roles, admin);
  const signFor = partyToSign(c, roles);
  const partyName = (party: PartyRole) => t(party === 'SELLER' ? 'deals.common.side.SELLER' : 'deals.common.side.BUYER');
  const step = contractStep(c.status);
  const exportName = `${c.registration?.registrationNumber ?? c.id}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={admin && !roles.SELLER && !roles.BUYER ? '/admin/registration' : '/contracts'}>← {t('deals.contract.back')}</Link>
      <div>
        <Space wrap>
          <Tag color={contractStatusColor(c.status)} data-testid="contract-status">{t(`deals.contract.status.${c.status}`)}</Tag>
          <Tag>{t(`deals.contractType.${c.contractType}`)}{c.contractSubtype ? ` · ${t(`deals.subtype.${c.contractSubtype}`)}` : ''}</Tag>
        </Space>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>{c.projectName}</Typography.Title>
      </div>
      {c.status !== 'TERMINATED' && c.status !== 'REJECTED' && (
        <Steps size="small" current={step} responsive items={STEPS.map((s) => ({ title: t(`deals.contract.steps.${s}`) }))} />
      )}
      {c.status === 'REJECTED' && <Alert type="error" showIcon title={`${t('deals.contract.rejectionReason')}: ${c.statusReason ?? ''}`} data-testid="rejection-reason" />}
      {c.status === 'TERMINATED' && c.statusReason && <Alert type="warning" showIcon title={c.statusReason} />}
      {!roles.SELLER && !roles.BUYER && !admin && <Alert type="info" showIcon title={t('deals.contract.notParty')} />}

      {moves.length > 0 && (
        <Card size="small">
          <Space wrap>
            {moves.includes('edit') && <Button onClick={() => setEditing(!editing)} data-testid="edit-fields">{t('deals.contract.editFields')}</Button>}
            {moves.includes('signatureRequest') && (
              <Popconfirm title={t('deals.contract.requestSignaturesHelp')} onConfirm={() => act.mutateAsync({ path: 'signature-request' }).catch(() => setEditing(true))}>
                <Button type="primary" data-testid="request-signatures">{t('deals.contract.requestSignatures')}</Button>
              </Popconfirm>
            )}
            {moves.includes('sign') && signFor && (
              <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: 'signatures', body: roles.SELLER === 'OWNER' && roles.BUYER === 'OWNER' ? { party: signFor } : {} })}>
                <Button type="primary" data-testid="sign">{t('deals.contract.sign', { party: partyName(signFor) })}</Button>
              </Popconfirm>
            )}
            {moves.includes('revision') && <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: 'revision' })}><Button>{t('deals.contract.revise')}</Button></Popconfirm>}
            {moves.includes('submission') && (
              <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: 'submission' })}>
                <Button type="primary" data-testid="submit-registration">{t('deals.contract.submit')}</Button>
              </Popconfirm>
            )}
            {moves.includes('register') && (
              <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: 'registration' })}>
                <Button type="primary" data-testid="register">{t('deals.desk.register')}</Button>
              </Popconfirm>
            )}
            {moves.includes('reject') && <Button danger onClick={() => setRejecting(true)} data-testid="reject-registration">{t('deals.desk.reject')}</Button>}
          </Space>
        </Card>
      )}
      {editing && moves.includes('edit') && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.contract.editFields')}</h2>}>
          <FieldsForm contract={c} onSaved={(updated) => { client.setQueryData(['contract', id], updated); setEditing(false); refresh(); }} />
        </Card>
      )}

      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <PartyCard title={t('deals.common.seller')} party={c.seller} />
        <PartyCard title={t('deals.common.buyer')} party={c.buyer} />
      </div>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.contract.registrationFields')}</h2>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('deals.contract.total')}><Typography.Text strong data-testid="contract-total">{l.money(c.total)}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t('deals.contracts.technical')}>{l.money(c.technicalTransactionAmount)}</Descriptions.Item>
          <Descriptions.Item label={t('deals.contract.technologyField')}>{c.technologyField ? l.field(c.technologyField) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('deals.contract.planSource')}>{c.planSource ? t(`deals.plan.${c.planSource}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('deals.contract.ipInvolvement')}>{c.ipInvolvement.length ? c.ipInvolvement.map((ip) => t(`deals.ip.${ip}`)).join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('deals.contract.term')}>{c.validFrom ?? '—'} – {c.validUntil ?? '—'}（{t('deals.room.months', { count: c.termMonths })}）</Descriptions.Item>
          {c.expectedNewInvestment && <Descriptions.Item label={t('deals.contract.expectedNewInvestment')}>{l.money(c.expectedNewInvestment)}</Descriptions.Item>}
          {c.expectedNewOutputValue && <Descriptions.Item label={t('deals.contract.expectedNewOutputValue')}>{l.money(c.expectedNewOutputValue)}</Descriptions.Item>}
          {c.signingDate && <Descriptions.Item label={t('deals.contract.signingDate')}>{c.signingDate}</Descriptions.Item>}
          <Descriptions.Item label={t('deals.contract.scope')} span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{c.scope}</span></Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.contract.signatures')}</h2>}>
        <Space wrap>
          {(['SELLER', 'BUYER'] as PartyRole[]).map((party) => {
            const signature = c.signatures.find((s) => s.party === party);
            return (
              <Tag key={party} color={signature ? 'green' : 'default'} data-testid={`signature-${party}`}>
                {signature ? `${t('deals.contract.signed', { party: partyName(party) })} · ${new Date(signature.at).toLocaleString(l.language)}` : t('deals.contract.notSigned', { party: partyName(party) })}
              </Tag>
            );
          })}
        </Space>
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.contract.registration')}</h2>} data-testid="registration">
        {c.registration?.submittedAt ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('deals.contract.submittedAt')}>{new Date(c.registration.submittedAt).toLocaleString(l.language)}</Descriptions.Item>
            <Descriptions.Item label={t('deals.contract.registrationNumber')}><Typography.Text code data-testid="registration-number">{c.registration.registrationNumber ?? '—'}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={t('deals.contract.ruleSet')}>{c.registration.ruleSet ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deals.contract.registeredAt')}>{c.registration.registeredAt ? new Date(c.registration.registeredAt).toLocaleString(l.language) : '—'}</Descriptions.Item>
            {c.status === 'REJECTED' && <Descriptions.Item label={t('deals.contract.rejectionReason')} span={2}>{c.statusReason}</Descriptions.Item>}
          </Descriptions>
        ) : <Typography.Text type="secondary">{t('deals.contract.notYetSubmitted')}</Typography.Text>}
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.contract.milestones')}</h2>}>
        <MilestonePayments contract={c} roles={roles} />
      </Card>

      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 15 }}>{t('deals.contract.exports')}</h2>}>
        <Space wrap>
          <Button onClick={() => download(`/api/contracts/${c.id}/registration-form.pdf`, `${exportName}.pdf`).catch((error) => message.error(problemWords(error, t).message))} data-testid="export-pdf">{t('deals.contract.pdf')}</Button>
          <Button onClick={() => download(`/api/contracts/${c.id}/registration-form.csv`, `${exportName}.csv`).catch((error) => message.error(problemWords(error, t).message))} data-testid="export-csv">{t('deals.contract.csv')}</Button>
          {c.negotiationId && (roles.SELLER || roles.BUYER) && <Link to={`/negotiations/${c.negotiationId}`}>{t('nav.negotiations')}</Link>}
        </Space>
      </Card>

      <Modal open={rejecting} title={t('deals.desk.reject')} okButtonProps={{ disabled: reason.trim().length === 0, danger: true, loading: act.isPending }}
        onCancel={() => setRejecting(false)}
        onOk={async () => {
          await act.mutateAsync({ path: 'rejection', body: { reason: reason.trim() } });
          setRejecting(false);
          setReason('');
        }}>
        <label htmlFor="contract-reject-reason">{t('deals.desk.rejectReason')}</label>
        <Input.TextArea id="contract-reject-reason" rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('deals.desk.rejectReasonRequired')} />
      </Modal>
    </Space>
  );
}

export default withAntApp(ContractPageInner);
