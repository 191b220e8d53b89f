package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An offer as the API answers it and as its events carry it. */
public record ServiceOfferView(
    UUID id,
    String title,
    String description,
    String technologyField,
    String serviceType,
    List<String> counties,
    List<String> modes,
    String status,
    String statusReason,
    Commissioner commissioner,
    Instant publishedAt,
    Instant updatedAt,
    long version) {

  public record Commissioner(String subject, String name) {}

  static ServiceOfferView of(ServiceOffer offer) {
    var content = offer.content();
    return new ServiceOfferView(offer.id(), content.title(), content.description(), content.technologyField().name(),
        content.serviceType().name(), content.counties(), content.modes().stream().map(Enum::name).sorted().toList(),
        offer.status().name(), offer.statusReason(), new Commissioner(offer.commissionerSubject(), offer.commissionerName()),
        offer.publishedAt(), offer.updatedAt(), offer.version());
  }
}
