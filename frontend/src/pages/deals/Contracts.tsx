import { Button, Card, List, Result, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contract } from '../../api/deals';
import { login } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { contractStatusColor } from './logic';

/** One contract in a list: project, parties, amounts, status. */
export function ContractItem({ contract, extra }: { contract: Contract; extra?: React.ReactNode }) {
  const l = useLabels();
  const { t } = l;
  return (
    <List.Item data-testid="contract-item" actions={extra ? [extra] : undefined}>
      <List.Item.Meta
        title={<Link to={`/contracts/${contract.id}`}>{contract.projectName}</Link>}
        description={
          <Space direction="vertical" size={2}>
            <Space wrap size={4}>
              <Tag color={contractStatusColor(contract.status)} data-testid="contract-status">{t(`deals.contract.status.${contract.status}`)}</Tag>
              <Tag>{t(`deals.contractType.${contract.contractType}`, { defaultValue: contract.contractType })}</Tag>
              <Typography.Text>{t('deals.contracts.total')} {l.money(contract.total)}</Typography.Text>
              <Typography.Text type="secondary">{t('deals.contracts.technical')} {l.money(contract.technicalTransactionAmount)}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">{contract.seller.name} → {contract.buyer.name}</Typography.Text>
            {contract.registration?.registrationNumber && <Typography.Text code>{contract.registration.registrationNumber}</Typography.Text>}
          </Space>
        }
      />
    </List.Item>
  );
}

/** 技术合同: the contracts of my organisations (and those I broker), most recently changed first. */
export default function Contracts() {
  const l = useLabels();
  const { t } = l;
  const session = useSession();
  const contracts = useQuery({ queryKey: ['contracts', 'mine'], queryFn: () => api<Contract[]>('/api/contracts?size=100'), enabled: session.authenticated });
  if (!session.authenticated) {
    return <Result status="403" title={t('deals.common.signInFirst')} extra={<Button type="primary" onClick={() => login(l.language)}>{t('app.login')}</Button>} />;
  }
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('deals.contracts.title')}</h1>
      <Card extra={<Button onClick={() => void contracts.refetch()}>{t('deals.common.refresh')}</Button>}>
        {contracts.isPending ? <Loading /> : contracts.error ? <ErrorState error={contracts.error} retry={() => void contracts.refetch()} />
          : contracts.data.length === 0 ? <EmptyState text={t('deals.contracts.empty')} />
          : <List dataSource={contracts.data} renderItem={(contract) => <ContractItem contract={contract} />} />}
      </Card>
    </>
  );
}
