import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Achievement, AchievementPackage, Demand } from '../api/types';
import { useLabels } from './labels';

/*
 * Listing rows and cards in plain markup (the first page must stay small: no antd List/Card/Typography
 * here, which would pull pagination, tabs and ellipsis measuring into the first bundle).
 */

export function Panel({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="panel" data-testid={testId}>
      <div className="panel-head">
        <h2>{title}</h2>
        {extra}
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function ItemList<T>({ items, render, keyOf }: { items: T[]; render: (item: T) => ReactNode; keyOf: (item: T) => string }) {
  return <ul className="item-list">{items.map((item) => <li key={keyOf(item)}>{render(item)}</li>)}</ul>;
}

export function AchievementItem({ item, showStatus = false }: { item: Achievement; showStatus?: boolean }) {
  const l = useLabels();
  return (
    <article className="item" data-testid="achievement-item">
      <h3 className="item-title"><Link to={`/achievements/${item.id}`} data-testid="achievement-link">{item.title}</Link></h3>
      <p className="clamp-2">{item.summary}</p>
      <div className="item-meta">
        {showStatus && <Tag color={item.status === 'PUBLISHED' ? 'green' : 'default'}>{l.status(item.status)}</Tag>}
        <Tag>{l.field(item.technologyField)}</Tag>
        <Tag>{l.maturity(item.maturity)}</Tag>
        <span className="muted">{item.organisation.name}</span>
        <strong>{item.priceNegotiable ? l.t('listing.negotiable') : l.money(item.askingPrice, true)}</strong>
      </div>
    </article>
  );
}

export function demandBudget(demand: Demand, l: ReturnType<typeof useLabels>): string {
  if (demand.budget.negotiable) return l.t('listing.negotiable');
  const max = l.money(demand.budget.max, true) ?? '';
  return demand.budget.min ? l.t('listing.budgetRange', { min: l.money(demand.budget.min, true), max }) : l.t('listing.upTo', { max });
}

export function DemandItem({ item, showStatus = false }: { item: Demand; showStatus?: boolean }) {
  const l = useLabels();
  return (
    <article className="item" data-testid="demand-item">
      <h3 className="item-title"><Link to={`/demands/${item.id}`}>{item.title}</Link></h3>
      <p className="clamp-2">{item.problem}</p>
      <div className="item-meta">
        {showStatus && <Tag>{l.status(item.status)}</Tag>}
        {item.challenge && <Tag color="volcano">{l.t('listing.challenge')}</Tag>}
        <Tag>{l.field(item.technologyField)}</Tag>
        <span className="muted">{item.organisation.name}</span>
        <strong>{demandBudget(item, l)}</strong>
        <span className="muted">{l.t('listing.deadline')} {item.deadline}</span>
      </div>
    </article>
  );
}

export function PackageCard({ item }: { item: AchievementPackage }) {
  const l = useLabels();
  return (
    <article className="package-card">
      <h3 className="item-title"><Link to={`/packages/${item.id}`}>{item.title}</Link></h3>
      <p className="clamp-2">{item.description}</p>
      <div className="item-meta">
        {item.industryTags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
        <span className="muted">{l.t('home.itemsInPackage', { count: item.achievements.length })}</span>
      </div>
    </article>
  );
}
