package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventStreams;

class AggregateStreamsTest {

  @Test
  void achievements_packages_and_demands_are_listings() {
    assertThat(AggregateStreams.streamFor("Achievement")).isEqualTo(EventStreams.LISTINGS);
    assertThat(AggregateStreams.streamFor("AchievementPackage")).isEqualTo(EventStreams.LISTINGS);
    assertThat(AggregateStreams.streamFor("Demand")).isEqualTo(EventStreams.LISTINGS);
  }

  @Test
  void an_unknown_type_is_refused_listing_the_known_ones() {
    assertThatThrownBy(() -> AggregateStreams.streamFor("achievement"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'achievement'")
        .hasMessageContaining("[Achievement, AchievementPackage, Contract, Demand, Negotiation, Payment, ServiceOffer, ServiceRequest]");
  }

  @Test
  void negotiations_contracts_and_payments_are_deals() {
    assertThat(AggregateStreams.streamFor("Negotiation")).isEqualTo(EventStreams.DEALS);
    assertThat(AggregateStreams.streamFor("Contract")).isEqualTo(EventStreams.DEALS);
    assertThat(AggregateStreams.streamFor("Payment")).isEqualTo(EventStreams.DEALS);
  }

  @Test
  void service_offers_and_requests_are_services() {
    assertThat(AggregateStreams.streamFor("ServiceOffer")).isEqualTo(EventStreams.SERVICES);
    assertThat(AggregateStreams.streamFor("ServiceRequest")).isEqualTo(EventStreams.SERVICES);
  }
}
