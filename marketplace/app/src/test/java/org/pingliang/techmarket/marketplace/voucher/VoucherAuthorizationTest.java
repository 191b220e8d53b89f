package org.pingliang.techmarket.marketplace.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every voucher, checkout and provider route refuses the anonymous caller, the wrong role and another
 * organisation's member; enterprise2 is a MEMBER (not OWNER/EDITOR) of each test's buyer and a
 * stranger to the organisations created for "another enterprise".
 */
class VoucherAuthorizationTest extends VoucherApiTest {

  private WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    return body == null ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private void status(String user, HttpMethod method, String uri, Object body, int expected) {
    var client = user == null ? http : as(user);
    var actual = call(client, method, uri, body).returnResult(String.class).getStatus().value();
    assertThat(actual).as("%s %s %s", user, method, uri).isEqualTo(expected);
  }

  @Test
  void bureau_routes_are_for_admin_only() {
    var budget = Map.of("amount", money(1L));
    var voucher = Map.of("organisationId", UUID.randomUUID(), "year", 2099, "amount", money(1L),
        "expiresOn", LocalDate.now().plusDays(30).toString());
    for (var user : new String[] {"enterprise", "university", "broker", "commissioner"}) {
      status(user, HttpMethod.PUT, "/api/voucher-budgets/2099", budget, 403);
      status(user, HttpMethod.GET, "/api/voucher-budgets", null, 403);
      status(user, HttpMethod.POST, "/api/vouchers", voucher, 403);
      status(user, HttpMethod.POST, "/api/voucher-providers", Map.of("organisationId", UUID.randomUUID()), 403);
      status(user, HttpMethod.GET, "/api/voucher-ledger/balance", null, 403);
      status(user, HttpMethod.POST, "/api/reimbursement-claims/" + UUID.randomUUID() + "/approval", null, 403);
      status(user, HttpMethod.POST, "/api/reimbursement-claims/" + UUID.randomUUID() + "/rejection",
          Map.of("reason", "x"), 403);
    }
    status(null, HttpMethod.PUT, "/api/voucher-budgets/2099", budget, 401);
    status(null, HttpMethod.GET, "/api/voucher-budgets", null, 401);
    status(null, HttpMethod.POST, "/api/vouchers", voucher, 401);
    status(null, HttpMethod.GET, "/api/voucher-ledger/balance", null, 401);
    status("admin", HttpMethod.GET, "/api/voucher-ledger/balance", null, 200);
  }

  @Test
  void public_routes_are_open_to_anyone() {
    status(null, HttpMethod.GET, "/api/voucher-statistics", null, 200);
    status(null, HttpMethod.GET, "/api/voucher-providers", null, 200);
    status(null, HttpMethod.GET, "/api/provider-services", null, 200);
    problem(http.get().uri("/api/voucher-statistics?year=1").exchange(), HttpStatus.UNPROCESSABLE_CONTENT,
        "validation-failed");
  }

  @Test
  void vouchers_and_orders_are_refused_to_other_organisations_members_and_to_anonymous() {
    var parties = parties();
    var voucher = voucher(parties.buyer(), 50_000L);
    var service = service(parties.provider(), 20_000L);
    var serviceOrder = order(service, parties.buyer());
    var order = orderId(serviceOrder);
    var serviceOrderId = serviceOrder.get("id");
    // another enterprise, owned by enterprise2 alone
    var other = org.pingliang.techmarket.marketplace.listing.ListingTestData.organisation(as("enterprise2"),
        as("admin"), "ENTERPRISE", true);
    var redemption = Map.of("voucherId", voucher);

    // anonymous
    status(null, HttpMethod.GET, "/api/vouchers/" + voucher, null, 401);
    status(null, HttpMethod.GET, "/api/vouchers?organisationId=" + parties.buyer(), null, 401);
    status(null, HttpMethod.GET, "/api/orders/" + order, null, 401);
    status(null, HttpMethod.POST, "/api/orders/" + order + "/voucher-redemptions", redemption, 401);
    status(null, HttpMethod.POST, "/api/orders/" + order + "/card-payments", null, 401);
    status(null, HttpMethod.POST, "/api/provider-services/" + service + "/orders",
        Map.of("buyerOrganisationId", parties.buyer()), 401);
    status(null, HttpMethod.POST, "/api/provider-services", Map.of(), 401);
    status(null, HttpMethod.GET, "/api/service-orders/" + serviceOrderId, null, 401);
    status(null, HttpMethod.POST, "/api/service-orders/" + serviceOrderId + "/delivery", null, 401);
    status(null, HttpMethod.POST, "/api/reimbursement-claims", Map.of("providerOrganisationId", parties.provider()), 401);
    status(null, HttpMethod.PUT, "/api/organisations/" + parties.buyer() + "/small-enterprise-declaration",
        Map.of(), 401);

    // wrong role
    status("commissioner", HttpMethod.POST, "/api/orders/" + order + "/voucher-redemptions", redemption, 403);
    status("broker", HttpMethod.POST, "/api/orders/" + order + "/card-payments", null, 403);
    status("admin", HttpMethod.POST, "/api/orders/" + order + "/voucher-redemptions", redemption, 403);
    status("commissioner", HttpMethod.POST, "/api/service-orders/" + serviceOrderId + "/confirmation", null, 403);
    status("university", HttpMethod.PUT, "/api/organisations/" + parties.buyer() + "/small-enterprise-declaration",
        Map.of("employees", 1, "annualRevenue", money(1), "totalAssets", money(1)), 403);

    // enterprise2 is a plain MEMBER of the buyer: sees, may not pay or confirm
    status("enterprise2", HttpMethod.GET, "/api/orders/" + order, null, 200);
    problem(redeem("enterprise2", order, voucher, null), HttpStatus.FORBIDDEN, "forbidden");
    status("enterprise2", HttpMethod.POST, "/api/orders/" + order + "/card-payments", null, 403);
    status("enterprise2", HttpMethod.POST, "/api/service-orders/" + serviceOrderId + "/cancellation", null, 403);

    // enterprise2 for another enterprise: the buyer's voucher cannot pay its order, and its order is not theirs
    var foreignOrder = (String) as("enterprise2").post().uri("/api/provider-services/{id}/orders", service)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("buyerOrganisationId", other)).exchange()
        .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("orderId");
    problem(redeem("enterprise2", UUID.fromString(foreignOrder), voucher, null), HttpStatus.NOT_FOUND, "not-found");
    status("enterprise", HttpMethod.GET, "/api/orders/" + foreignOrder, null, 404);
    problem(redeem("enterprise", UUID.fromString(foreignOrder), voucher, null), HttpStatus.NOT_FOUND, "not-found");
    status("enterprise2", HttpMethod.GET, "/api/vouchers?organisationId=" + other, null, 200);
    status("enterprise", HttpMethod.GET, "/api/vouchers?organisationId=" + other, null, 404);
    status("university", HttpMethod.GET, "/api/vouchers/" + voucher, null, 404);
    status("enterprise", HttpMethod.POST, "/api/provider-services/" + service + "/orders",
        Map.of("buyerOrganisationId", other), 404);
    status("enterprise", HttpMethod.GET, "/api/organisations/" + other + "/small-enterprise-declaration", null, 404);
    status("enterprise", HttpMethod.PUT, "/api/organisations/" + other + "/small-enterprise-declaration",
        Map.of("employees", 1, "annualRevenue", money(1), "totalAssets", money(1)), 404);
    status("enterprise2", HttpMethod.GET, "/api/vouchers", null, 403);

