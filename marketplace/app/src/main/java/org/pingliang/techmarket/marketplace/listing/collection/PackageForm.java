package org.pingliang.techmarket.marketplace.listing.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.AdministrativeDivision;

/** A package as curators write it: a theme and up to 100 published achievements, in order. */
public record PackageForm(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 100) String theme,
    @Size(max = 10) List<@NotBlank @Size(max = 30) String> industryTags,
    @AdministrativeDivision String regionCode,
    @NotNull @Size(max = 20000) String description,
    @NotEmpty @Size(max = 100) List<@NotNull UUID> achievementIds,
    @PositiveOrZero Long version) {

  AchievementPackage.Content toContent() {
    return new AchievementPackage.Content(title.strip(), theme.strip(),
        industryTags == null ? List.of() : List.copyOf(new LinkedHashSet<>(industryTags.stream().map(String::strip).toList())),
        regionCode, description, List.copyOf(new LinkedHashSet<>(achievementIds)));
  }
}
