package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pingliang.techmarket.marketplace.contract.ContractTestData;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.deal.ContractLedger;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableContract;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableMilestone;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one place payment tests get contracts from: real technology contracts, drafted the way an
 * accepted offer drafts them and taken through signatures and registration by the contract feature's
 * API. The seller's owner is {@code university}, the buyer's {@code enterprise}.
 */
final class PaymentTestContracts {

  static final String BROKER_SUBJECT = "0b7e1000-0000-4000-8000-000000000005";

  private PaymentTestContracts() {}

  /** A registered contract between the parties, one PENDING milestone per amount (fen). */
  static PayableContract registered(ApplicationContext context, Function<String, WebTestClient> as, UUID seller,
      UUID buyer, UUID broker, int commissionBps, long... milestoneFen) {
    var id = drafted(context, seller, buyer, broker, commissionBps, milestoneFen);
    advance(as, "university", id, "signature-request");
    advance(as, "university", id, "signatures");
    advance(as, "enterprise", id, "signatures");
    advance(as, "university", id, "submission");
    var registered = advance(as, "admin", id, "registration");
    assertThat(registered.get("status")).isEqualTo("REGISTERED");
    return find(context, id);
  }

  /** A contract still in DRAFT: money may not be collected on it. */
  static PayableContract draft(ApplicationContext context, UUID seller, UUID buyer, long... milestoneFen) {
    return find(context, drafted(context, seller, buyer, null, 0, milestoneFen));
  }

  /** The contract as the ledger reports it now. */
  static PayableContract find(ApplicationContext context, UUID contractId) {
    return context.getBean(ContractLedger.class).find(contractId).block(Duration.ofSeconds(30));
  }

  /** Terminates a registered contract as the registry (ADMIN) does; payments hears of it in that transaction. */
  static void terminate(Function<String, WebTestClient> as, PayableContract contract) {
    as.apply("admin").post().uri("/api/contracts/{id}/termination", contract.contractId())
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "合同解除，退还未释放款项"))
        .exchange().expectStatus().isOk().expectBody().returnResult();
  }

  /** The seller delivers the milestone and the buyer's owner accepts it, through the contract feature. */
  static void deliverAndAccept(Function<String, WebTestClient> as, PayableContract contract, UUID milestoneId) {
    as.apply("university").post().uri("/api/contracts/{id}/milestones/{m}/delivery", contract.contractId(), milestoneId)
        .exchange().expectStatus().isOk().expectBody().returnResult();
    as.apply("enterprise").post().uri("/api/contracts/{id}/milestones/{m}/acceptance", contract.contractId(), milestoneId)
        .exchange().expectStatus().isOk().expectBody().returnResult();
  }

  static List<UUID> milestoneIds(PayableContract contract) {
    return contract.milestones().stream().map(PayableMilestone::milestoneId).toList();
  }

  private static UUID drafted(ApplicationContext context, UUID seller, UUID buyer, UUID broker, int commissionBps,
      long... milestoneFen) {
    var amounts = new ArrayList<Long>();
    for (var fen : milestoneFen) {
      amounts.add(fen);
    }
    var offer = ContractTestData.offer(seller, buyer, "TECHNOLOGY_TRANSFER", "PATENT_RIGHT", amounts);
    var terms = broker == null ? null : new AcceptedOffer.BrokerTerms(broker, BROKER_SUBJECT, commissionBps);
    var withBroker = new AcceptedOffer(offer.negotiationId(), offer.offerId(), offer.listingType(), offer.listingId(),
        offer.projectName(), seller, buyer, terms, offer.contractType(), offer.contractSubtype(), offer.total(),
        offer.milestones(), offer.scope(), offer.termMonths(), offer.acceptedBy(), offer.acceptedAt());
    return ContractTestData.draft(context, withBroker);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> advance(Function<String, WebTestClient> as, String user, UUID id, String step) {
    if ("signature-request".equals(step)) {
      var current = as.apply(user).get().uri("/api/contracts/{id}", id).exchange().expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody();
      var version = ((Number) current.get("version")).longValue();
      as.apply(user).put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(ContractTestData.completeForm(version, 0, 0)).exchange().expectStatus().isOk()
          .expectBody().returnResult();
    }
    return as.apply(user).post().uri("/api/contracts/{id}/" + step, id).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }
}
