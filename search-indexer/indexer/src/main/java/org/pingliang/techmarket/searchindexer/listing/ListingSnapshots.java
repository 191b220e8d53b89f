package org.pingliang.techmarket.searchindexer.listing;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The database's listings, the source of truth, as marketplace serves them at
 * {@code GET /api/listing-snapshots}: every listing in id order with its version and the payload of
 * its latest event.
 */
interface ListingSnapshots {

  /** One page after {@code cursor} ({@code null}: the first); with or without payloads. */
  Mono<Page> page(String cursor, int size, boolean payload);

  /** A listing as the database holds it; {@code payload} is {@code null} when not asked for. */
  record Snapshot(String type, UUID id, long version, JsonNode payload) {

    ListingDocument document() {
      return ListingDocument.of(type, id, version, payload);
    }
  }

  record Page(List<Snapshot> items, String nextCursor) {}
}
