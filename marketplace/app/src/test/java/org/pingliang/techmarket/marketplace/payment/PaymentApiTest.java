package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableContract;
import org.pingliang.techmarket.marketplace.deal.PaymentHooks;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.pingliang.techmarket.marketplace.payment.stub.StripeStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Payment tests over HTTP against the real services and the app's Stripe stub. */
abstract class PaymentApiTest extends ApiTest {

  static final String ENTERPRISE2 = "0b7e1000-0000-4000-8000-000000000004";
  static final Duration PATIENCE = Duration.ofSeconds(20);
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired
  ApplicationContext context;

  @Autowired
  PaymentConfiguration.StripeStubHolder stubHolder;

  @Autowired
  PaymentHooks hooks;

  @Autowired
  TransactionalOperator transaction;

  @Autowired
  DatabaseClient database;

  /** The organisations of a deal. */
  record Parties(UUID seller, UUID buyer, UUID broker, String sellerAccount, String brokerAccount) {}

  StripeStub stub() {
    return stubHolder.stub();
  }

  /**
   * Seller (university's organisation), buyer (enterprise's, with enterprise2 as a plain MEMBER) and a
   * broker agency (broker's); seller and broker have finished Stripe onboarding.
   */
  Parties parties() {
    var admin = as("admin");
    var seller = ListingTestData.organisation(as("university"), admin, "UNIVERSITY", false);
    var buyer = ListingTestData.organisation(as("enterprise"), admin, "ENTERPRISE", false);
    var broker = ListingTestData.organisation(as("broker"), admin, "BROKER_AGENCY", false);
    as("enterprise").post().uri("/api/organisations/{id}/members", buyer).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", ENTERPRISE2, "role", "MEMBER")).exchange().expectStatus().isCreated();
    return new Parties(seller, buyer, broker, onboard("university", seller), onboard("broker", broker));
  }

  PayableContract contract(Parties parties, int commissionBps, long... milestoneFen) {
    return PaymentTestContracts.registered(context, this::as, parties.seller(), parties.buyer(), parties.broker(),
        commissionBps, milestoneFen);
  }

  /** Opens the organisation's account and completes Stripe's onboarding; its account id. */
  String onboard(String owner, UUID organisation) {
    var account = as(owner).post().uri("/api/organisations/{id}/payout-account", organisation).exchange()
        .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    var accountId = (String) account.get("stripeAccountId");
    assertThat(accountId).startsWith("acct_");
    stub().completeOnboarding(accountId);
    await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(as(owner).get()
        .uri("/api/organisations/{id}/payout-account", organisation).exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("payoutsEnabled")));
    return accountId;
  }

  WebTestClient.ResponseSpec requestPayment(String user, PayableContract contract, UUID milestoneId) {
    return as(user).post().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), milestoneId)
        .exchange();
  }

  Map<String, Object> pay(PayableContract contract, UUID milestoneId) {
    return requestPayment("enterprise", contract, milestoneId).expectStatus().isCreated()
        .expectBody(JSON).returnResult().getResponseBody();
  }

  Map<String, Object> payment(PayableContract contract, UUID milestoneId) {
    return as("enterprise").get().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), milestoneId)
        .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
  }

  Map<String, Object> awaitStatus(PayableContract contract, UUID milestoneId, String status) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
        .until(() -> status.equals(payment(contract, milestoneId).get("status")));
    return payment(contract, milestoneId);
  }

  /** Pays and has the buyer complete the payment at the stub: the milestone is FUNDED. */
  Map<String, Object> payAndFund(PayableContract contract, UUID milestoneId) {
    var requested = pay(contract, milestoneId);
    assertThat(requested.get("status")).isEqualTo("AWAITING_PAYMENT");
    stub().confirm((String) requested.get("paymentIntentId"));
    return awaitStatus(contract, milestoneId, "FUNDED");
  }

  void accept(PayableContract contract, UUID milestoneId) {
    PaymentTestContracts.deliverAndAccept(this::as, contract, milestoneId);
  }

  void terminate(PayableContract contract) {
    PaymentTestContracts.terminate(this::as, contract);
  }

  /** The stub's objects of a type that belong to this contract's transfer group. */
  List<Map<String, Object>> stripeObjects(String type, PayableContract contract) {
    var group = "contract:" + contract.contractId();
    return stub().objects(type).stream()
        .filter(o -> group.equals(o.get("transfer_group"))
            || "refund".equals(type) && stub().object((String) o.get("payment_intent")) != null
                && group.equals(stub().object((String) o.get("payment_intent")).get("transfer_group")))
        .toList();
  }

  static long fen(Map<String, Object> payment, String field) {
    return ((Number) ((Map<?, ?>) payment.get(field)).get("amountFen")).longValue();
  }

  static long amount(Map<String, Object> stripeObject) {
    return ((Number) stripeObject.get("amount")).longValue();
  }

  List<String> eventTypes(UUID paymentId) {
    return database.sql("""
            SELECT type FROM outbox_events WHERE aggregate_type = 'Payment' AND aggregate_id = :id
            ORDER BY aggregate_version""")
        .bind("id", paymentId).map(row -> row.get("type", String.class)).all().collectList().block();
  }

  static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
    response.expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + type);
  }
}
