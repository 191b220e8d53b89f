import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Achievement, AchievementPackage, Demand, Page } from '../api/types';
import { AchievementItem, DemandItem, ItemList, PackageCard, Panel } from '../components/Cards';
import { EmptyState, ErrorState, Loading } from '../components/States';
import { formatFen, type Money } from '../lib/money';

const TurnoverGauge = lazy(() => import('../charts/TurnoverGauge'));
/** The city's yearly target: 1.5 billion CNY of technology-contract turnover. */
const TARGET_FEN = 150_000_000_000;

function Listing<T extends { id: string }>({ query, render }: {
  query: { data?: Page<T>; error: unknown; isPending: boolean; refetch: () => unknown };
  render: (item: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (query.data!.items.length === 0) return <EmptyState />;
  return <ItemList items={query.data!.items} render={render} keyOf={(item) => item.id} />;
}

/** Shows the chart only once the card is on screen, so the chart library never delays the first page. */
function TurnoverCard() {
  const { t, i18n } = useTranslation();
  // The registered contract turnover of the year against the target (public, cached by the server).
  const progress = useQuery({
    queryKey: ['statistics', 'target', 'home'],
    queryFn: () => api<{ achieved: Money; target: Money; remaining: Money; progressPercent: string }>('/api/contract-statistics/target'),
    staleTime: 60_000,
  });
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!ref.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return (
    <Panel title={t('home.turnover')} testId="turnover">
      <div ref={ref} className="turnover-chart">
        {visible && (
          <Suspense fallback={<Loading rows={3} />}>
            <TurnoverGauge value={progress.data?.achieved.amountFen ?? null} target={progress.data?.target.amountFen ?? TARGET_FEN} />
          </Suspense>
        )}
      </div>
      <p className="muted" data-testid="turnover-text">
        {progress.data
          ? t('deals.stats.targetText', {
            achieved: formatFen(progress.data.achieved.amountFen, i18n.language, true), target: formatFen(progress.data.target.amountFen, i18n.language, true),
            percent: progress.data.progressPercent, remaining: formatFen(progress.data.remaining.amountFen, i18n.language, true),
          })
          : <>{t('home.turnoverTarget', { target: formatFen(TARGET_FEN, i18n.language, true) })} · {t('home.turnoverPlaceholder')}</>}
        {' '}<Link to="/statistics">{t('home.more')}</Link>
      </p>
    </Panel>
  );
}

export default function Home() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const achievements = useQuery({ queryKey: ['achievements', 'latest'], queryFn: () => api<Page<Achievement>>('/api/achievements?size=6') });
  const demands = useQuery({ queryKey: ['demands', 'latest'], queryFn: () => api<Page<Demand>>('/api/demands?size=6') });
  const packages = useQuery({ queryKey: ['packages', 'featured'], queryFn: () => api<Page<AchievementPackage>>('/api/achievement-packages?size=4') });
  return (
    <>
      <section className="hero">
        <h1>{t('home.heroTitle')}</h1>
        <p>{t('home.heroText')}</p>
        <form role="search" className="hero-search" onSubmit={(event) => { event.preventDefault(); navigate(`/search?q=${encodeURIComponent(q.trim())}`); }}>
          <label htmlFor="home-search" className="visually-hidden">{t('search.placeholder')}</label>
          <input id="home-search" type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder={t('home.searchPlaceholder')} />
          <Button type="primary" htmlType="submit" size="large">{t('search.submit')}</Button>
        </form>
      </section>
      <div className="home-grid">
        <div className="span-2">
          <Panel title={t('home.featuredPackages')} extra={<Link to="/packages">{t('home.more')}</Link>} testId="packages">
            {packages.isPending ? <Loading /> : packages.error ? <ErrorState error={packages.error} retry={() => void packages.refetch()} />
              : packages.data.items.length === 0 ? <EmptyState />
              : <div className="card-grid">{packages.data.items.map((item) => <PackageCard key={item.id} item={item} />)}</div>}
          </Panel>
        </div>
        <TurnoverCard />
        <div className="span-half">
          <Panel title={t('home.latestAchievements')} extra={<Link to="/achievements">{t('home.more')}</Link>} testId="latest-achievements">
            <Listing query={achievements} render={(item) => <AchievementItem item={item} />} />
          </Panel>
        </div>
        <div className="span-half">
          <Panel title={t('home.latestDemands')} extra={<Link to="/demands">{t('home.more')}</Link>} testId="latest-demands">
            <Listing query={demands} render={(item) => <DemandItem item={item} />} />
          </Panel>
        </div>
      </div>
    </>
  );
}
