import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { MyOrganisation } from './types';
import { useSession } from '../auth/useSession';

/** The organisations the signed-in user belongs to (empty when signed out). */
export function useMyOrganisations() {
  const session = useSession();
  return useQuery({
    queryKey: ['me', 'organisations', session.subject],
    queryFn: () => api<{ items: MyOrganisation[] }>('/api/me/organisations').then((body) => body.items),
    enabled: session.authenticated,
    staleTime: 60_000,
  });
}

/** Whether the user may edit for this organisation (OWNER or EDITOR). */
export function useCanEdit(organisationId: string | undefined): boolean {
  const mine = useMyOrganisations();
  return !!organisationId && (mine.data ?? []).some((m) => m.organisation.id === organisationId && m.role !== 'MEMBER');
}
