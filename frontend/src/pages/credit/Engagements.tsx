import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Modal, Rate, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { withAntApp } from '../../components/withAntApp';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';

interface Party { position: number; role: string; organisationId: string | null; organisationName: string | null; personSubject: string | null; you: boolean }
interface Engagement {
  id: string;
  kind: string;
  referenceId: string;
  completedAt: string;
  parties: Party[];
  ratings: { raterPosition: number; ratedPosition: number; stars: number; comment: string | null }[];
  youMayRate: number[];
}

const partyName = (p: Party) => p.organisationName ?? p.personSubject ?? '';

/** My finished engagements; a dialog rates another side once. */
function Engagements() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [target, setTarget] = useState<{ engagement: Engagement; party: Party } | null>(null);
  const [form] = Form.useForm<{ stars: number; comment?: string }>();
  const query = useQuery({ queryKey: ['engagements'], queryFn: () => api<Engagement[]>('/api/engagements?size=100') });
  const rate = useMutation({
    mutationFn: (values: { stars: number; comment?: string }) => api(`/api/engagements/${target!.engagement.id}/ratings`, {
      method: 'POST', body: { ratedPosition: target!.party.position, stars: values.stars, comment: values.comment || undefined },
    }),
    onSuccess: () => {
      void message.success(t('credit.thanks'));
      setTarget(null);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['engagements'] });
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('credit.engagements')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.engagementsIntro')}</Typography.Paragraph>
      {query.data.length === 0 ? <EmptyState text={t('credit.none')} /> : (
        <List dataSource={query.data} renderItem={(e) => (
          <List.Item key={e.id}>
            <Card style={{ width: '100%' }} size="small"
              title={<Space><Tag color="blue">{t(`credit.kind.${e.kind}`)}</Tag>{new Date(e.completedAt).toLocaleDateString()}</Space>}>
              <List size="small" dataSource={e.parties} renderItem={(p) => (
                <List.Item key={p.position} actions={[
                  e.youMayRate.includes(p.position)
                    ? <Button key="rate" size="small" type="primary" onClick={() => setTarget({ engagement: e, party: p })}
                        data-testid={`rate-${e.id}-${p.position}`}>{t('credit.rate')}</Button>
                    : !p.you && e.ratings.some((r) => r.ratedPosition === p.position)
                      ? <Tag key="rated">{t('credit.rated')}</Tag> : null,
                ]}>
                  <Space>
                    <Tag>{t(`credit.role.${p.role}`, { defaultValue: p.role })}</Tag>
                    {partyName(p)}
                    {p.you && <Tag color="green">{t('credit.you')}</Tag>}
                  </Space>
                </List.Item>
              )} />
            </Card>
          </List.Item>
        )} />
      )}
      <Modal open={target !== null} title={target ? t('credit.rateTitle', { name: partyName(target.party) }) : ''}
        okText={t('credit.submit')} onCancel={() => setTarget(null)} confirmLoading={rate.isPending}
        onOk={() => void form.validateFields().then((values) => rate.mutate(values))} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ stars: 5 }}>
          <Form.Item name="stars" label={t('credit.stars')} rules={[{ required: true }]}><Rate /></Form.Item>
          <Form.Item name="comment" label={t('credit.comment')} rules={[{ max: 1000 }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export default withAntApp(Engagements);
