import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { problemWords } from './States';
import { withAntApp } from './withAntApp';

export type AchievementAction = 'submission' | 'publication' | 'rejection' | 'withdrawal' | 'archival';
export type DemandAction = 'negotiation' | 'solution' | 'closure' | 'reopening';

const LABEL: Record<string, string> = {
  submission: 'actions.submit',
  publication: 'actions.publish',
  rejection: 'actions.reject',
  withdrawal: 'actions.withdraw',
  archival: 'actions.archive',
  negotiation: 'actions.negotiation',
  solution: 'actions.solution',
  closure: 'actions.closure',
  reopening: 'actions.reopening',
};

/** Which lifecycle moves to offer for an achievement, from the status and who is looking. */
export function achievementActions(status: string, editor: boolean, admin: boolean): AchievementAction[] {
  const actions: AchievementAction[] = [];
  if (editor && ['DRAFT', 'REJECTED', 'WITHDRAWN'].includes(status)) actions.push('submission');
  if (admin && status === 'SUBMITTED') actions.push('publication', 'rejection');
  if ((editor && ['SUBMITTED', 'PUBLISHED'].includes(status)) || (admin && status === 'PUBLISHED')) actions.push('withdrawal');
  if (editor && ['DRAFT', 'REJECTED', 'WITHDRAWN'].includes(status)) actions.push('archival');
  return actions;
}

export function demandActions(status: string, editor: boolean, admin: boolean): DemandAction[] {
  const actions: DemandAction[] = [];
  if (editor && status === 'OPEN') actions.push('negotiation');
  if (editor && status === 'IN_NEGOTIATION') actions.push('solution', 'reopening');
  if ((editor || admin) && ['OPEN', 'IN_NEGOTIATION'].includes(status)) actions.push('closure');
  return actions;
}

/** Buttons for the lifecycle moves; each sends If-Match with the version it shows. */
function LifecycleButtonsInner({ resource, id, version, actions, editPath }: {
  resource: 'achievements' | 'demands';
  id: string;
  version: number;
  actions: string[];
  editPath?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: ({ action, reason: why }: { action: string; reason?: string }) =>
      api(`/api/${resource}/${id}/${action}`, { method: 'POST', version, body: why ? { reason: why } : {} }),
    onSuccess: () => {
      void message.success(t('actions.done'));
      void client.invalidateQueries();
    },
    onError: (error) => {
      void message.error(problemWords(error, t).message);
    },
  });
  return (
    <Space wrap>
      {editPath && <Link to={editPath}><Button>{t('listing.edit')}</Button></Link>}
      {actions.map((action) =>
        action === 'rejection' ? (
          <Button key={action} danger onClick={() => setRejecting(true)} data-testid={`action-${action}`}>{t(LABEL[action])}</Button>
        ) : (
          <Popconfirm key={action} title={t('actions.confirm')} onConfirm={() => act.mutateAsync({ action })}>
            <Button type={action === 'publication' || action === 'submission' ? 'primary' : 'default'} loading={act.isPending && act.variables?.action === action} data-testid={`action-${action}`}>
              {t(LABEL[action])}
            </Button>
          </Popconfirm>
        ),
      )}
      <Modal
        open={rejecting}
        title={t('actions.reject')}
        okButtonProps={{ disabled: reason.trim().length === 0, danger: true }}
        onCancel={() => setRejecting(false)}
        onOk={async () => {
          await act.mutateAsync({ action: 'rejection', reason: reason.trim() });
          setRejecting(false);
          setReason('');
        }}
      >
        <label htmlFor="reject-reason">{t('actions.rejectReason')}</label>
        <Input.TextArea id="reject-reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('actions.rejectReasonRequired')} />
      </Modal>
    </Space>
  );
}

export const LifecycleButtons = withAntApp(LifecycleButtonsInner);
