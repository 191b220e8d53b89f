package org.pingliang.techmarket.marketplace.outbox;

import java.time.Instant;

/** Unpublished events: how many, and when the oldest was appended ({@code null} when none). */
record Backlog(long size, Instant oldestCreatedAt) {

  static final Backlog EMPTY = new Backlog(0, null);
}
