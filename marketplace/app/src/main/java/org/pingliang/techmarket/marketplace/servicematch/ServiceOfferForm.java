package org.pingliang.techmarket.marketplace.servicematch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pingliang.techmarket.marketplace.listing.shared.AdministrativeDivision;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/** An offer as a commissioner writes it; {@code version} (or If-Match) on edits. */
public record ServiceOfferForm(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 5000) String description,
    @NotNull TechnologyField technologyField,
    @NotNull ServiceType serviceType,
    @NotEmpty @Size(max = 20) List<@NotBlank @AdministrativeDivision String> counties,
    @NotEmpty Set<@NotNull ServiceMode> modes,
    @PositiveOrZero Long version) {

  ServiceOffer.Content toContent() {
    return new ServiceOffer.Content(title.strip(), description.strip(), technologyField, serviceType,
        List.copyOf(new LinkedHashSet<>(counties)), EnumSet.copyOf(modes));
  }
}
