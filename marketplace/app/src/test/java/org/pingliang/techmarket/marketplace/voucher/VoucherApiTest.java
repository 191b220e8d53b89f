package org.pingliang.techmarket.marketplace.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Voucher tests over HTTP against the real services and the app's Stripe stub. Each test makes its
 * own organisations: a provider (commissioner's SERVICE_PROVIDER, registered by the bureau) and a
 * small enterprise (enterprise's, verified, declared, with enterprise2 as a plain MEMBER).
 */
abstract class VoucherApiTest extends ApiTest {

  static final String ENTERPRISE2 = "0b7e1000-0000-4000-8000-000000000004";
  static final Duration PATIENCE = Duration.ofSeconds(20);
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  record Parties(UUID provider, UUID buyer) {}

  Parties parties() {
    var admin = as("admin");
    var provider = ListingTestData.organisation(as("commissioner"), admin, "SERVICE_PROVIDER", true);
    admin.post().uri("/api/voucher-providers").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organisationId", provider)).exchange().expectStatus().isCreated();
    return new Parties(provider, smallEnterprise());
  }

  /** An eligible enterprise of {@code enterprise}, with enterprise2 as a MEMBER. */
  UUID smallEnterprise() {
    var buyer = ListingTestData.organisation(as("enterprise"), as("admin"), "ENTERPRISE", true);
    declare(buyer, 120, 3_000_000_000L);
    as("enterprise").post().uri("/api/organisations/{id}/members", buyer).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", ENTERPRISE2, "role", "MEMBER")).exchange().expectStatus().isCreated();
    return buyer;
  }

  void declare(UUID organisation, int employees, long revenueFen) {
    as("enterprise").put().uri("/api/organisations/{id}/small-enterprise-declaration", organisation)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("employees", employees, "annualRevenue", money(revenueFen),
            "totalAssets", money(1_000_000_000L)))
        .exchange().expectStatus().isOk();
  }

  static Map<String, Object> money(long fen) {
    return Map.of("amountFen", fen, "currency", "CNY");
  }

  /** A year of its own with exactly {@code remainingFen} left to issue (the test DB keeps old years). */
  int budgetWithRemaining(long remainingFen) {
    var year = ThreadLocalRandom.current().nextInt(2030, 2101);
    var budgets = as("admin").get().uri("/api/voucher-budgets").exchange().expectStatus().isOk()
        .expectBodyList(JSON).returnResult().getResponseBody();
    var issued = budgets.stream().filter(b -> ((Number) b.get("year")).intValue() == year)
        .mapToLong(b -> fen(b, "issued")).findFirst().orElse(0L);
    as("admin").put().uri("/api/voucher-budgets/{year}", year).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("amount", money(issued + remainingFen))).exchange().expectStatus().isOk();
    return year;
  }

  WebTestClient.ResponseSpec issue(UUID organisation, int year, long fen) {
    return as("admin").post().uri("/api/vouchers").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organisationId", organisation, "year", year, "amount", money(fen),
            "expiresOn", LocalDate.now().plusYears(1).toString()))
        .exchange();
  }

  UUID voucher(UUID organisation, long fen) {
    var year = budgetWithRemaining(fen);
    var voucher = issue(organisation, year, fen).expectStatus().isCreated().expectBody(JSON).returnResult()
        .getResponseBody();
    return UUID.fromString((String) voucher.get("id"));
  }

  UUID service(UUID provider, long priceFen) {
    var service = as("commissioner").post().uri("/api/provider-services").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("providerOrganisationId", provider, "title", "苹果园土壤检测与施肥方案",
            "description", "采样、化验 12 项指标，出具配方施肥建议。", "price", money(priceFen)))
        .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    return UUID.fromString((String) service.get("id"));
  }

  /** The enterprise orders the service for its organisation: the service order (with orderId). */
  Map<String, Object> order(UUID service, UUID buyer) {
    return as("enterprise").post().uri("/api/provider-services/{id}/orders", service)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("buyerOrganisationId", buyer))
        .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
  }

  static UUID orderId(Map<String, Object> serviceOrder) {
    return UUID.fromString((String) serviceOrder.get("orderId"));
  }

  WebTestClient.ResponseSpec redeem(String user, UUID order, UUID voucher, Long fen) {
    var body = fen == null ? Map.<String, Object>of("voucherId", voucher)
        : Map.<String, Object>of("voucherId", voucher, "amount", money(fen));
    return as(user).post().uri("/api/orders/{id}/voucher-redemptions", order).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }

  Map<String, Object> orderView(UUID order) {
    return as("enterprise").get().uri("/api/orders/{id}", order).exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
  }

  Map<String, Object> voucherView(UUID voucher) {
    return as("enterprise").get().uri("/api/vouchers/{id}", voucher).exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
  }

  Map<String, Object> serviceOrder(UUID id) {
    return as("enterprise").get().uri("/api/service-orders/{id}", id).exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
  }

  Map<String, Object> awaitOrderStatus(UUID order, String status) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
        .until(() -> status.equals(orderView(order).get("status")));
    return orderView(order);
  }

  /** The ledger balances and agrees with vouchers, orders, payables and reimbursements. */
  void assertLedgerBalances() {
    var balance = as("admin").get().uri("/api/voucher-ledger/balance").exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
    assertThat(balance.get("unbalancedTransactions")).as("%s", balance).isEqualTo(0);
    assertThat(((Number) balance.get("totalFen")).longValue()).as("%s", balance).isZero();
    assertThat(balance.get("mismatchedVouchers")).as("%s", balance).isEqualTo(0);
    assertThat(balance.get("balanced")).as("%s", balance).isEqualTo(true);
  }

  static long fen(Map<String, Object> object, String field) {
    return ((Number) ((Map<?, ?>) object.get(field)).get("amountFen")).longValue();
  }

  static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
    response.expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + type);
  }
}
