package org.pingliang.techmarket.marketplace.negotiation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

class OfferTest {

  private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  private static Offer sellersOffer(OfferStatus status, Instant expiresAt) {
    var terms = new OfferTerms(Money.cny(100), List.of(new OfferTerms.Milestone(1, "全款", Money.cny(100),
        LocalDate.parse("2027-01-01"))), ContractType.TECHNICAL_CONSULTING, null, "范围", 6, expiresAt);
    return new Offer(UUID.randomUUID(), UUID.randomUUID(), Side.SELLER, "s", status, terms, null, null, NOW);
  }

  @Test
  void only_the_other_side_accepts_or_declines() {
    var offer = sellersOffer(OfferStatus.OPEN, NOW.plusSeconds(60));
    assertThat(offer.mayAccept(Side.BUYER, NOW)).isEmpty();
    assertThat(offer.mayAccept(Side.SELLER, NOW)).contains(Refusal.OWN_OFFER);
    assertThat(offer.mayDecline(Side.SELLER, NOW)).contains(Refusal.OWN_OFFER);
  }

  @Test
  void only_the_maker_withdraws() {
    var offer = sellersOffer(OfferStatus.OPEN, NOW.plusSeconds(60));
    assertThat(offer.mayWithdraw(Side.SELLER, NOW)).isEmpty();
    assertThat(offer.mayWithdraw(Side.BUYER, NOW)).contains(Refusal.NOT_YOUR_OFFER);
  }

  @Test
  void an_open_offer_past_its_expiry_is_expired_before_any_sweep() {
    var offer = sellersOffer(OfferStatus.OPEN, NOW);
    assertThat(offer.statusAt(NOW)).isEqualTo(OfferStatus.EXPIRED);
    assertThat(offer.statusAt(NOW.minusMillis(1))).isEqualTo(OfferStatus.OPEN);
    assertThat(offer.mayAccept(Side.BUYER, NOW)).contains(Refusal.EXPIRED);
  }

  @Test
  void a_closed_offer_stays_closed() {
    var superseded = sellersOffer(OfferStatus.SUPERSEDED, NOW.plusSeconds(60));
    assertThat(superseded.mayAccept(Side.BUYER, NOW)).contains(new Refusal("offer-superseded"));
    assertThat(superseded.statusAt(NOW.plusSeconds(120))).isEqualTo(OfferStatus.SUPERSEDED);
  }

  @Test
  void the_nda_holds_back_only_the_inquirer_and_only_until_acknowledged() {
    var pending = new Room(UUID.randomUUID(), NegotiationStatus.OPEN, UUID.randomUUID(), UUID.randomUUID(), Side.SELLER,
        true, false, null);
    assertThat(pending.mayBargain(Side.BUYER)).contains(Refusal.NDA_PENDING);
    assertThat(pending.mayBargain(Side.SELLER)).isEmpty();
    assertThat(pending.confidentialVisibleTo(Side.BROKER)).isTrue();
    var acknowledged = new Room(pending.id(), NegotiationStatus.OPEN, UUID.randomUUID(), UUID.randomUUID(), Side.SELLER,
        true, true, null);
    assertThat(acknowledged.mayBargain(Side.BUYER)).isEmpty();
    var agreed = new Room(pending.id(), NegotiationStatus.AGREED, UUID.randomUUID(), UUID.randomUUID(), Side.BUYER,
        false, false, null);
    assertThat(agreed.mayBargain(Side.SELLER)).isEqualTo(Optional.of(Refusal.CLOSED));
    assertThat(agreed.mayTalk()).contains(Refusal.CLOSED);
  }
}
