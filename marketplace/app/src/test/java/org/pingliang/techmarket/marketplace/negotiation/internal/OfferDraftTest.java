package org.pingliang.techmarket.marketplace.negotiation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferDraftTest {

  private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  private static OfferDraft draft(long price, List<OfferDraft.MilestoneDraft> milestones, String type, String subtype) {
    return new OfferDraft(price, "CNY", milestones, type, subtype, "范围", 12, NOW.plus(Duration.ofDays(7)));
  }

  private static OfferDraft.MilestoneDraft milestone(int sequence, long fen, String due) {
    return new OfferDraft.MilestoneDraft(sequence, "节点" + sequence, fen, LocalDate.parse(due));
  }

  @Test
  void milestones_adding_up_to_the_price_make_valid_terms() {
    var checked = draft(100, List.of(milestone(1, 30, "2027-01-01"), milestone(2, 70, "2027-06-01")),
        "technology_development", "commissioned").check(NOW);
    assertThat(checked.violations()).isEmpty();
    assertThat(checked.terms().contractType()).isEqualTo(ContractType.TECHNOLOGY_DEVELOPMENT);
    assertThat(checked.terms().contractSubtype()).isEqualTo("COMMISSIONED");
    assertThat(checked.terms().milestones()).extracting(m -> m.amount().amountFen()).containsExactly(30L, 70L);
  }

  @Test
  void a_schedule_one_fen_off_is_refused() {
    var checked = draft(100, List.of(milestone(1, 30, "2027-01-01"), milestone(2, 69, "2027-06-01")),
        "TECHNICAL_CONSULTING", null).check(NOW);
    assertThat(checked.violations()).containsExactly(new Violation("milestones", "milestone-sum"));
  }

  @Test
  void milestones_are_numbered_in_order_and_due_in_order() {
    var checked = draft(100, List.of(milestone(2, 30, "2027-06-01"), milestone(2, 70, "2027-01-01")),
        "TECHNICAL_CONSULTING", null).check(NOW);
    assertThat(checked.violations()).containsExactlyInAnyOrder(
        new Violation("milestones[0].sequence", "milestone-sequence"),
        new Violation("milestones[1].dueDate", "milestone-order"));
  }

  @Test
  void every_type_takes_exactly_its_subtypes() {
    assertThat(ContractType.TECHNOLOGY_TRANSFER.accepts("PATENT_APPLICATION_RIGHT")).isTrue();
    assertThat(ContractType.TECHNOLOGY_TRANSFER.accepts(null)).isFalse();
    assertThat(ContractType.TECHNOLOGY_LICENSING.accepts("PATENT_RIGHT")).isFalse();
    assertThat(ContractType.TECHNICAL_CONSULTING.accepts(null)).isTrue();
    assertThat(ContractType.TECHNICAL_CONSULTING.accepts("GENERAL")).isFalse();
    assertThat(ContractType.TECHNICAL_SERVICE.accepts("TRAINING")).isTrue();
    var unknown = draft(100, List.of(milestone(1, 100, "2027-01-01")), "TECHNOLOGY_LEASE", null).check(NOW);
    assertThat(unknown.violations()).containsExactly(new Violation("contractType", "contract-type"));
  }

  @Test
  void an_offer_stands_for_at_most_ninety_days() {
    var tooLong = new OfferDraft(100L, "CNY", List.of(milestone(1, 100, "2027-01-01")), "TECHNICAL_CONSULTING", null,
        "范围", 12, NOW.plus(Duration.ofDays(91))).check(NOW);
    assertThat(tooLong.violations()).containsExactly(new Violation("expiresAt", "offer-validity"));
    var usd = new OfferDraft(100L, "USD", List.of(milestone(1, 100, "2027-01-01")), "TECHNICAL_CONSULTING", null,
        "范围", 12, NOW.plusSeconds(60)).check(NOW);
    assertThat(usd.violations()).containsExactly(new Violation("price.currency", "pattern"));
  }
}
