package org.pingliang.techmarket.marketplace.servicematch;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.AdministrativeDivision;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/**
 * A service request as clients write it. An enterprise names its {@code organisationId}; the bureau
 * (ADMIN) posts for a village or community: {@code requesterKind} VILLAGE or COMMUNITY, the place in
 * words ({@code placeName}) and optionally the village's id. The county is a county-level GB/T 2260
 * code. On edits the requester cannot change; {@code version} (or If-Match) is required.
 */
public record ServiceRequestForm(
    UUID organisationId,
    RequesterKind requesterKind,
    @Size(max = 200) String placeName,
    UUID villageId,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 5000) String problem,
    @NotBlank @Size(max = 2000) String expectedHelp,
    @NotNull TechnologyField technologyField,
    ServiceType serviceType,
    @NotBlank @AdministrativeDivision String countyCode,
    @NotNull @FutureOrPresent LocalDate deadline,
    @PositiveOrZero Long version) {

  ServiceRequest.Content toContent() {
    if (countyCode.endsWith("00")) {
      throw ListingProblems.invalid("countyCode", "county");
    }
    return new ServiceRequest.Content(title.strip(), problem.strip(), expectedHelp.strip(), technologyField, serviceType,
        countyCode, deadline);
  }
}