    // the provider: sees the order, may not pay it; only its owner delivers; the buyer may not deliver
    status("commissioner", HttpMethod.GET, "/api/orders/" + order, null, 200);
    status("university", HttpMethod.GET, "/api/orders/" + order, null, 404);
    status("enterprise", HttpMethod.POST, "/api/service-orders/" + serviceOrderId + "/delivery", null, 403);
    status("university", HttpMethod.POST, "/api/service-orders/" + serviceOrderId + "/delivery", null, 404);
    status("university", HttpMethod.POST, "/api/provider-services", Map.of("providerOrganisationId", parties.provider(),
        "title", "t", "description", "d", "price", money(100)), 404);
    status("enterprise", HttpMethod.POST, "/api/reimbursement-claims",
        Map.of("providerOrganisationId", parties.provider()), 404);
    status("enterprise", HttpMethod.GET, "/api/reimbursement-claims?providerOrganisationId=" + parties.provider(),
        null, 404);
    status("commissioner", HttpMethod.GET, "/api/reimbursement-claims", null, 403);

    // enterprise on enterprise2's voucher: invisible, and useless on enterprise's own order
    as("enterprise2").put().uri("/api/organisations/{id}/small-enterprise-declaration", other)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("employees", 30, "annualRevenue", money(100_000_000L), "totalAssets", money(100_000_000L)))
        .exchange().expectStatus().isOk();
    var foreignVoucher = voucher(other, 5_000L);
    status("enterprise", HttpMethod.GET, "/api/vouchers/" + foreignVoucher, null, 404);
    status("enterprise2", HttpMethod.GET, "/api/vouchers/" + foreignVoucher, null, 200);
    problem(redeem("enterprise", order, foreignVoucher, null), HttpStatus.NOT_FOUND, "not-found");

    // lists and the eligibility check: members and ADMIN only
    status(null, HttpMethod.GET, "/api/service-orders?organisationId=" + parties.buyer(), null, 401);
    status("university", HttpMethod.GET, "/api/service-orders?organisationId=" + parties.buyer(), null, 404);
    status("enterprise2", HttpMethod.GET, "/api/service-orders?organisationId=" + parties.buyer(), null, 200);
    status("university", HttpMethod.GET, "/api/service-orders/" + serviceOrderId, null, 404);
    status(null, HttpMethod.GET, "/api/organisations/" + parties.buyer() + "/voucher-eligibility", null, 401);
    status("university", HttpMethod.GET, "/api/organisations/" + parties.buyer() + "/voucher-eligibility", null, 404);
    status("admin", HttpMethod.GET, "/api/organisations/" + parties.buyer() + "/voucher-eligibility", null, 200);
    status(null, HttpMethod.GET, "/api/reimbursement-claims/" + UUID.randomUUID(), null, 401);
    status("admin", HttpMethod.GET, "/api/reimbursement-claims", null, 200);
    status("commissioner", HttpMethod.GET, "/api/reimbursement-claims?providerOrganisationId=" + parties.provider(),
        null, 200);

    // nothing of the above changed the voucher or the order
    assertThat(fen(voucherView(voucher), "balance")).isEqualTo(50_000L);
    assertThat(orderView(order).get("status")).isEqualTo("OPEN");
    status("admin", HttpMethod.GET, "/api/orders/" + order, null, 200);
    status("admin", HttpMethod.GET, "/api/vouchers/" + voucher, null, 200);
  }
}
