package org.pingliang.techmarket.marketplace.negotiation.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One offer in a room and the rules of its life: only the other side accepts or declines it, only
 * its maker withdraws it, and an open offer past its expiry counts as expired even before the sweep
 * has marked it.
 */
public record Offer(
    UUID id,
    UUID negotiationId,
    Side madeBySide,
    String madeBySubject,
    OfferStatus status,
    OfferTerms terms,
    String decidedBy,
    Instant decidedAt,
    Instant createdAt) {

  /** The status a reader sees at {@code now}: an open offer past its expiry is expired. */
  public OfferStatus statusAt(Instant now) {
    return status == OfferStatus.OPEN && !now.isBefore(terms.expiresAt()) ? OfferStatus.EXPIRED : status;
  }

  public Optional<Refusal> mayAccept(Side by, Instant now) {
    return answerable(by, now);
  }

  public Optional<Refusal> mayDecline(Side by, Instant now) {
    return answerable(by, now);
  }

  public Optional<Refusal> mayWithdraw(Side by, Instant now) {
    if (statusAt(now) != OfferStatus.OPEN) {
      return Optional.of(Refusal.notOpen(statusAt(now)));
    }
    return by == madeBySide ? Optional.empty() : Optional.of(Refusal.NOT_YOUR_OFFER);
  }

  private Optional<Refusal> answerable(Side by, Instant now) {
    if (statusAt(now) != OfferStatus.OPEN) {
      return Optional.of(Refusal.notOpen(statusAt(now)));
    }
    return by == madeBySide ? Optional.of(Refusal.OWN_OFFER) : Optional.empty();
  }

  public Offer decided(OfferStatus next, String subject, Instant at) {
    return new Offer(id, negotiationId, madeBySide, madeBySubject, next, terms, subject, at, createdAt);
  }
}
