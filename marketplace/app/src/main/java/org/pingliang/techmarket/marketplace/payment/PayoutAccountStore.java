package org.pingliang.techmarket.marketplace.payment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Payout accounts in PostgreSQL. */
@Component
class PayoutAccountStore {

  private final DatabaseClient database;

  PayoutAccountStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<PayoutAccount> find(UUID organisationId) {
    return database.sql("SELECT * FROM payout_accounts WHERE organisation_id = :id")
        .bind("id", organisationId).map(PayoutAccountStore::read).one();
  }

  /** Stores the account unless the organisation has one; answers the stored one either way. */
  Mono<PayoutAccount> insertIfAbsent(UUID organisationId, StripeGateway.AccountState state, String createdBy, Instant now) {
    return database.sql("""
            INSERT INTO payout_accounts (organisation_id, stripe_account_id, charges_enabled, payouts_enabled,
              details_submitted, created_by, created_at, updated_at)
            VALUES (:id, :account, :charges, :payouts, :details, :createdBy, :now, :now)
            ON CONFLICT (organisation_id) DO NOTHING""")
        .bind("id", organisationId).bind("account", state.accountId()).bind("charges", state.chargesEnabled())
        .bind("payouts", state.payoutsEnabled()).bind("details", state.detailsSubmitted())
        .bind("createdBy", createdBy).bind("now", now)
        .fetch().rowsUpdated()
        .then(find(organisationId));
  }

  /** Applies account.updated; true when the account is one of ours. */
  Mono<Boolean> update(StripeGateway.AccountState state, Instant now) {
    return database.sql("""
            UPDATE payout_accounts SET charges_enabled = :charges, payouts_enabled = :payouts,
              details_submitted = :details, updated_at = :now, version = version + 1
            WHERE stripe_account_id = :account""")
        .bind("account", state.accountId()).bind("charges", state.chargesEnabled())
        .bind("payouts", state.payoutsEnabled()).bind("details", state.detailsSubmitted()).bind("now", now)
        .fetch().rowsUpdated().map(rows -> rows > 0);
  }

  private static PayoutAccount read(Readable row) {
    return new PayoutAccount(
        row.get("organisation_id", UUID.class),
        row.get("stripe_account_id", String.class),
        row.get("charges_enabled", Boolean.class),
        row.get("payouts_enabled", Boolean.class),
        row.get("details_submitted", Boolean.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("version", Long.class));
  }
}
