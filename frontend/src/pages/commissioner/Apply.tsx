import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Form, Input, List, Popconfirm, Result, Select, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession';
import { useMyOrganisations } from '../../api/mine';
import { ApiError } from '../../api/problem';
import { useApiForm } from '../../components/useApiForm';
import { ErrorState, Loading } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import { COUNTIES, commissionerApi, downloadLetter } from './api';

/** Apply as a commissioner, follow one's applications, and one's own record (letter, resignation). */
function Apply() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const errors = useApiForm(form, ['name', 'type', 'profile', 'expertise', 'employerId', 'servedOrganisationId', 'regionCode', 'villageCodes']);
  const organisations = useMyOrganisations();
  const mine = useQuery({ queryKey: ['commissioner', 'mine'], queryFn: commissionerApi.mine, enabled: session.authenticated });
  const me = useQuery({
    queryKey: ['commissioner', 'me'],
    queryFn: () => commissionerApi.me().catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    enabled: session.authenticated,
  });
  const villages = useQuery({ queryKey: ['commissioner', 'villages'], queryFn: commissionerApi.villages });
  const refresh = () => client.invalidateQueries({ queryKey: ['commissioner'] });
  const apply = useMutation({
    mutationFn: commissionerApi.apply,
    onSuccess: () => { void message.success(t('commissioner.apply.submitted')); form.resetFields(); void refresh(); },
    onError: errors.show,
  });
  const withdraw = useMutation({ mutationFn: commissionerApi.withdraw, onSuccess: () => void refresh() });
  const resign = useMutation({ mutationFn: commissionerApi.resign, onSuccess: () => void refresh() });
  const type = Form.useWatch('type', form);

  if (!session.authenticated) return <Result status="403" title={t('problem.unauthorized')} />;
  if (mine.isPending || me.isPending) return <Loading />;
  if (mine.error) return <ErrorState error={mine.error} retry={() => void mine.refetch()} />;
  const open = (mine.data ?? []).find((a) => a.status === 'AWAITING_CONSENT' || a.status === 'IN_REVIEW');
  const active = me.data && me.data.standing === 'SELECTED';

  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.apply.title')}</h1>
      {me.data && (
        <Card title={t('commissioner.apply.record')} style={{ marginBottom: 16 }} data-testid="commissioner-record">
          <Descriptions column={1} size="small" items={[
            { key: 'name', label: t('commissioner.field.name'), children: me.data.name },
            { key: 'type', label: t('commissioner.field.type'), children: t(`commissioner.type.${me.data.type}`) },
            { key: 'standing', label: t('commissioner.field.type'), children: <Tag data-testid="standing">{t(`commissioner.standing.${me.data.standing}`)}</Tag> },
            { key: 'certificate', label: t('commissioner.apply.certificate'), children: me.data.certificateNumber },
            { key: 'employer', label: t('commissioner.field.employer'), children: me.data.employer.name },
          ]} />
          {active && (
            <Space style={{ marginTop: 8 }}>
              <Button onClick={() => void downloadLetter(me.data!.id)}>{t('commissioner.apply.letter')}</Button>
              <Popconfirm title={t('commissioner.apply.resignConfirm')} onConfirm={() => resign.mutate(me.data!.id)}>
                <Button danger data-testid="resign">{t('commissioner.apply.resign')}</Button>
              </Popconfirm>
            </Space>
          )}
        </Card>
      )}
      {(mine.data ?? []).length > 0 && (
        <Card title={t('commissioner.apply.mine')} style={{ marginBottom: 16 }}>
          <List dataSource={mine.data} renderItem={(a) => (
            <List.Item data-testid="my-application" actions={a.status === 'AWAITING_CONSENT' || a.status === 'IN_REVIEW'
              ? [<Button key="w" data-testid="withdraw" onClick={() => withdraw.mutate(a.id)}>{t('commissioner.apply.withdraw')}</Button>] : []}>
              <List.Item.Meta title={<Space>{t(`commissioner.type.${a.type}`)}<Tag data-testid="application-status">{t(`commissioner.status.${a.status}`)}</Tag></Space>}
                description={`${a.employer.name} · ${a.expertise}${a.decision ? ` · ${a.decision.reason}` : ''}`} />
            </List.Item>
          )} />
        </Card>
      )}
      {open ? <Alert type="info" showIcon title={t('commissioner.apply.open')} />
        : active ? null
        : (organisations.data ?? []).length === 0 ? <Alert type="warning" showIcon title={t('commissioner.apply.noOrganisation')} />
        : (
          <Card>
            {errors.summary && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.summary.message} description={errors.summary.details.join('；')} />}
            <Form form={form} layout="vertical" initialValues={{ type: 'RURAL', regionCode: '620826', threeRegionsTalent: false }}
              onFinish={(values) => { errors.clear(); apply.mutate(values); }}>
              <Form.Item name="name" label={t('commissioner.field.name')} rules={[{ required: true }]}><Input id="commissioner-name" maxLength={100} /></Form.Item>
              <Form.Item name="type" label={t('commissioner.field.type')} rules={[{ required: true }]}>
                <Select id="commissioner-type" options={['RURAL', 'ENTERPRISE', 'COMMUNITY'].map((v) => ({ value: v, label: t(`commissioner.type.${v}`) }))} />
              </Form.Item>
              <Form.Item name="employerId" label={t('commissioner.field.employer')} rules={[{ required: true }]}>
                <Select id="commissioner-employer" options={(organisations.data ?? []).map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} />
              </Form.Item>
              {type === 'ENTERPRISE' && (
                <Form.Item name="servedOrganisationId" label={t('commissioner.field.served')} rules={[{ required: true }]}><Input placeholder="UUID" /></Form.Item>
              )}
              <Form.Item name="expertise" label={t('commissioner.field.expertise')} rules={[{ required: true }]}><Input id="commissioner-expertise" maxLength={500} /></Form.Item>
              <Form.Item name="profile" label={t('commissioner.field.profile')} rules={[{ required: true }]}><Input.TextArea id="commissioner-profile" rows={3} maxLength={4000} /></Form.Item>
              <Form.Item name="regionCode" label={t('commissioner.field.region')} rules={[{ required: true }]}>
                <Select id="commissioner-region" options={Object.entries(COUNTIES).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="villageCodes" label={t('commissioner.field.villages')}>
                <Select mode="multiple" options={(villages.data ?? []).map((v) => ({ value: v.code, label: `${COUNTIES[v.countyCode] ?? ''} ${v.township} ${v.name}${v.poor ? '（贫困村）' : ''}` }))} />
              </Form.Item>
              <Form.Item name="servedUnitName" label={t('commissioner.field.servedUnit')}><Input maxLength={200} /></Form.Item>
              <Form.Item name="threeRegionsTalent" valuePropName="checked"><Checkbox>{t('commissioner.field.talent')}</Checkbox></Form.Item>
              <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="commissioner-submit">{t('commissioner.apply.submit')}</Button>
            </Form>
          </Card>
        )}
    </>
  );
}

export default withAntApp(Apply);
