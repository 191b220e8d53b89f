package org.pingliang.techmarket.marketplace.payment;

import java.time.Clock;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stripe Connect onboarding (收款账户开通) for organisations that receive money: sellers and broker
 * agencies. Only an OWNER of the organisation sees or changes it. The account is created once per
 * organisation (idempotency key {@code acct:{organisationId}:v1}, so a double click or a retry after a
 * timeout gets the same Stripe account); its flags then follow account.updated webhooks.
 */
@Component
class ManagingPayoutAccounts {

  private final Organisations organisations;
  private final PayoutAccountStore accounts;
  private final StripeGateway stripe;
  private final Clock clock;

  ManagingPayoutAccounts(Organisations organisations, PayoutAccountStore accounts, StripeGateway stripe, Clock clock) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.stripe = stripe;
    this.clock = clock;
  }

  Mono<PayoutAccount> view(Actor actor, UUID organisationId) {
    return owner(actor, organisationId).then(accounts.find(organisationId))
        .switchIfEmpty(Mono.error(PaymentProblems::noPayoutAccount));
  }

  /** The organisation's account, created at Stripe when it has none; true in the pair when created now. */
  Mono<Created> open(Actor actor, UUID organisationId) {
    return owner(actor, organisationId).then(accounts.find(organisationId))
        .map(existing -> new Created(existing, false))
        .switchIfEmpty(Mono.defer(() -> stripe.createAccount(organisationId, "acct:" + organisationId + ":v1")
            .onErrorMap(StripeFailure.class, failure -> PaymentProblems.stripeUnavailable())
            .flatMap(state -> accounts.insertIfAbsent(organisationId, state, actor.subject(), clock.instant()))
            .map(stored -> new Created(stored, true))));
  }

  /** A fresh link to Stripe's hosted onboarding; a client key makes a repeated click the same link. */
  Mono<String> onboardingLink(Actor actor, UUID organisationId, String clientKey) {
    var key = clientKey == null ? Ids.newId().toString() : clientKey;
    return view(actor, organisationId)
        .flatMap(account -> stripe.createOnboardingLink(account.stripeAccountId(),
                "link:" + account.stripeAccountId() + ":" + key)
            .onErrorMap(StripeFailure.class, failure -> PaymentProblems.stripeUnavailable()));
  }

  record Created(PayoutAccount account, boolean created) {}

  private Mono<Void> owner(Actor actor, UUID organisationId) {
    return organisations.find(organisationId)
        .switchIfEmpty(Mono.error(PaymentProblems::notFound))
        .then(organisations.roleOf(organisationId, actor.subject()))
        .filter(role -> role == MemberRole.OWNER)
        .switchIfEmpty(Mono.error(PaymentProblems::notOwner))
        .then();
  }
}
