package org.pingliang.techmarket.marketplace.organisation.internal;

import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.Organisation;

/**
 * Who may see and do what with an organisation. Whoever may not see it gets "not found", never
 * "forbidden", so nobody learns that an unverified organisation or a member list exists.
 *
 * <p>{@code role} is the actor's role in the organisation, {@code null} when not a member.
 */
public final class Access {

  private Access() {}

  /** Verified organisations are public; others only for their members and administrators. */
  public static boolean sees(Organisation organisation, MemberRole role, Actor actor) {
    return organisation.isVerified() || role != null || actor.isAdmin();
  }

  public static Outcome<Organisation> toSee(Organisation organisation, MemberRole role, Actor actor) {
    return sees(organisation, role, actor) ? Outcome.accepted(organisation) : Outcome.notFound();
  }

  /** Owners and administrators change details. */
  public static Outcome<Organisation> toChange(Organisation organisation, MemberRole role, Actor actor) {
    if (!sees(organisation, role, actor)) {
      return Outcome.notFound();
    }
    return role == MemberRole.OWNER || actor.isAdmin() ? Outcome.accepted(organisation) : Outcome.forbidden("owner-only");
  }

  /** Members are private even for a verified organisation; owners and administrators manage them. */
  public static Outcome<Organisation> toManageMembers(Organisation organisation, MemberRole role, Actor actor) {
    if (role == null && !actor.isAdmin()) {
      return Outcome.notFound();
    }
    return role == MemberRole.OWNER || actor.isAdmin() ? Outcome.accepted(organisation) : Outcome.forbidden("owner-only");
  }
}
