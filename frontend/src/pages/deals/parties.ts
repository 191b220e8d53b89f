import type { MyOrganisation } from '../../api/types';
import type { PartyRole } from './logic';

/** The caller's role (OWNER, EDITOR, MEMBER) in each party's organisation they belong to. */
export function partyRoles(seller: string | undefined, buyer: string | undefined, memberships: MyOrganisation[] | undefined): Partial<Record<PartyRole, string>> {
  const roles: Partial<Record<PartyRole, string>> = {};
  for (const membership of memberships ?? []) {
    if (membership.organisation.id === seller) roles.SELLER = membership.role;
    if (membership.organisation.id === buyer) roles.BUYER = membership.role;
  }
  return roles;
}

/**
 * Organisations the caller may open an inquiry for: those they own or edit for, except the listing's
 * holder (the API also wants the role: ENTERPRISE on an achievement, UNIVERSITY on a demand).
 */
export function inquiringOrganisations(holderId: string, memberships: MyOrganisation[] | undefined): MyOrganisation[] {
  return (memberships ?? []).filter((m) => m.role !== 'MEMBER' && m.organisation.id !== holderId);
}

/** The role a user needs to inquire on a listing of this type. */
export function inquiringRole(listingType: 'ACHIEVEMENT' | 'DEMAND'): 'ENTERPRISE' | 'UNIVERSITY' {
  return listingType === 'ACHIEVEMENT' ? 'ENTERPRISE' : 'UNIVERSITY';
}
