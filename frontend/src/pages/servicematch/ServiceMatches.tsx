import { Tag } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useLabels } from '../../components/labels';
import { ItemList, Panel } from '../../components/Cards';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { requesterName, type ServiceMatch } from './api';

/** "Matches for this request / offer", best first, each with the reasons a person can check (cf. components/Matches). */
export default function ServiceMatches({ kind, id }: { kind: 'service-requests' | 'service-offers'; id: string }) {
  const l = useLabels();
  const { t } = l;
  const query = useQuery({
    queryKey: ['service-matches', kind, id],
    queryFn: () => api<{ items: ServiceMatch[] }>(`/api/${kind}/${id}/matches?size=10`),
    staleTime: 30_000,
  });
  return (
    <Panel title={t(kind === 'service-requests' ? 'servicematch.matches.forRequest' : 'servicematch.matches.forOffer')} testId="service-matches">
      {query.isPending ? <Loading rows={3} />
        : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} />
        : query.data.items.length === 0 ? <EmptyState text={t('servicematch.matches.none')} />
        : (
          <ItemList
            items={query.data.items}
            keyOf={(item) => item.id}
            render={(item) => (
              <article className="item" data-testid="service-match">
                <h3 className="item-title">
                  <Link to={item.kind === 'OFFER' ? `/service-offers/${item.id}` : `/service-requests/${item.id}`}>{item.title}</Link>
                </h3>
                <div className="item-meta">
                  <span className="muted">{item.kind === 'OFFER' ? item.commissioner?.name : requesterName(item.requester)}</span>
                  {item.serviceType && <Tag>{t(`servicematch.type.${item.serviceType}`, { defaultValue: item.serviceType })}</Tag>}
                  {item.reasons?.semanticSimilarity != null && (
                    <span>{t('servicematch.matches.similarity', { percent: Math.round(item.reasons.semanticSimilarity * 100) })}</span>
                  )}
                  {(item.reasons?.matchedTerms ?? []).map((term) => <Tag key={term} color="magenta">{term}</Tag>)}
                  {(item.reasons?.filtersMatched ?? []).map((shared) => (
                    <Tag key={shared} color="green">
                      {t('servicematch.matches.shared', { what: t(`servicematch.matches.attribute.${shared}`, { defaultValue: shared }) })}
                    </Tag>
                  ))}
                </div>
              </article>
            )}
          />
        )}
    </Panel>
  );
}
