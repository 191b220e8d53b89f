package org.pingliang.techmarket.marketplace.payment;

import java.util.LinkedHashMap;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Payment events on the deals stream (aggregate type {@code Payment}), written in the caller's transaction. */
@Component
class PaymentEvents {

  static final String AGGREGATE = "Payment";

  private final Outbox outbox;

  PaymentEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** E.g. {@code PaymentFunded}; the payment's version after the change is the event's version. */
  Mono<Void> append(MilestonePayment payment, String type) {
    var payload = new LinkedHashMap<String, Object>();
    payload.put("paymentId", payment.id());
    payload.put("contractId", payment.contractId());
    payload.put("milestoneId", payment.milestoneId());
    payload.put("status", payment.status().name());
    payload.put("amountFen", payment.split().amountFen());
    payload.put("platformFeeFen", payment.split().platformFeeFen());
    payload.put("commissionFen", payment.split().commissionFen());
    payload.put("sellerShareFen", payment.split().sellerShareFen());
    payload.put("currency", payment.currency());
    payload.put("paymentIntentId", payment.paymentIntentId());
    return outbox.append(new OutboxMessage(AGGREGATE, payment.id(), payment.version(), type, payload));
  }
}
