import { App, Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCanEdit } from '../../api/mine';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import { requesterName, type ServiceRequest } from './api';
import ServiceMatches from './ServiceMatches';

function ServiceRequestDetail() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['service-request', id], queryFn: () => api<ServiceRequest>(`/api/service-requests/${id}`) });
  const editor = useCanEdit(query.data?.requester.organisationId ?? undefined);
  const close = useMutation({
    mutationFn: (request: ServiceRequest) => api<ServiceRequest>(`/api/service-requests/${request.id}/closure`, { method: 'POST', body: {}, version: request.version }),
    onSuccess: () => { void message.success(t('servicematch.done')); void client.invalidateQueries(); },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (query.isPending) return <Loading rows={6} />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const request = query.data;
  const admin = hasRole(session, 'ADMIN');
  const mayEdit = request.requester.kind === 'ENTERPRISE' ? editor : admin;
  const open = request.status === 'OPEN';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Space wrap>
          <Tag color={open ? 'green' : 'default'}>{t(`servicematch.state.${request.status}`)}</Tag>
          <Tag>{t(`servicematch.kind.${request.requester.kind}`)}</Tag>
        </Space>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>{request.title}</Typography.Title>
        <Typography.Text type="secondary">{t('servicematch.requester')}: {requesterName(request.requester)}</Typography.Text>
      </div>
      {request.statusReason && <Alert type="info" showIcon title={`${t('servicematch.statusReason')}: ${request.statusReason}`} />}
      {open && (mayEdit || admin) && (
        <Space wrap>
          {mayEdit && <Link to={`/service-requests/${request.id}/edit`}><Button>{t('servicematch.edit')}</Button></Link>}
          <Popconfirm title={t('servicematch.confirm')} onConfirm={() => close.mutate(request)}>
            <Button danger loading={close.isPending}>{t('servicematch.close')}</Button>
          </Popconfirm>
        </Space>
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('servicematch.technologyField')}>{l.field(request.technologyField)}</Descriptions.Item>
          <Descriptions.Item label={t('servicematch.serviceType')}>
            {request.serviceType ? t(`servicematch.type.${request.serviceType}`) : t('servicematch.anyServiceType')}
          </Descriptions.Item>
          <Descriptions.Item label={t('servicematch.county')}>{l.region(request.countyCode)}</Descriptions.Item>
          <Descriptions.Item label={t('servicematch.deadline')}>{request.deadline}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('servicematch.problem')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{request.problem}</Typography.Paragraph>
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('servicematch.expectedHelp')}</h2>}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{request.expectedHelp}</Typography.Paragraph>
      </Card>
      {open && <ServiceMatches kind="service-requests" id={request.id} />}
    </Space>
  );
}

export default withAntApp(ServiceRequestDetail);
