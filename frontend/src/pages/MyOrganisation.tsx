import { useState } from 'react';
import { Alert, Button, Card, List, Result, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Achievement, Demand, MyOrganisation as Membership, Page } from '../api/types';
import { useMyOrganisations } from '../api/mine';
import { hasRole, login } from '../auth/auth';
import { useSession } from '../auth/useSession';
import { useLabels } from '../components/labels';
import { AchievementItem, DemandItem } from '../components/Cards';
import { EmptyState, ErrorState, Loading } from '../components/States';
import { achievementActions, demandActions, LifecycleButtons } from '../components/LifecycleActions';

function OrganisationListings({ membership }: { membership: Membership }) {
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const [filter, setFilter] = useState<'all' | 'DRAFT'>('all');
  const editor = membership.role !== 'MEMBER';
  const organisation = membership.organisation;
  const isUniversity = organisation.kind === 'UNIVERSITY';
  const status = filter === 'DRAFT' ? (isUniversity ? '&status=DRAFT' : '') : '';
  const path = isUniversity ? '/api/achievements' : '/api/demands';
  const query = useQuery({
    queryKey: ['organisation-listings', organisation.id, filter],
    queryFn: () => api<Page<Achievement | Demand>>(`${path}?organisationId=${organisation.id}&size=50${status}`),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={organisation.verificationStatus === 'VERIFIED' ? 'green' : 'gold'}>
          {organisation.verificationStatus === 'VERIFIED' ? t('my.verified') : organisation.verificationStatus}
        </Tag>
        <Typography.Text>{t(`my.role.${membership.role}`)}</Typography.Text>
        {organisation.regionName && <Typography.Text type="secondary">{organisation.regionName}</Typography.Text>}
      </Space>
      {organisation.verificationStatus !== 'VERIFIED' && <Alert type="warning" showIcon title={t('my.unverified')} />}
      {editor && (
        <Space wrap>
          {isUniversity ? (
            <>
              <Link to="/achievements/new"><Button type="primary">{t('nav.newAchievement')}</Button></Link>
              <Link to="/me/organisation/imports"><Button>{t('nav.imports')}</Button></Link>
            </>
          ) : organisation.kind === 'ENTERPRISE' ? (
            <Link to="/demands/new"><Button type="primary">{t('nav.newDemand')}</Button></Link>
          ) : null}
        </Space>
      )}
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t(isUniversity ? 'my.achievements' : 'my.demands')}</h2>}
        extra={isUniversity && (
          <Segmented value={filter} onChange={(value) => setFilter(value as 'all' | 'DRAFT')}
            options={[{ value: 'all', label: t('my.all') }, { value: 'DRAFT', label: t('my.drafts') }]} />
        )}
      >
        {query.isPending ? <Loading /> : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
          : query.data.items.length === 0 ? <EmptyState />
          : (
            <List
              dataSource={query.data.items}
              renderItem={(item) => isUniversity ? (
                <div>
                  <AchievementItem item={item as Achievement} showStatus />
                  <LifecycleButtons resource="achievements" id={item.id} version={item.version}
                    actions={achievementActions((item as Achievement).status, editor, hasRole(session, 'ADMIN'))}
                    editPath={editor && ['DRAFT', 'REJECTED', 'WITHDRAWN'].includes((item as Achievement).status) ? `/achievements/${item.id}/edit` : undefined} />
                </div>
              ) : (
                <div>
                  <DemandItem item={item as Demand} showStatus />
                  <LifecycleButtons resource="demands" id={item.id} version={item.version}
                    actions={demandActions((item as Demand).status, editor, hasRole(session, 'ADMIN'))} />
                </div>
              )}
            />
          )}
      </Card>
      <Card size="small"><Typography.Text type="secondary">{t('my.inquiries')}</Typography.Text></Card>
    </Space>
  );
}

export default function MyOrganisation() {
  const { t, i18n } = useLabels();
  const session = useSession();
  const mine = useMyOrganisations();
  if (!session.authenticated) {
    return <Result status="403" title={t('problem.unauthorized')} extra={<Button type="primary" onClick={() => login(i18n.language)}>{t('app.login')}</Button>} />;
  }
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorState error={mine.error} retry={() => void mine.refetch()} />;
  if (mine.data.length === 0) return <EmptyState text={t('my.none')} />;
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('my.title')}</h1>
      <Tabs items={mine.data.map((membership) => ({
        key: membership.organisation.id,
        label: membership.organisation.name,
        children: <OrganisationListings membership={membership} />,
      }))} />
    </>
  );
}
