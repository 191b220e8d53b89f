package org.pingliang.techmarket.marketplace.voucher;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 结算: an order paid voucher first and card for the rest, whatever it pays for. */
@RestController
@Tag(name = "checkout", description = "结算 — orders paid by voucher and card")
class OrderController {

  private final PayingOrders orders;

  OrderController(PayingOrders orders) {
    this.orders = orders;
  }

  record RedemptionForm(@NotNull UUID voucherId, @Valid MoneyForm amount) {}

  @GetMapping("/api/orders/{id}")
  @Operation(summary = "The order: amount, voucher part, amount due by card, redemptions and the card payment (clientSecret for who may pay). Roles: members of buyer or provider, ADMIN (404 otherwise). Errors: 401, 403, 404.")
  Mono<OrderView> get(Actor actor, @PathVariable UUID id) {
    return orders.view(actor, id);
  }

  @PostMapping("/api/orders/{id}/voucher-redemptions")
  @Operation(summary = "Apply one of the buyer's vouchers: amount, or as much as voucher and order allow when omitted; an order left with 0 due is PAID at once. Accepts Idempotency-Key. Roles: ENTERPRISE, UNIVERSITY (OWNER or EDITOR of the buyer). Errors: 401, 403 (not the buyer, banned), 404, 409 (balance, expired, not open, card payment started, key reused), 422.")
  Mono<ResponseEntity<OrderView>> redeem(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, @Valid @RequestBody RedemptionForm form) {
    return orders.redeem(actor, id, form.voucherId(), form.amount() == null ? null : form.amount().amountFen(), key)
        .map(result -> VoucherController.createdOrOk(result.created(),
            URI.create("/api/orders/" + id + "/voucher-redemptions/" + result.redemptionId()), result.order()));
  }

  @PostMapping("/api/orders/{id}/card-payments")
  @Operation(summary = "Pay what vouchers left by card: one Stripe PaymentIntent per order (201 first, 200 after), its clientSecret in cardPayment; status RETRYING means Stripe is away and will be retried. payment_intent.succeeded makes the order PAID. Accepts Idempotency-Key. Roles: ENTERPRISE, UNIVERSITY (OWNER or EDITOR of the buyer). Errors: 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<OrderView>> payByCard(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    return orders.payByCard(actor, id, key)
        .map(result -> VoucherController.createdOrOk(result.created(), URI.create("/api/orders/" + id), result.order()));
  }
}
