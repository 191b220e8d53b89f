package org.pingliang.techmarket.marketplace.commissioner;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Checks against the villages reference data. */
final class Villages {

  private Villages() {}

  /** Completes when every code is a known village; otherwise a 422 on {@code villageCodes}. */
  static Mono<Void> requireKnown(DatabaseClient database, List<String> codes) {
    if (codes.isEmpty()) {
      return Mono.empty();
    }
    return database.sql("SELECT count(*) AS n FROM villages WHERE code = ANY (:codes)")
        .bind("codes", codes.toArray(String[]::new)).map(row -> row.get("n", Long.class)).one()
        .flatMap(known -> known == codes.size() ? Mono.<Void>empty()
            : Mono.error(CommissionerProblems.invalid("villageCodes", "invalid-value")));
  }
}
