package org.pingliang.techmarket.marketplace.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 收款账户: an organisation's Stripe Connect account for receiving milestone money and commissions. */
@RestController
@Tag(name = "payout accounts", description = "收款账户 — Stripe Connect onboarding of sellers and brokers")
class PayoutAccountController {

  private final ManagingPayoutAccounts accounts;

  PayoutAccountController(ManagingPayoutAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/api/organisations/{id}/payout-account")
  @Operation(summary = "The organisation's payout account and whether Stripe lets it take charges and payouts. Roles: UNIVERSITY, ENTERPRISE, BROKER (OWNER of the organisation). Errors: 401, 403, 404.")
  Mono<AccountView> get(Actor actor, @PathVariable UUID id) {
    return accounts.view(actor, id).map(AccountView::of);
  }

  @PostMapping("/api/organisations/{id}/payout-account")
  @Operation(summary = "Open the organisation's Stripe Connect (Express) account; idempotent: an existing one is returned (200), a new one is 201. Roles: UNIVERSITY, ENTERPRISE, BROKER (OWNER). Errors: 401, 403, 404, 503.")
  Mono<ResponseEntity<AccountView>> open(Actor actor, @PathVariable UUID id) {
    return accounts.open(actor, id).map(result -> ResponseEntity
        .status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(AccountView.of(result.account())));
  }

  @PostMapping("/api/organisations/{id}/payout-account/onboarding-link")
  @Operation(summary = "A one-time link to Stripe's hosted onboarding for the account (expires in minutes). Accepts Idempotency-Key. Roles: UNIVERSITY, ENTERPRISE, BROKER (OWNER). Errors: 401, 403, 404, 503.")
  Mono<ResponseEntity<Map<String, String>>> onboardingLink(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    return accounts.onboardingLink(actor, id, key)
        .map(url -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", url)));
  }

  /** A payout account as the API shows it. */
  record AccountView(UUID organisationId, String stripeAccountId, boolean chargesEnabled, boolean payoutsEnabled,
      boolean detailsSubmitted, long version) {

    static AccountView of(PayoutAccount account) {
      return new AccountView(account.organisationId(), account.stripeAccountId(), account.chargesEnabled(),
          account.payoutsEnabled(), account.detailsSubmitted(), account.version());
    }
  }
}
