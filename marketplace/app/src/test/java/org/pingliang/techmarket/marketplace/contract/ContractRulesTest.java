package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/** Technical transaction amount, registration numbers, rule sets, CSV defusing, the lifecycle table. */
class ContractRulesTest {

  private static Terms terms(ContractType type, String subtype, Deductions deductions, Long investment) {
    return new Terms(type, subtype, "项目", deductions, investment, investment, TechnologyField.AGRICULTURE,
        Set.of(IpInvolvement.PATENT), PlanSource.NONE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
  }

  @Test
  void the_technical_transaction_amount_is_the_total_less_equipment_and_materials_but_not_samples() {
    var deductions = new Deductions(100, 20, 3, 4, 50_000);
    assertThat(deductions.technicalTransactionFen(1_000)).isEqualTo(873);
    assertThat(deductions.fit(127)).isTrue();
    assertThat(deductions.fit(126)).isFalse();
    assertThat(new Deductions(Long.MAX_VALUE, 1, 0, 0, 0).fit(Long.MAX_VALUE)).isFalse();
    assertThat(terms(ContractType.TECHNOLOGY_TRANSFER, "OTHER", deductions, 0L).violations(126))
        .containsExactly(new Terms.Violation("deductions", "deductions-above-total"));
  }

  @Test
  void subtypes_belong_to_their_type_and_transfer_figures_to_transfers() {
    assertThat(ContractType.TECHNOLOGY_DEVELOPMENT.allows("COOPERATIVE")).isTrue();
    assertThat(ContractType.TECHNOLOGY_DEVELOPMENT.allows(null)).isFalse();
    assertThat(ContractType.TECHNICAL_CONSULTING.allows(null)).isTrue();
    assertThat(ContractType.TECHNOLOGY_LICENSING.allows("PATENT_RIGHT")).isFalse();
    assertThat(ContractType.TECHNICAL_SERVICE.subtypes()).containsExactly("GENERAL", "INTERMEDIARY", "TRAINING");
    assertThat(terms(ContractType.TECHNICAL_SERVICE, "TRAINING", Deductions.NONE, 5L).violations(10))
        .extracting(Terms.Violation::code).containsExactly("transfer-only", "transfer-only");
    assertThat(terms(ContractType.TECHNOLOGY_TRANSFER, "PATENT_RIGHT", Deductions.NONE, null).missingForSignature())
        .extracting(Terms.Violation::field).containsExactly("expectedNewInvestment", "expectedNewOutputValue");
  }

  @Test
  void registration_numbers_are_year_county_and_six_digit_sequence() {
    assertThat(RegistrationNumbers.format(2026, "620826", 17)).isEqualTo("2026620826000017").hasSize(16);
    assertThat(RegistrationNumbers.isWellFormed("2026620826000017")).isTrue();
    assertThatThrownBy(() -> RegistrationNumbers.format(2026, "620826", 1_000_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegistrationNumbers.format(2026, "62082", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_new_rules_apply_to_contracts_submitted_from_2026_01_23() {
    assertThat(RegistrationNumbers.ruleSetFor(LocalDate.of(2026, 1, 22))).isEqualTo("2000-02-16");
    assertThat(RegistrationNumbers.ruleSetFor(LocalDate.of(2026, 1, 23))).isEqualTo("2026-01-23");
  }

  @Test
  void csv_cells_that_a_spreadsheet_would_evaluate_become_text() {
    for (var hostile : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(RegistrationCsv.defused(hostile)).startsWith("'");
    }
    assertThat(RegistrationCsv.defused("平凉")).isEqualTo("平凉");
    assertThat(RegistrationForm.yuan(123_456_789L)).isEqualTo("1234567.89");
    assertThat(RegistrationForm.yuan(5L)).isEqualTo("0.05");
  }

  @Test
  void the_lifecycle_allows_only_the_documented_moves() {
    var lifecycle = ContractAction.LIFECYCLE;
    assertThat(lifecycle.next(ContractStatus.DRAFT, ContractAction.SIGN)).isEmpty();
    assertThat(lifecycle.next(ContractStatus.SUBMITTED, ContractAction.TERMINATE)).isEmpty();
    assertThat(lifecycle.next(ContractStatus.COMPLETED, ContractAction.TERMINATE)).isEmpty();
    assertThat(lifecycle.next(ContractStatus.REJECTED, ContractAction.REGISTER)).isEmpty();
    assertThat(lifecycle.next(ContractStatus.SIGNED, ContractAction.DELIVER_MILESTONE)).isEmpty();
    assertThat(lifecycle.next(ContractStatus.SUBMITTED, ContractAction.REGISTER)).contains(ContractStatus.REGISTERED);
    assertThat(lifecycle.next(ContractStatus.REGISTERED, ContractAction.DELIVER_MILESTONE))
        .contains(ContractStatus.IN_PERFORMANCE);
  }
}
