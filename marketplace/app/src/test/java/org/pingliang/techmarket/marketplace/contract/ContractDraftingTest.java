package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.deal.ContractDrafting;
import org.pingliang.techmarket.marketplace.deal.ContractLedger;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** ContractDrafting: one contract per negotiation, however often and however concurrently it is asked. */
class ContractDraftingTest extends ContractApiTest {

  @Autowired
  ContractDrafting drafting;

  @Autowired
  ContractLedger ledger;

  @Autowired
  TransactionalOperator transaction;

  @Autowired
  DatabaseClient database;

  @Test
  void drafting_the_same_negotiation_twice_returns_the_first_contract() {
    var offer = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE, 2_000_000);
    var first = draft(offer);
    var second = draft(offer);
    assertThat(second).isEqualTo(first);
    assertThat(contractsOf(offer)).isEqualTo(1);
    assertThat(auditEntries(first)).as("the second call wrote nothing").isEqualTo(1);
  }

  @Test
  void crossing_drafts_of_one_negotiation_produce_exactly_one_contract() {
    ContractTestData.demoOrganisations(context);
    var offer = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE, 3_000_000);
    List<UUID> ids = Flux.range(0, 8)
        .flatMap(i -> drafting.draft(offer).as(transaction::transactional).subscribeOn(Schedulers.parallel()))
        .collectList().block(Duration.ofSeconds(60));
    assertThat(ids).hasSize(8);
    assertThat(ids).containsOnly(ids.getFirst());
    assertThat(contractsOf(offer)).isEqualTo(1);
    assertThat(auditEntries(ids.getFirst())).isEqualTo(1);
  }

  @Test
  void a_rolled_back_caller_leaves_no_contract() {
    ContractTestData.demoOrganisations(context);
    var offer = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE, 1_000);
    var failed = drafting.draft(offer).then(reactor.core.publisher.Mono.error(new IllegalStateException("negotiation failed")))
        .as(transaction::transactional);
    assertThatThrownBy(() -> failed.block(Duration.ofSeconds(30))).hasMessageContaining("negotiation failed");
    assertThat(contractsOf(offer)).isZero();
  }

  @Test
  void the_draft_snapshots_the_parties_and_the_ledger_shows_what_payments_need() {
    var offer = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE, 9_999_999);
    var id = draft(offer);
    var payable = ledger.find(id).block(Duration.ofSeconds(10));
    assertThat(payable.status()).isEqualTo("DRAFT");
    assertThat(payable.acceptsPayments()).isFalse();
    assertThat(payable.sellerOrganisationId()).isEqualTo(ContractTestData.COLLEGE);
    assertThat(payable.buyerOrganisationId()).isEqualTo(ContractTestData.APPLE_ENTERPRISE);
    assertThat(payable.broker().commissionBasisPoints()).isEqualTo(500);
    assertThat(payable.total().amountFen()).isEqualTo(9_999_999L);
    assertThat(payable.milestones()).extracting(m -> m.amount().amountFen()).containsExactly(3_999_999L, 6_000_000L);
    assertThat(payable.milestones()).extracting(ContractLedger.PayableMilestone::status).containsOnly("PENDING");
    assertThat(ledger.find(UUID.randomUUID()).blockOptional(Duration.ofSeconds(10))).isEmpty();

    var shown = get("university", id);
    assertThat(((java.util.Map<?, ?>) shown.get("seller")).get("name")).isEqualTo("平凉泾河职业技术学院");
    assertThat(((java.util.Map<?, ?>) shown.get("seller")).get("countryCode")).isEqualTo("CHN");
    assertThat(((java.util.Map<?, ?>) shown.get("seller")).get("legalEntitySubtype")).isEqualTo("HIGHER_EDUCATION");
    assertThat(((java.util.Map<?, ?>) shown.get("buyer")).get("regionCode")).isEqualTo("620826");
  }

  @Test
  void an_offer_with_an_unknown_type_or_organisation_is_refused() {
    ContractTestData.demoOrganisations(context);
    var wrongType = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE,
        "TECHNOLOGY_LEASING", null, List.of(100L));
    assertThatThrownBy(() -> ContractTestData.draft(context, wrongType)).isInstanceOf(ApiProblem.class);
    var wrongSubtype = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE,
        "TECHNICAL_CONSULTING", "GENERAL", List.of(100L));
    assertThatThrownBy(() -> ContractTestData.draft(context, wrongSubtype)).isInstanceOf(ApiProblem.class);
    AcceptedOffer nobody = ContractTestData.offer(UUID.randomUUID(), ContractTestData.APPLE_ENTERPRISE, 100);
    assertThatThrownBy(() -> ContractTestData.draft(context, nobody)).isInstanceOf(ApiProblem.class);
    assertThat(contractsOf(nobody)).isZero();
  }

  private long contractsOf(AcceptedOffer offer) {
    return database.sql("SELECT count(*) AS n FROM contracts WHERE negotiation_id = :n").bind("n", offer.negotiationId())
        .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
  }

  private long auditEntries(UUID id) {
    return database.sql("SELECT count(*) AS n FROM contract_audit_log WHERE contract_id = :id").bind("id", id)
        .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
  }
}
