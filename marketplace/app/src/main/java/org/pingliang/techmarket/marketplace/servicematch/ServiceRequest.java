package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/** A service request (服务需求) of an enterprise, village or community. OPEN until closed. */
public record ServiceRequest(
    UUID id,
    Requester requester,
    String postedBy,
    Content content,
    Status status,
    String statusReason,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public enum Status { OPEN, CLOSED }

  /**
   * @param organisationId the enterprise (ENTERPRISE only)
   * @param placeName the village or community in words (VILLAGE/COMMUNITY only)
   * @param villageId the village's id where one is known (VILLAGE/COMMUNITY only, optional)
   */
  public record Requester(RequesterKind kind, UUID organisationId, String organisationName, String placeName,
      UUID villageId) {}

  /** @param serviceType the kind of help wanted, when the requester knows (may be null) */
  public record Content(String title, String problem, String expectedHelp, TechnologyField technologyField,
      ServiceType serviceType, String countyCode, LocalDate deadline) {}
}
