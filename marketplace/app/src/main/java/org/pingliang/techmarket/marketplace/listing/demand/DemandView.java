package org.pingliang.techmarket.marketplace.listing.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;

/** A demand as the API returns it and its events carry it. */
public record DemandView(
    UUID id,
    Poster organisation,
    String title,
    String problem,
    String expectedOutcome,
    Demand.Budget budget,
    LocalDate deadline,
    List<TransferMode> cooperationModes,
    List<String> industryTags,
    TechnologyField technologyField,
    String regionCode,
    boolean challenge,
    Money bounty,
    DemandStatus status,
    String statusReason,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The enterprise that posted the demand. */
  public record Poster(UUID id, String name) {}

  public static DemandView of(Demand demand) {
    var content = demand.content();
    return new DemandView(demand.id(), new Poster(demand.organisationId(), demand.organisationName()), content.title(),
        content.problem(), content.expectedOutcome(), content.budget(), content.deadline(),
        content.cooperationModes().stream().sorted().toList(), content.industryTags(), content.technologyField(),
        content.regionCode(), content.isChallenge(), content.bounty(), demand.status(), demand.statusReason(),
        demand.publishedAt(), demand.createdAt(), demand.updatedAt(), demand.version());
  }
}
