package org.pingliang.techmarket.marketplace.commissioner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request bodies of the commissioner feature. */
final class Forms {

  private Forms() {}

  /** A person's application to become a commissioner. */
  record ApplicationForm(
      @NotBlank @Size(max = 100) String name,
      @NotNull CommissionerType type,
      @NotBlank @Size(max = 4000) String profile,
      @NotBlank @Size(max = 500) String expertise,
      @NotNull UUID employerId,
      UUID servedOrganisationId,
      @Size(max = 200) String servedUnitName,
      @NotNull @Size(min = 6, max = 6) String regionCode,
      @Size(max = 50) List<@NotNull @Size(min = 12, max = 12) String> villageCodes,
      Boolean threeRegionsTalent) {}

  /** The employer's or the served enterprise's answer. */
  record ConsentForm(@NotNull Boolean consent, @Size(max = 1000) String note) {}

  /** The bureau's decision, reviewed together with HR (人社部门). */
  record DecisionForm(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String hrOpinion,
      @NotBlank @Size(max = 2000) String reason, Long version) {}

  record ReasonForm(@NotBlank @Size(max = 2000) String reason) {}

  record AgreementForm(@NotBlank @Size(max = 200) String servedUnitName, UUID servedOrganisationId,
      @NotNull LocalDate signedOn, @NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
      @NotBlank @Size(max = 4000) String duties) {}

  record VillagesForm(@NotNull @Size(max = 50) List<@NotNull @Size(min = 12, max = 12) String> villageCodes) {}

  record ServiceRecordForm(@NotNull UUID servedOrganisationId, @Size(min = 12, max = 12) String villageCode,
      @NotBlank @Size(max = 200) String place, @NotBlank @Size(max = 4000) String content,
      @NotBlank @Size(max = 4000) String outcome, @NotNull LocalDate servedOn) {}

  record ConfirmationForm(@NotNull Boolean confirmed, @Size(max = 1000) String note) {}

  record FeedbackForm(@NotNull UUID commissionerId, @NotNull UUID organisationId,
      @NotNull @Min(2000) @Max(2100) Integer year, @NotNull Rating rating, @Size(max = 2000) String comment) {}

  record EvaluationForm(@NotNull UUID commissionerId, @NotNull @Min(2000) @Max(2100) Integer year,
      @NotNull Grade grade, @Size(max = 2000) String comment) {}

  record TeamForm(@NotBlank @Size(max = 200) String name, @NotNull @Size(min = 6, max = 6) String regionCode,
      @NotBlank @Size(max = 500) String focus, @NotNull UUID leaderId,
      @NotNull @Size(max = 100) List<@NotNull UUID> memberIds) {}

  record BaseForm(@NotBlank @Size(max = 200) String name, @NotNull @Size(min = 6, max = 6) String regionCode,
      @Size(min = 12, max = 12) String villageCode, UUID teamId, @NotNull LocalDate establishedOn) {}

  /** 优秀, 称职, 不称职. */
  enum Grade { EXCELLENT, COMPETENT, INCOMPETENT }

  /** A served organisation's view: 满意, 基本满意, 不满意. */
  enum Rating { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }
}
