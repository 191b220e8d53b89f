package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Turns "one row more than asked for" into a page and the cursor of the next one. */
public final class Pages {

  private Pages() {}

  /** {@code rows} must be fetched with a limit of {@code size + 1}. */
  public static <T> Mono<Page<T>> of(Flux<T> rows, int size, Function<T, Cursor> position) {
    return rows.collectList().map(list -> list.size() <= size
        ? new Page<>(list, null)
        : new Page<>(list.subList(0, size), position.apply(list.get(size - 1)).encode()));
  }

  public static Cursor decode(String cursor) {
    return cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
  }
}
