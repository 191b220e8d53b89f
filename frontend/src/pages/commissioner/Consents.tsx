import { Button, Card, List, Result, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { commissionerApi, type Application } from './api';

/** Applications waiting for the caller's consent as OWNER of the employer or the served enterprise. */
export default function Consents() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const requests = useQuery({ queryKey: ['commissioner', 'consents'], queryFn: commissionerApi.consentRequests, enabled: session.authenticated });
  const answer = useMutation({
    mutationFn: ({ id, which, consent }: { id: string; which: 'employer' | 'enterprise'; consent: boolean }) => commissionerApi.consent(id, which, consent),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['commissioner'] }),
  });
  if (!session.authenticated) return <Result status="403" title={t('problem.unauthorized')} />;
  const which = (a: Application): 'employer' | 'enterprise' => (a.employerConsent ? 'enterprise' : 'employer');
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('commissioner.consents.title')}</h1>
      <Card>
        {requests.isPending ? <Loading /> : requests.error ? <ErrorState error={requests.error} retry={() => void requests.refetch()} />
          : requests.data.length === 0 ? <EmptyState text={t('commissioner.consents.empty')} />
          : (
            <List dataSource={requests.data} renderItem={(a) => (
              <List.Item data-testid="consent-request" actions={[
                <Button key="yes" type="primary" data-testid="consent-yes" loading={answer.isPending}
                  onClick={() => answer.mutate({ id: a.id, which: which(a), consent: true })}>{t(`commissioner.consents.${which(a)}`)}</Button>,
                <Button key="no" danger onClick={() => answer.mutate({ id: a.id, which: which(a), consent: false })}>{t('commissioner.consents.refuse')}</Button>,
              ]}>
                <List.Item.Meta title={<Space>{a.name}<Tag>{t(`commissioner.type.${a.type}`)}</Tag></Space>}
                  description={`${a.employer.name}${a.servedOrganisation ? ` → ${a.servedOrganisation.name}` : ''} · ${a.expertise}`} />
              </List.Item>
            )} />
          )}
      </Card>
    </>
  );
}
