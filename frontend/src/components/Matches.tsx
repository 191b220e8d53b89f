import { Tag } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { SearchItem } from '../api/types';
import { detailPath } from '../pages/Search';
import { useLabels } from './labels';
import { ItemList, Panel } from './Cards';
import { EmptyState, ErrorState, Loading } from './States';

/** A match as /api/{demands|achievements}/{id}/matches returns it: a search hit with its reasons. */
export interface MatchItem extends SearchItem {
  reasons?: { matchedTerms?: string[]; matchedFields?: string[]; semanticSimilarity?: number | null; filtersMatched?: string[] } | null;
}

/** "matches for this demand / achievement", best first, each with the reasons a person can check. */
export default function Matches({ kind, id }: { kind: 'demands' | 'achievements'; id: string }) {
  const l = useLabels();
  const { t } = l;
  const query = useQuery({
    queryKey: ['matches', kind, id],
    queryFn: () => api<{ items: MatchItem[] }>(`/api/${kind}/${id}/matches?size=10`),
    staleTime: 60_000,
  });
  return (
    <Panel title={t(kind === 'demands' ? 'matches.forDemand' : 'matches.forAchievement')} testId="matches">
      {query.isPending ? <Loading rows={3} />
        : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
        : query.data.items.length === 0 ? <EmptyState text={t('matches.none')} />
        : (
          <ItemList
            items={query.data.items}
            keyOf={(item) => `${item.type}:${item.id}`}
            render={(item) => (
              <article className="item">
                <h3 className="item-title"><Link to={detailPath(item.type, item.id)}>{item.title}</Link></h3>
                <div className="item-meta">
                  {item.holder && <span className="muted">{item.holder.name}</span>}
                  {item.reasons?.semanticSimilarity != null && (
                    <span>{t('matches.similarity', { percent: Math.round(item.reasons.semanticSimilarity * 100) })}</span>
                  )}
                  {(item.reasons?.matchedTerms ?? []).map((term) => <Tag key={term} color="magenta">{term}</Tag>)}
                  {(item.reasons?.filtersMatched ?? []).map((shared) => (
                    <Tag key={shared} color="green">{t('matches.shared', { what: t(`matches.attribute.${shared}`, { defaultValue: shared }) })}</Tag>
                  ))}
                </div>
              </article>
            )}
          />
        )}
    </Panel>
  );
}
