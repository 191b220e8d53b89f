package org.pingliang.techmarket.marketplace.contract;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who sees and does what on a contract. Members of either party (any role) and the contract's broker
 * (the broker user or a member of the broker's organisation) see it; ADMIN registrars see contracts
 * that were submitted for registration; everybody else gets 404. Within the parties: OWNER signs and
 * accepts deliveries (the signatory, 法定代表人或授权签字人); OWNER and EDITOR edit the draft, submit it
 * and deliver milestones (the seller's); MEMBER only reads.
 */
@Component
class ContractAccess {

  private final Organisations organisations;

  ContractAccess(Organisations organisations) {
    this.organisations = organisations;
  }

  /** The actor's role in each party they belong to (none when they belong to neither). */
  Mono<Map<PartyRole, MemberRole>> rolesOf(Contract contract, Actor actor) {
    if (actor.isAnonymous()) {
      return Mono.just(Map.of());
    }
    var seller = organisations.roleOf(contract.seller().organisationId(), actor.subject());
    var buyer = organisations.roleOf(contract.buyer().organisationId(), actor.subject());
    // One query after the other: a request holds at most one pooled connection.
    return seller.map(Roles::of).defaultIfEmpty(Roles.NONE)
        .flatMap(sellerRole -> buyer.map(Roles::of).defaultIfEmpty(Roles.NONE).map(buyerRole -> {
          var roles = new EnumMap<PartyRole, MemberRole>(PartyRole.class);
          sellerRole.put(roles, PartyRole.SELLER);
          buyerRole.put(roles, PartyRole.BUYER);
          return roles;
        }));
  }

  /** Whether the actor may see the contract at all. */
  Mono<Boolean> maySee(Contract contract, Actor actor) {
    if (actor.isAnonymous()) {
      return Mono.just(false);
    }
    if (actor.isAdmin() && contract.registration().submittedAt() != null) {
      return Mono.just(true);
    }
    var broker = contract.broker();
    if (broker != null && Objects.equals(broker.subject(), actor.subject())) {
      return Mono.just(true);
    }
    var brokerMember = broker == null || broker.organisationId() == null ? Mono.just(false)
        : organisations.roleOf(broker.organisationId(), actor.subject()).map(role -> true).defaultIfEmpty(false);
    return rolesOf(contract, actor).flatMap(roles -> roles.isEmpty() ? brokerMember : Mono.just(true));
  }

  /** A role or nothing (Reactor carries no nulls). */
  private record Roles(MemberRole role) {
    static final Roles NONE = new Roles(null);

    static Roles of(MemberRole role) {
      return new Roles(role);
    }

    void put(Map<PartyRole, MemberRole> roles, PartyRole party) {
      if (role != null) {
        roles.put(party, role);
      }
    }
  }

  static boolean mayEdit(MemberRole role) {
    return role == MemberRole.OWNER || role == MemberRole.EDITOR;
  }

  static boolean maySign(MemberRole role) {
    return role == MemberRole.OWNER;
  }
}
