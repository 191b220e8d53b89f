package org.pingliang.techmarket.searchindexer.listing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for marketplace's {@code /api/listing-snapshots} (marketplace itself is tested against
 * the real database in its own module, and the real pair runs in search-indexer/system-tests):
 * listings in id order, paged like the real endpoint.
 */
final class InMemoryListingSnapshots implements ListingSnapshots {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConcurrentSkipListMap<UUID, ListingSnapshots.Snapshot> listings =
      new ConcurrentSkipListMap<>(Comparator.comparing(UUID::toString));
  private volatile Function<Integer, Mono<Void>> afterPage = page -> Mono.empty();
  private int pagesServed;

  /** Puts (or replaces) a listing as the database would hold it. */
  InMemoryListingSnapshots put(String type, UUID id, long version, String payloadJson) {
    listings.put(id, new Snapshot(type, id, version, JSON.readTree(payloadJson)));
    return this;
  }

  /** Something to do after the n-th page (0-based) was read, before the caller gets it. */
  void afterPage(Function<Integer, Mono<Void>> action) {
    this.afterPage = action;
  }

  @Override
  public Mono<Page> page(String cursor, int size, boolean payload) {
    return Mono.defer(() -> {
      var from = cursor == null ? listings.values() : listings.tailMap(UUID.fromString(cursor), false).values();
      var items = new ArrayList<Snapshot>();
      for (var snapshot : from) {
        if (items.size() == size) {
          break;
        }
        items.add(payload ? snapshot : new Snapshot(snapshot.type(), snapshot.id(), snapshot.version(), null));
      }
      var next = items.size() < size ? null : items.getLast().id().toString();
      int served;
      synchronized (this) {
        served = pagesServed++;
      }
      return afterPage.apply(served).thenReturn(new Page(List.copyOf(items), next));
    });
  }
}
