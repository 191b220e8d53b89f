package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/** A commissioner's service offer (服务供给). ACTIVE until withdrawn. */
public record ServiceOffer(
    UUID id,
    String commissionerSubject,
    String commissionerName,
    Content content,
    Status status,
    String statusReason,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public enum Status { ACTIVE, WITHDRAWN }

  /** @param counties GB/T 2260 codes served; one ending in 00 covers its subdivisions */
  public record Content(String title, String description, TechnologyField technologyField, ServiceType serviceType,
      List<String> counties, Set<ServiceMode> modes) {}

  boolean isOwnedBy(String subject) {
    return subject != null && subject.equals(commissionerSubject);
  }
}
