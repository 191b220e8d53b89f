package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableContract;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every payment endpoint refuses the anonymous caller, a stranger to the contract or organisation,
 * and a party's member without the right role.
 */
class PaymentAuthorizationTest extends PaymentApiTest {

  private Parties parties;
  private PayableContract contract;
  private UUID milestone;

  @BeforeEach
  void deal() {
    parties = parties();
    contract = contract(parties, 100, 40_000L);
    milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
  }

  private WebTestClient.ResponseSpec payoutAccount(WebTestClient client, String method, UUID organisation) {
    return switch (method) {
      case "GET" -> client.get().uri("/api/organisations/{id}/payout-account", organisation).exchange();
      case "POST" -> client.post().uri("/api/organisations/{id}/payout-account", organisation).exchange();
      default -> client.post().uri("/api/organisations/{id}/payout-account/onboarding-link", organisation).exchange();
    };
  }

  @Test
  void payout_accounts_are_for_the_organisation_owner_only() {
    for (var method : new String[] {"GET", "POST", "LINK"}) {
      problem(payoutAccount(http, method, parties.seller()), HttpStatus.UNAUTHORIZED, "unauthorized");
      // A stranger to the organisation, a plain MEMBER of it, and a role that never receives money.
      problem(payoutAccount(as("university2"), method, parties.seller()), HttpStatus.FORBIDDEN, "forbidden");
      problem(payoutAccount(as("enterprise2"), method, parties.buyer()), HttpStatus.FORBIDDEN, "forbidden");
      problem(payoutAccount(as("commissioner"), method, parties.seller()), HttpStatus.FORBIDDEN, "forbidden");
      problem(payoutAccount(as("admin"), method, parties.seller()), HttpStatus.FORBIDDEN, "forbidden");
    }
    payoutAccount(as("university"), "GET", parties.seller()).expectStatus().isOk()
        .expectBody().jsonPath("$.stripeAccountId").isEqualTo(parties.sellerAccount());
    payoutAccount(as("university"), "POST", parties.seller()).expectStatus().isOk()
        .expectBody().jsonPath("$.stripeAccountId").isEqualTo(parties.sellerAccount());
    payoutAccount(as("broker"), "LINK", parties.broker()).expectStatus().isCreated()
        .expectBody().jsonPath("$.url").value(url -> assertThat((String) url).contains(parties.brokerAccount()));
    problem(payoutAccount(as("enterprise"), "GET", parties.buyer()), HttpStatus.NOT_FOUND, "not-found");
    problem(payoutAccount(as("enterprise"), "GET", UUID.randomUUID()), HttpStatus.NOT_FOUND, "not-found");
  }

  @Test
  void only_an_owner_or_editor_of_the_buyer_pays() {
    problem(requestPayment(null, contract, milestone), HttpStatus.UNAUTHORIZED, "unauthorized");
    problem(requestPayment("university2", contract, milestone), HttpStatus.NOT_FOUND, "not-found");
    problem(requestPayment("enterprise2", contract, milestone), HttpStatus.FORBIDDEN, "forbidden");
    problem(requestPayment("university", contract, milestone), HttpStatus.FORBIDDEN, "forbidden");
    problem(requestPayment("broker", contract, milestone), HttpStatus.FORBIDDEN, "forbidden");
    problem(requestPayment("admin", contract, milestone), HttpStatus.FORBIDDEN, "forbidden");
    assertThat(stripeObjects("payment_intent", contract)).isEmpty();

    problem(requestPayment("enterprise", contract, UUID.randomUUID()), HttpStatus.NOT_FOUND, "not-found");
    var draft = PaymentTestContracts.draft(context, parties.seller(), parties.buyer(), 40_000L);
    problem(requestPayment("enterprise", draft, PaymentTestContracts.milestoneIds(draft).getFirst()),
        HttpStatus.CONFLICT, "conflict");
    requestPayment("enterprise", contract, milestone).expectStatus().isCreated();
  }

  @Test
  void payments_are_seen_by_the_parties_and_only_the_payer_sees_the_client_secret() {
    pay(contract, milestone);
    for (var path : new String[] {"/api/contracts/{c}/payments", "/api/contracts/{c}/milestones/{m}/payment"}) {
      problem(http.get().uri(path, contract.contractId(), milestone).exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
      problem(as("university2").get().uri(path, contract.contractId(), milestone).exchange(), HttpStatus.NOT_FOUND,
          "not-found");
      problem(as("commissioner").get().uri(path, contract.contractId(), milestone).exchange(), HttpStatus.FORBIDDEN,
          "forbidden");
    }
    as("enterprise").get().uri("/api/contracts/{c}/payments", contract.contractId()).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$[0].clientSecret").value(secret -> assertThat((String) secret).contains("_secret_"));
    for (var party : new String[] {"enterprise2", "university", "broker", "admin"}) {
      as(party).get().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), milestone).exchange()
          .expectStatus().isOk().expectBody()
          .jsonPath("$.status").isEqualTo("AWAITING_PAYMENT")
          .jsonPath("$.clientSecret").isEmpty();
    }
  }

  @Override
  WebTestClient.ResponseSpec requestPayment(String user, PayableContract contract, UUID milestoneId) {
    var client = user == null ? http : as(user);
    return client.post().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), milestoneId).exchange();
  }
}
