import { useEffect, useMemo, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Checkbox, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery, keepPreviousData } from '@tanstack/react-query';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import type { Facet, SearchItem, SearchResult, Suggestion } from '../api/types';
import { Highlighted } from '../lib/highlight';
import { useLabels } from '../components/labels';
import { EmptyState, ErrorState, Loading } from '../components/States';

export const FACETS = ['type', 'technologyField', 'industry', 'maturity', 'region', 'transferMode'] as const;
type FacetName = (typeof FACETS)[number];

/** The query string of GET /api/search from the page's own URL parameters. */
export function searchQuery(params: URLSearchParams, cursor?: string): string {
  const query = new URLSearchParams();
  const q = params.get('q')?.trim();
  if (q) query.set('q', q);
  for (const facet of FACETS) params.getAll(facet).forEach((value) => query.append(facet, value));
  const sort = params.get('sort');
  if (sort) query.set('sort', sort);
  query.set('size', '20');
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

export function detailPath(type: string, id: string): string {
  switch (type) {
    case 'DEMAND': return `/demands/${id}`;
    case 'PACKAGE': return `/packages/${id}`;
    default: return `/achievements/${id}`;
  }
}

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function facetLabel(l: ReturnType<typeof useLabels>, facet: FacetName, value: string): string {
  switch (facet) {
    case 'type': return l.t(`search.type.${value}`, { defaultValue: value });
    case 'technologyField': return l.field(value);
    case 'maturity': return l.maturity(value);
    case 'region': return l.region(value);
    case 'transferMode': return l.transfer(value);
    default: return value;
  }
}

/** The price of an achievement or the budget of a demand, as a search hit carries them (fen). */
export function searchItemPrice(item: SearchItem, l: Pick<ReturnType<typeof useLabels>, 't' | 'money'>): string | null {
  const fen = (amountFen: number | null | undefined) => (amountFen == null ? null : l.money({ amountFen, currency: 'CNY' }, true));
  if (item.price) return item.price.negotiable ? l.t('listing.negotiable') : fen(item.price.amountFen);
  if (item.budget) {
    if (item.budget.negotiable) return l.t('listing.negotiable');
    const max = fen(item.budget.maxFen);
    const min = fen(item.budget.minFen);
    if (min && max) return l.t('listing.budgetRange', { min, max });
    return max ? l.t('listing.upTo', { max }) : null;
  }
  return null;
}

function ResultItem({ item }: { item: SearchItem }) {
  const l = useLabels();
  const price = searchItemPrice(item, l);
  return (
    <List.Item data-testid="search-result">
      <List.Item.Meta
        title={
          <Space wrap>
            <Tag color={item.type === 'DEMAND' ? 'blue' : item.type === 'PACKAGE' ? 'purple' : 'green'}>{l.t(`search.type.${item.type}`)}</Tag>
            <Link className="result-title" to={detailPath(item.type, item.id)}>
              <Highlighted fragment={item.highlights?.title?.[0]} fallback={item.title} />
            </Link>
          </Space>
        }
        description={
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              <Highlighted fragment={item.highlights?.summary?.[0] ?? item.highlights?.description?.[0]} fallback={item.summary} />
            </Typography.Paragraph>
            <Space wrap size={4}>
              {item.holder && <Typography.Text type="secondary">{item.holder.name}{item.holder.verified ? ` · ${l.t('search.verified')}` : ''}</Typography.Text>}
              {item.technologyField && <Tag>{l.field(item.technologyField)}</Tag>}
              {item.maturity && <Tag>{l.maturity(item.maturity)}</Tag>}
              {item.region && <Typography.Text type="secondary">{l.region(item.region)}</Typography.Text>}
              {price && <Typography.Text strong>{price}</Typography.Text>}
            </Space>
          </Space>
        }
      />
    </List.Item>
  );
}

export default function Search() {
  const l = useLabels();
  const { t } = l;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typed = useDebounced(text, 150);

  // Results follow the typing (debounced); Enter searches at once.
  useEffect(() => {
    if ((params.get('q') ?? '') === typed) return;
    const next = new URLSearchParams(params);
    if (typed.trim()) next.set('q', typed.trim()); else next.delete('q');
    next.delete('cursor');
    setParams(next, { replace: true });
  }, [typed]); // eslint-disable-line react-hooks/exhaustive-deps

  const suggestionText = useDebounced(text, 120);
  const suggestions = useQuery({
    queryKey: ['suggestions', suggestionText],
    queryFn: ({ signal }) => api<{ suggestions: Suggestion[] }>(`/api/search/suggestions?q=${encodeURIComponent(suggestionText)}`, { signal }),
    enabled: suggestionText.trim().length > 0,
    retry: false,
    staleTime: 60_000,
  });

  const key = searchQuery(params);
  const results = useInfiniteQuery({
    queryKey: ['search', key],
    queryFn: ({ pageParam, signal }) => api<SearchResult>(`/api/search?${searchQuery(params, pageParam)}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

  const first = results.data?.pages[0];
  const items = useMemo(() => results.data?.pages.flatMap((page) => page.items) ?? [], [results.data]);
  const unavailable = results.error instanceof ApiError && [404, 501, 502, 503, 504].includes(results.error.status);

  const toggle = (facet: FacetName, values: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(facet);
    values.forEach((value) => next.append(facet, value));
    setParams(next);
  };

  const options = (suggestions.data?.suggestions ?? []).map((suggestion) => ({
    value: `${suggestion.type}:${suggestion.id}`,
    label: (
      <Space>
        <Tag>{t(`search.type.${suggestion.type}`, { defaultValue: suggestion.type })}</Tag>
        <span>{suggestion.text}</span>
      </Space>
    ),
  }));

  return (
    <>
      <h1 style={{ fontSize: 22 }}>{t('search.title')}</h1>
      <AutoComplete
        options={options}
        value={text}
        onChange={(value) => setText(value)}
        onSelect={(value: string) => {
          const [type, id] = value.split(':');
          navigate(detailPath(type, id));
        }}
        style={{ width: '100%', marginBottom: 16 }}
      >
        <Input.Search
          size="large"
          aria-label={t('search.placeholder')}
          placeholder={t('search.placeholder')}
          enterButton={t('search.submit')}
          data-testid="search-input"
          onSearch={(value) => {
            const next = new URLSearchParams(params);
            if (value.trim()) next.set('q', value.trim()); else next.delete('q');
            setParams(next);
          }}
        />
      </AutoComplete>
      <div className="search-layout">
        <aside aria-label={t('search.facet.type')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              aria-label={t('search.sort')}
              value={params.get('sort') ?? 'relevance'}
              style={{ width: '100%' }}
              onChange={(value) => { const next = new URLSearchParams(params); next.set('sort', value); setParams(next); }}
              options={[
                { value: 'relevance', label: t('search.sortRelevance') },
                { value: 'newest', label: t('search.sortNewest') },
                { value: 'price_asc', label: t('search.sortPriceAsc') },
                { value: 'price_desc', label: t('search.sortPriceDesc') },
              ]}
            />
            {FACETS.map((facet) => {
              const values: Facet[] = first?.facets?.[facet] ?? [];
              if (values.length === 0) return null;
              return (
                <Card size="small" key={facet} title={<span id={`facet-${facet}`}>{t(`search.facet.${facet}`)}</span>}>
                  <Checkbox.Group
                    aria-labelledby={`facet-${facet}`}
                    value={params.getAll(facet)}
                    onChange={(checked) => toggle(facet, checked as string[])}
                    style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                    options={values.map((value) => ({ value: value.value, label: `${facetLabel(l, facet, value.value)} (${value.count})` }))}
                  />
                </Card>
              );
            })}
            {FACETS.some((facet) => params.getAll(facet).length > 0) && (
              <Button onClick={() => setParams(params.get('q') ? { q: params.get('q')! } : {})}>{t('search.clearFilters')}</Button>
            )}
          </Space>
        </aside>
        <section aria-live="polite" aria-busy={results.isFetching}>
          {results.isPending ? <Loading rows={6} />
            : unavailable ? (
              <Alert type="warning" showIcon title={t('search.unavailable')}
                description={<Space><Link to="/achievements">{t('nav.achievements')}</Link><Link to="/demands">{t('nav.demands')}</Link></Space>} />
            )
            : results.error ? <ErrorState error={results.error} retry={() => void results.refetch()} />
            : items.length === 0 ? <EmptyState text={t('search.noResults')} />
            : (
              <>
                <Typography.Text type="secondary" data-testid="search-total">{t('search.results', { total: first?.total ?? items.length })}</Typography.Text>
                <List dataSource={items} renderItem={(item) => <ResultItem item={item} />} rowKey={(item) => `${item.type}:${item.id}`} />
                {results.hasNextPage && (
                  <Button block loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>{t('search.loadMore')}</Button>
                )}
              </>
            )}
        </section>
      </div>
    </>
  );
}
