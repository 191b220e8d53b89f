package org.pingliang.techmarket.marketplace.outbox;

import java.time.Instant;
import org.pingliang.techmarket.events.EventEnvelope;

/** An outbox row the relay has yet to publish: where it goes, what it says, since when it waits. */
record PendingEvent(long sequence, String stream, EventEnvelope envelope, Instant createdAt) {}
