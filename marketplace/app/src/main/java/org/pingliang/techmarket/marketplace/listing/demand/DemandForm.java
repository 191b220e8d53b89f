package org.pingliang.techmarket.marketplace.listing.demand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.AdministrativeDivision;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;

/**
 * A demand as clients write it. The budget is a range ({@code min} optional, {@code max} required)
 * or {@code negotiable: true}; a {@code challenge} (揭榜挂帅) carries a bounty above zero.
 */
public record DemandForm(
    UUID organisationId,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 20000) String problem,
    @NotBlank @Size(max = 5000) String expectedOutcome,
    @NotNull @Valid BudgetForm budget,
    @NotNull @FutureOrPresent LocalDate deadline,
    @NotEmpty Set<@NotNull TransferMode> cooperationModes,
    @Size(max = 10) List<@NotBlank @Size(max = 30) String> industryTags,
    @NotNull TechnologyField technologyField,
    @NotBlank @AdministrativeDivision String regionCode,
    @Valid ChallengeForm challenge,
    @PositiveOrZero Long version) {

  /** Budget range in CNY fen, or negotiable. */
  public record BudgetForm(@Valid MoneyForm min, @Valid MoneyForm max, Boolean negotiable) {}

  /** A public challenge with its bounty. */
  public record ChallengeForm(@NotNull @Valid MoneyForm bounty) {}

  Demand.Content toContent() {
    return new Demand.Content(title.strip(), problem, expectedOutcome, toBudget(), deadline, EnumSet.copyOf(cooperationModes),
        industryTags == null ? List.of() : List.copyOf(new LinkedHashSet<>(industryTags.stream().map(String::strip).toList())),
        technologyField, regionCode, toBounty());
  }

  private Demand.Budget toBudget() {
    var negotiable = Boolean.TRUE.equals(budget.negotiable());
    if (negotiable && (budget.min() != null || budget.max() != null)) {
      throw ListingProblems.invalid("budget", "price-and-negotiable");
    }
    if (!negotiable && budget.max() == null) {
      throw ListingProblems.invalid("budget.max", "required");
    }
    var min = budget.min() == null ? null : budget.min().toMoney();
    var max = budget.max() == null ? null : budget.max().toMoney();
    if (min != null && max != null && min.isGreaterThan(max)) {
      throw ListingProblems.invalid("budget.min", "min-above-max");
    }
    return new Demand.Budget(min, max, negotiable);
  }

  private Money toBounty() {
    if (challenge == null) {
      return null;
    }
    if (challenge.bounty().amountFen() == 0) {
      throw ListingProblems.invalid("challenge.bounty.amountFen", "positive");
    }
    return challenge.bounty().toMoney();
  }
}
