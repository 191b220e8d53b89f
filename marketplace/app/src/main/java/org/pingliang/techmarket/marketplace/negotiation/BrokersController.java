package org.pingliang.techmarket.marketplace.negotiation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 技术经纪人: brokers invited into rooms, and brokers proposing matches. */
@RestController
@Tag(name = "brokers", description = "技术经纪人 — brokers on deals")
class BrokersController {

  private final BrokerInvitations invitations;
  private final BrokerProposals proposals;

  BrokersController(BrokerInvitations invitations, BrokerProposals proposals) {
    this.invitations = invitations;
    this.proposals = proposals;
  }

  /** Whom to invite (a member of a verified broker organisation) and the commission in basis points (100 = 1 %). */
  record InvitationRequest(UUID brokerOrganisationId, String brokerSubject, Integer commissionBasisPoints) {}

  /** A proposed match: for which broker organisation, which demand and achievement, the commission, a note. */
  record ProposalRequest(UUID brokerOrganisationId, UUID demandId, UUID achievementId, Integer commissionBasisPoints,
      String note) {}

  @PostMapping("/api/negotiations/{id}/broker-invitations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Invite a broker with a commission; counts as your party's agreement to it. Roles: parties' OWNER/EDITOR. Errors: 400, 401, 403 (a MEMBER or the broker), 404, 409 (a broker already on the room or invited, room agreed), 422 (not a broker organisation's member, commission outside 0–10000).")
  Mono<BrokerStore.Invitation> invite(Actor actor, @PathVariable UUID id, @RequestBody InvitationRequest request) {
    return invitations.invite(actor, id, request.brokerOrganisationId(), request.brokerSubject(),
        request.commissionBasisPoints());
  }

  @PostMapping("/api/negotiations/{id}/broker-invitations/{invitationId}/agreement")
  @Operation(summary = "The other party agrees to the invited broker and commission (recorded by subject); the broker joins once they have accepted too. Roles: parties' OWNER/EDITOR. Errors: 401, 403, 404, 409 (invitation no longer pending, room agreed).")
  Mono<BrokerStore.Invitation> agree(Actor actor, @PathVariable UUID id, @PathVariable UUID invitationId) {
    return invitations.agree(actor, id, invitationId);
  }

  @PostMapping("/api/negotiations/{id}/broker-invitations/{invitationId}/acceptance")
  @Operation(summary = "The invited broker accepts; they join the room (and see it) once both parties have agreed. Roles: BROKER, the invited one. Errors: 401, 403, 404 (anyone but the parties and the invited broker), 409.")
  Mono<BrokerStore.Invitation> accept(Actor actor, @PathVariable UUID id, @PathVariable UUID invitationId) {
    return invitations.accept(actor, id, invitationId);
  }

  @PostMapping("/api/negotiations/{id}/broker-invitations/{invitationId}/declination")
  @Operation(summary = "Turn a pending invitation down. Roles: parties' OWNER/EDITOR or the invited broker. Errors: 401, 403, 404, 409 (no longer pending).")
  Mono<BrokerStore.Invitation> declineInvitation(Actor actor, @PathVariable UUID id, @PathVariable UUID invitationId) {
    return invitations.decline(actor, id, invitationId);
  }

  @GetMapping("/api/broker-invitations")
  @Operation(summary = "My invitations as a broker, newest first. Roles: BROKER. Errors: 401, 403, 422 (size).")
  Flux<BrokerStore.Invitation> myInvitations(Actor actor, @RequestParam(required = false) Integer size) {
    return invitations.mine(actor, PageSize.of(size));
  }

  @PostMapping("/api/broker-proposals")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Propose a match between an open demand and a published achievement; the room opens (achievement holder sells, demand holder buys, you broker) when both holders accept. Roles: BROKER, OWNER/EDITOR of the broker organisation. Errors: 400, 401, 403, 422 (listing not available, same organisation, commission, not a broker organisation).")
  Mono<BrokerStore.Proposal> propose(Actor actor, @RequestBody ProposalRequest request) {
    return proposals.propose(actor, request.brokerOrganisationId(), request.demandId(), request.achievementId(),
        request.commissionBasisPoints(), request.note());
  }

  @GetMapping("/api/broker-proposals/{id}")
  @Operation(summary = "One proposal. Roles: its broker and members of both holders. Errors: 401, 404.")
  Mono<BrokerStore.Proposal> proposal(Actor actor, @PathVariable UUID id) {
    return proposals.view(actor, id);
  }

  @PostMapping("/api/broker-proposals/{id}/acceptance")
  @Operation(summary = "A holder accepts the proposal and its commission for its organisation; the second acceptance opens the room (negotiationId). Roles: OWNER/EDITOR of the demand's or the achievement's holder. Errors: 401, 403 (a MEMBER), 404, 409 (no longer proposed, the room already exists).")
  Mono<BrokerStore.Proposal> acceptProposal(Actor actor, @PathVariable UUID id) {
    return proposals.accept(actor, id);
  }

  @PostMapping("/api/broker-proposals/{id}/declination")
  @Operation(summary = "A holder declines the proposal. Roles: OWNER/EDITOR of either holder. Errors: 401, 403, 404, 409.")
  Mono<BrokerStore.Proposal> declineProposal(Actor actor, @PathVariable UUID id) {
    return proposals.decline(actor, id);
  }
}
