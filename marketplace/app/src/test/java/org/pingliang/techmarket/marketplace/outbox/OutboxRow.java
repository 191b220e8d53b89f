package org.pingliang.techmarket.marketplace.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox_events row as tests inspect it. */
record OutboxRow(long sequence, UUID eventId, long aggregateVersion, String type, Instant publishedAt, int attempts,
    String lastError) {

  boolean published() {
    return publishedAt != null;
  }
}
