package org.pingliang.techmarket.marketplace.listing.snapshot;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The search indexer's view of the database, the source of truth: every listing (any status) with
 * its version and the payload of its latest event, paged by an opaque cursor. The indexer rebuilds
 * its index and reconciles it against this.
 */
@RestController
@Tag(name = "listing-snapshots", description = "Listing snapshots for the search indexer (machine clients only)")
class ListingSnapshotsController {

  static final int DEFAULT_SIZE = 500;
  static final int MAX_SIZE = 1000;

  private final ListingSnapshotStore store;

  ListingSnapshotsController(ListingSnapshotStore store) {
    this.store = store;
  }

  @GetMapping("/api/listing-snapshots")
  @Operation(summary = "Every listing (achievements, packages, demands; any status) in id order with its version and, "
      + "unless payload=false, the payload its latest event carried. Cursor-paged (size 1–1000, default 500). "
      + "Roles: SERVICE. Errors: 400, 401, 403.")
  Mono<Page<ListingSnapshot>> page(@RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false, defaultValue = "true") boolean payload) {
    var limit = size == null ? DEFAULT_SIZE : size;
    if (limit < 1 || limit > MAX_SIZE) {
      return Mono.error(ListingProblems.invalid("size", "size"));
    }
    UUID after;
    try {
      after = cursor == null || cursor.isBlank() ? ListingSnapshotStore.BEFORE_ALL : decode(cursor);
    } catch (ApiProblem malformed) {
      return Mono.error(malformed);
    }
    return store.after(after, limit, payload).collectList()
        .map(items -> new Page<>(items, items.size() < limit ? null : encode(items.getLast().id())));
  }

  static String encode(UUID id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("s|" + id).getBytes(StandardCharsets.UTF_8));
  }

  static UUID decode(String cursor) {
    try {
      var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!raw.startsWith("s|")) {
        throw new IllegalArgumentException("not a snapshot cursor");
      }
      return UUID.fromString(raw.substring(2));
    } catch (RuntimeException e) {
      throw new ApiProblem(ProblemType.MALFORMED_REQUEST,
          List.of(new FieldError("cursor", "malformed", "problem.field.invalid-value")), "problem.invalid-parameter.detail");
    }
  }
}
