package org.pingliang.techmarket.marketplace.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Versions;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

class VersionsAndCursorsTest {

  @Test
  void if_match_is_read_strong_or_weak() {
    assertThat(Versions.expected("\"7\"", null)).isEqualTo(7L);
    assertThat(Versions.expected("W/\"7\"", null)).isEqualTo(7L);
    assertThat(Versions.expected(null, 3L)).isEqualTo(3L);
    assertThat(Versions.expected(null, null)).isNull();
  }

  @Test
  void header_and_body_must_agree() {
    assertThatThrownBy(() -> Versions.expected("\"7\"", 6L)).isInstanceOf(ApiProblem.class);
  }

  @Test
  void a_change_without_a_version_is_refused() {
    assertThatThrownBy(() -> Versions.required(null, null))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors().getFirst().field()).isEqualTo("version"));
  }

  @Test
  void a_cursor_reads_back_and_a_garbled_one_is_a_400() {
    var cursor = new Cursor(Instant.parse("2026-11-26T08:00:00.123456Z"), UUID.randomUUID());
    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThatThrownBy(() -> Cursor.decode("not-a-cursor"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
  }

  @Test
  void new_ids_are_version_7_and_ordered_by_time() {
    var first = Ids.newId();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(Ids.newId().getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(first.getMostSignificantBits() >>> 16);
  }
}
