/** Shapes of the service-matching API (/api/service-offers, /api/service-requests). */
export const SERVICE_TYPES = ['GUIDANCE', 'TRAINING', 'CONSULTING', 'TESTING', 'DEMONSTRATION'] as const;
export const SERVICE_MODES = ['ON_SITE', 'REMOTE'] as const;

export interface ServiceOffer {
  id: string;
  title: string;
  description: string;
  technologyField: string;
  serviceType: string;
  counties: string[];
  modes: string[];
  status: 'ACTIVE' | 'WITHDRAWN';
  statusReason?: string | null;
  commissioner: { subject: string; name: string };
  publishedAt: string;
  updatedAt: string;
  version: number;
}

export interface ServiceRequest {
  id: string;
  title: string;
  problem: string;
  expectedHelp: string;
  technologyField: string;
  serviceType?: string | null;
  countyCode: string;
  deadline: string;
  requester: { kind: 'ENTERPRISE' | 'VILLAGE' | 'COMMUNITY'; organisationId?: string | null; organisationName?: string | null; placeName?: string | null; villageId?: string | null };
  status: 'OPEN' | 'CLOSED';
  statusReason?: string | null;
  publishedAt: string;
  updatedAt: string;
  version: number;
}

export interface Page<T> { items: T[]; nextCursor: string | null }

/** A match: an offer or a request with its score breakdown and reasons. */
export interface ServiceMatch {
  kind: 'OFFER' | 'REQUEST';
  id: string;
  title: string;
  summary?: string | null;
  technologyField?: string | null;
  serviceType?: string | null;
  counties: string[];
  commissioner?: { subject: string; name: string } | null;
  requester?: ServiceRequest['requester'] | null;
  score?: number | null;
  reasons?: { matchedTerms?: string[]; matchedFields?: string[]; semanticSimilarity?: number | null; filtersMatched?: string[] } | null;
}

export function requesterName(requester: ServiceRequest['requester'] | null | undefined): string {
  if (!requester) return '';
  return requester.kind === 'ENTERPRISE' ? requester.organisationName ?? '' : requester.placeName ?? '';
}
