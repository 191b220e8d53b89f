package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A request as the API answers it and as its events carry it (without who typed it in). */
public record ServiceRequestView(
    UUID id,
    String title,
    String problem,
    String expectedHelp,
    String technologyField,
    String serviceType,
    String countyCode,
    LocalDate deadline,
    Requester requester,
    String status,
    String statusReason,
    Instant publishedAt,
    Instant updatedAt,
    long version) {

  public record Requester(String kind, UUID organisationId, String organisationName, String placeName, UUID villageId) {}

  static ServiceRequestView of(ServiceRequest request) {
    var content = request.content();
    var requester = request.requester();
    return new ServiceRequestView(request.id(), content.title(), content.problem(), content.expectedHelp(),
        content.technologyField().name(), content.serviceType() == null ? null : content.serviceType().name(),
        content.countyCode(), content.deadline(),
        new Requester(requester.kind().name(), requester.organisationId(), requester.organisationName(),
            requester.placeName(), requester.villageId()),
        request.status().name(), request.statusReason(), request.publishedAt(), request.updatedAt(), request.version());
  }
}
