package org.pingliang.techmarket.marketplace.negotiation.internal;

import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a negotiation room that do not depend on storage: who is on which side, whether the
 * NDA (保密协议) still holds the inquirer back, and whether talks are still open.
 *
 * @param holderSide the side of the organisation that holds the listing (seller for an
 *     achievement, buyer for a demand)
 */
public record Room(
    UUID id,
    NegotiationStatus status,
    UUID sellerOrganisationId,
    UUID buyerOrganisationId,
    Side holderSide,
    boolean ndaRequired,
    boolean ndaAcknowledged,
    String brokerSubject) {

  public Side inquirerSide() {
    return holderSide.other();
  }

  /** The inquirer has not yet acknowledged an NDA the holder requires. */
  public boolean ndaPending() {
    return ndaRequired && !ndaAcknowledged;
  }

  /** Whether readers on this side see confidential content (offer terms, confidential messages). */
  public boolean confidentialVisibleTo(Side side) {
    return !(ndaPending() && side == inquirerSide());
  }

  /** Making, accepting, declining or withdrawing offers. */
  public Optional<Refusal> mayBargain(Side side) {
    if (status != NegotiationStatus.OPEN) {
      return Optional.of(Refusal.CLOSED);
    }
    return confidentialVisibleTo(side) ? Optional.empty() : Optional.of(Refusal.NDA_PENDING);
  }

  /** Messages, NDA and broker steps: only while the room is open. */
  public Optional<Refusal> mayTalk() {
    return status == NegotiationStatus.OPEN ? Optional.empty() : Optional.of(Refusal.CLOSED);
  }

  public Optional<Refusal> mayRequireNda(Side side) {
    if (status != NegotiationStatus.OPEN) {
      return Optional.of(Refusal.CLOSED);
    }
    if (side != holderSide) {
      return Optional.of(new Refusal("not-holder"));
    }
    return ndaAcknowledged ? Optional.of(new Refusal("nda-already-acknowledged")) : Optional.empty();
  }

  public Optional<Refusal> mayAcknowledgeNda(Side side) {
    if (status != NegotiationStatus.OPEN) {
      return Optional.of(Refusal.CLOSED);
    }
    if (side != inquirerSide()) {
      return Optional.of(new Refusal("not-inquirer"));
    }
    return ndaRequired ? Optional.empty() : Optional.of(new Refusal("nda-not-required"));
  }
}
