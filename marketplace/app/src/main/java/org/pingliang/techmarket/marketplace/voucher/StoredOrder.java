package org.pingliang.techmarket.marketplace.voucher;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;

/** A checkout order as stored; {@code voucherFen} is what vouchers cover now. */
record StoredOrder(
    UUID id,
    String purpose,
    UUID referenceId,
    UUID buyerOrganisationId,
    UUID providerOrganisationId,
    long amountFen,
    long voucherFen,
    String currency,
    String description,
    String status,
    String requestedBy,
    Instant paidAt,
    Instant createdAt,
    long version) {

  static final String OPEN = "OPEN";
  static final String PAID = "PAID";
  static final String CANCELLED = "CANCELLED";

  long dueFen() {
    return amountFen - voucherFen;
  }

  static StoredOrder read(Readable row) {
    return new StoredOrder(row.get("id", UUID.class), row.get("purpose", String.class),
        row.get("reference_id", UUID.class), row.get("buyer_organisation_id", UUID.class),
        row.get("provider_organisation_id", UUID.class), row.get("amount_fen", Long.class),
        row.get("voucher_fen", Long.class), row.get("currency", String.class), row.get("description", String.class),
        row.get("status", String.class), row.get("requested_by", String.class), row.get("paid_at", Instant.class),
        row.get("created_at", Instant.class), row.get("version", Long.class));
  }
}
