import { Button, Col, List, Row } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Achievement, AchievementPackage, Demand, Page } from '../api/types';
import { AchievementItem, DemandItem, PackageCard } from '../components/Cards';
import { EmptyState, ErrorState, Loading } from '../components/States';

const PATH = { achievements: '/api/achievements', demands: '/api/demands', packages: '/api/achievement-packages' } as const;
const TITLE = { achievements: 'nav.achievements', demands: 'nav.demands', packages: 'nav.packages' } as const;

/** Public listings, newest first, a page at a time. */
export default function Listings({ kind }: { kind: keyof typeof PATH }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: ['listings', kind],
    queryFn: ({ pageParam }) => api<Page<Achievement | Demand | AchievementPackage>>(
      `${PATH[kind]}?size=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t(TITLE[kind])}</h1>
      {query.isPending ? <Loading rows={8} /> : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
        : items.length === 0 ? <EmptyState />
        : kind === 'packages' ? (
          <Row gutter={[12, 12]}>
            {(items as AchievementPackage[]).map((item) => <Col xs={24} md={12} key={item.id}><PackageCard item={item} /></Col>)}
          </Row>
        ) : (
          <List
            dataSource={items}
            renderItem={(item) => kind === 'achievements' ? <AchievementItem item={item as Achievement} /> : <DemandItem item={item as Demand} />}
          />
        )}
      {query.hasNextPage && <Button block loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>{t('search.loadMore')}</Button>}
    </>
  );
}
