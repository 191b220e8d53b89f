package org.pingliang.techmarket.marketplace.listing.achievement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.AdministrativeDivision;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.pingliang.techmarket.marketplace.listing.shared.PatentApplicationNumber;
import org.pingliang.techmarket.marketplace.listing.shared.PatentNumber;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;

/**
 * An achievement as clients write it. {@code organisationId} and {@code externalId} count only when
 * creating; {@code version} only when changing. Either an {@code askingPrice} or
 * {@code priceNegotiable: true} (面议), never both.
 */
public record AchievementForm(
    UUID organisationId,
    @Size(max = 100) String externalId,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 1000) String summary,
    @NotBlank @Size(max = 20000) String description,
    @NotNull TechnologyField technologyField,
    @Size(max = 10) List<@NotBlank @Size(max = 30) String> industryTags,
    @NotNull Maturity maturity,
    @Min(1) @Max(9) Integer trl,
    @Valid IpForm ip,
    @NotEmpty Set<@NotNull TransferMode> transferModes,
    @Valid MoneyForm askingPrice,
    Boolean priceNegotiable,
    @NotBlank @AdministrativeDivision String regionCode,
    @PositiveOrZero Long version) {

  /** Patents, software copyrights and plant varieties. */
  public record IpForm(
      @Size(max = 50) List<@NotNull @Valid PatentForm> patents,
      @Size(max = 50) List<@NotBlank @Size(max = 100) String> softwareCopyrights,
      @Size(max = 50) List<@NotBlank @Size(max = 100) String> plantVarieties) {}

  /** A patent by its application number (e.g. 202310123456.6), with an optional title. */
  public record PatentForm(@NotBlank @PatentNumber String applicationNumber, @Size(max = 200) String title) {}

  /** The content, after the rules that span fields; a broken rule is a 422 naming the field. */
  public Achievement.Content toContent() {
    var negotiable = Boolean.TRUE.equals(priceNegotiable);
    if (negotiable && askingPrice != null) {
      throw ListingProblems.invalid("askingPrice", "price-and-negotiable");
    }
    if (!negotiable && askingPrice == null) {
      throw ListingProblems.invalid("askingPrice", "required");
    }
    return new Achievement.Content(title.strip(), summary.strip(), description, technologyField, cleanTags(), maturity, trl,
        ipRights(), EnumSet.copyOf(transferModes), askingPrice == null ? null : askingPrice.toMoney(), negotiable,
        regionCode);
  }

  private List<String> cleanTags() {
    return industryTags == null ? List.of() : List.copyOf(new LinkedHashSet<>(industryTags.stream().map(String::strip).toList()));
  }

  private Achievement.IpRights ipRights() {
    if (ip == null) {
      return Achievement.IpRights.NONE;
    }
    var patents = ip.patents() == null ? List.<Achievement.Patent>of() : ip.patents().stream()
        .map(p -> new Achievement.Patent(PatentApplicationNumber.parse(p.applicationNumber()).orElseThrow().value(), p.title()))
        .toList();
    return new Achievement.IpRights(patents,
        ip.softwareCopyrights() == null ? List.of() : List.copyOf(ip.softwareCopyrights()),
        ip.plantVarieties() == null ? List.of() : List.copyOf(ip.plantVarieties()));
  }
}
