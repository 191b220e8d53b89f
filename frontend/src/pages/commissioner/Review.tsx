import { Button, Card, Form, Input, List, Modal, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';
import { COUNTIES, commissionerApi, type Application } from './api';

/** The bureau's review queue: select or reject, with HR's opinion and the reason recorded. */
export default function Review() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = hasRole(session, 'ADMIN');
  const client = useQueryClient();
  const [deciding, setDeciding] = useState<{ application: Application; approved: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const queue = useQuery({ queryKey: ['commissioner', 'queue'], queryFn: commissionerApi.queue, enabled: admin });
  const decide = useMutation({
    mutationFn: (values: { hrOpinion: string; reason: string }) =>
      commissionerApi.decide(deciding!.application.id, { approved: deciding!.approved, version: deciding!.application.version, ...values }),
    onSuccess: () => { setDeciding(null); form.resetFields(); void client.invalidateQueries({ queryKey: ['commissioner'] }); },
    onError: (e) => setError(problemWords(e, t).message),
  });
  if (!admin) return <Result status="403" title={t('problem.forbidden')} />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.review.title')}</h1>
      <Card>
        {queue.isPending ? <Loading /> : queue.error ? <ErrorState error={queue.error} retry={() => void queue.refetch()} />
          : queue.data.length === 0 ? <EmptyState text={t('commissioner.review.empty')} />
          : (
            <List dataSource={queue.data} renderItem={(a) => (
              <List.Item data-testid="review-item" actions={[
                <Button key="approve" type="primary" data-testid="approve" onClick={() => { setError(null); setDeciding({ application: a, approved: true }); }}>{t('commissioner.review.approve')}</Button>,
                <Button key="reject" danger onClick={() => { setError(null); setDeciding({ application: a, approved: false }); }}>{t('commissioner.review.reject')}</Button>,
              ]}>
                <List.Item.Meta
                  title={<Space>{a.name}<Tag>{t(`commissioner.type.${a.type}`)}</Tag>{a.threeRegionsTalent && <Tag color="gold">{t('commissioner.field.talent')}</Tag>}</Space>}
                  description={
                    <Space direction="vertical" size={2}>
                      <span>{a.employer.name} · {COUNTIES[a.regionCode]} · {a.expertise}</span>
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{a.profile}</Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {t('commissioner.review.consents')}: {a.employerConsent?.by} {a.enterpriseConsent ? `/ ${a.enterpriseConsent.by}` : ''}
                      </Typography.Text>
                    </Space>
                  } />
              </List.Item>
            )} />
          )}
      </Card>
      <Modal open={!!deciding} title={deciding ? `${t('commissioner.review.decision')}：${deciding.approved ? t('commissioner.review.approve') : t('commissioner.review.reject')} ${deciding.application.name}` : ''}
        onCancel={() => setDeciding(null)} onOk={() => form.submit()} okButtonProps={{ loading: decide.isPending, 'data-testid': 'decision-ok' } as never} destroyOnHidden>
        {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
        <Form form={form} layout="vertical" onFinish={(values) => decide.mutate(values)}>
          <Form.Item name="hrOpinion" label={t('commissioner.field.hrOpinion')} rules={[{ required: true }]}><Input.TextArea id="hr-opinion" rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="reason" label={t('commissioner.field.reason')} rules={[{ required: true }]}><Input.TextArea id="decision-reason" rows={2} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
