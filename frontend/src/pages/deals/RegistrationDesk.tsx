import { useState } from 'react';
import { App, Button, Card, Input, List, Modal, Popconfirm, Result, Segmented, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contract } from '../../api/deals';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import { ContractItem } from './Contracts';

type Queue = 'SUBMITTED' | 'REGISTERED' | 'REJECTED';

/** 技术合同认定登记 (ADMIN): submitted contracts, oldest first; register (number issued) or refuse with a reason. */
function RegistrationDeskInner() {
  const l = useLabels();
  const { t } = l;
  const { message } = App.useApp();
  const client = useQueryClient();
  const session = useSession();
  const admin = hasRole(session, 'ADMIN');
  const [status, setStatus] = useState<Queue>('SUBMITTED');
  const [rejecting, setRejecting] = useState<Contract | null>(null);
  const [reason, setReason] = useState('');
  const queue = useQuery({
    queryKey: ['registrations', status],
    queryFn: () => api<Contract[]>(`/api/registrations?status=${status}&size=100`),
    enabled: admin,
    refetchInterval: 30_000,
  });
  const decide = useMutation({
    mutationFn: ({ contract, action, why }: { contract: Contract; action: 'registration' | 'rejection'; why?: string }) =>
      api<Contract>(`/api/contracts/${contract.id}/${action}`, { method: 'POST', version: contract.version, body: why ? { reason: why } : {} }),
    onSuccess: (contract) => {
      void client.invalidateQueries({ queryKey: ['registrations'] });
      void client.invalidateQueries({ queryKey: ['statistics'] });
      void message.success(contract.registration?.registrationNumber ? t('deals.desk.registered', { number: contract.registration.registrationNumber }) : t('deals.common.done'));
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (!admin) return <Result status="403" title={t('problem.forbidden')} />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('deals.desk.title')}</h1>
      <Typography.Paragraph type="secondary">{t('deals.desk.intro')}</Typography.Paragraph>
      <Card extra={
        <Segmented value={status} onChange={(value) => setStatus(value as Queue)}
          options={(['SUBMITTED', 'REGISTERED', 'REJECTED'] as const).map((value) => ({ value, label: t(`deals.desk.queue.${value}`) }))} />
      }>
        {queue.isPending ? <Loading /> : queue.error ? <ErrorState error={queue.error} retry={() => void queue.refetch()} />
          : queue.data.length === 0 ? <EmptyState text={t('deals.desk.empty')} />
          : (
            <List dataSource={queue.data} renderItem={(contract) => (
              <ContractItem contract={contract} extra={status === 'SUBMITTED' ? (
                <Space wrap>
                  <Popconfirm title={t('deals.common.confirm')} onConfirm={() => decide.mutateAsync({ contract, action: 'registration' })}>
                    <Button type="primary" loading={decide.isPending && decide.variables?.contract.id === contract.id} data-testid="desk-register">{t('deals.desk.register')}</Button>
                  </Popconfirm>
                  <Button danger onClick={() => setRejecting(contract)} data-testid="desk-reject">{t('deals.desk.reject')}</Button>
                </Space>
              ) : undefined} />
            )} />
          )}
      </Card>
      <Modal open={rejecting !== null} title={t('deals.desk.reject')} okButtonProps={{ disabled: reason.trim().length === 0, danger: true, loading: decide.isPending }}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          if (!rejecting) return;
          await decide.mutateAsync({ contract: rejecting, action: 'rejection', why: reason.trim() });
          setRejecting(null);
          setReason('');
        }}>
        <label htmlFor="desk-reject-reason">{t('deals.desk.rejectReason')}</label>
        <Input.TextArea id="desk-reject-reason" rows={3} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('deals.desk.rejectReasonRequired')} />
      </Modal>
    </>
  );
}

export default withAntApp(RegistrationDeskInner);
