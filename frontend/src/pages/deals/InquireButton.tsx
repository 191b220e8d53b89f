import { useState } from 'react';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Negotiation } from '../../api/deals';
import { useMyOrganisations } from '../../api/mine';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import { inquiringOrganisations, inquiringRole } from './parties';

/** 我要洽谈 on a listing's page: opens (or reopens) the room for one of my organisations and goes there. */
function InquireButtonInner({ listingType, listingId, holderId }: { listingType: 'ACHIEVEMENT' | 'DEMAND'; listingId: string; holderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const mine = useMyOrganisations();
  const [choosing, setChoosing] = useState(false);
  const choices = inquiringOrganisations(holderId, mine.data);
  const [organisationId, setOrganisationId] = useState<string>();
  const inquire = useMutation({
    mutationFn: (organisation: string) => api<Negotiation>('/api/negotiations', { method: 'POST', body: { listingType, listingId, organisationId: organisation } }),
    onSuccess: (room) => {
      void client.invalidateQueries({ queryKey: ['negotiations'] });
      void message.success(t('deals.inquiry.opened'));
      navigate(`/negotiations/${room.id}`);
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  if (!session.authenticated || !hasRole(session, inquiringRole(listingType))) return null;
  if ((mine.data ?? []).some((m) => m.organisation.id === holderId)) return null;
  if (mine.isSuccess && choices.length === 0) {
    return <Typography.Text type="secondary">{t('deals.inquiry.noOrganisation')}</Typography.Text>;
  }
  const start = () => {
    if (choices.length === 1) inquire.mutate(choices[0].organisation.id);
    else setChoosing(true);
  };
  return (
    <>
      <Button type="primary" size="large" onClick={start} loading={inquire.isPending} disabled={!mine.isSuccess} data-testid="inquire">
        {t('deals.inquiry.button')}
      </Button>
      <Modal open={choosing} title={t('deals.inquiry.title')} onCancel={() => setChoosing(false)}
        okButtonProps={{ disabled: !organisationId, loading: inquire.isPending }}
        onOk={() => organisationId && inquire.mutate(organisationId)}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="inquiry-organisation">{t('deals.inquiry.organisation')}</label>
          <Select id="inquiry-organisation" style={{ width: '100%' }} value={organisationId} onChange={setOrganisationId}
            options={choices.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} />
        </Space>
      </Modal>
    </>
  );
}

export default withAntApp(InquireButtonInner);
