package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventStreams;
import org.pingliang.techmarket.marketplace.outbox.TrimBoundary.EntryId;
import org.pingliang.techmarket.marketplace.outbox.TrimBoundary.GroupPosition;

/** Where a stream may be trimmed, as a pure function of its consumer groups and the clock. */
class TrimBoundaryTest {

  private static final long NOW = 1_800_000_000_000L;
  private static final Duration RETENTION = Duration.ofHours(1);
  private static final EntryId RETENTION_LIMIT = new EntryId(NOW - RETENTION.toMillis(), 0);

  private static EntryId id(long millis, long sequence) {
    return new EntryId(millis, sequence);
  }

  @Test
  void entry_ids_parse_print_and_order_by_millis_then_sequence() {
    assertThat(EntryId.parse("1700000000000-5")).isEqualTo(id(1_700_000_000_000L, 5));
    assertThat(EntryId.parse("42")).isEqualTo(id(42, 0));
    assertThat(id(1_700_000_000_000L, 5)).hasToString("1700000000000-5");
    assertThat(id(10, 9)).isLessThan(id(11, 0));
    assertThat(id(10, 2)).isLessThan(id(10, 10));
    // Sequences are unsigned 64-bit numbers in Redis.
    assertThat(EntryId.parse("10-18446744073709551615")).isGreaterThan(id(10, 1))
        .hasToString("10-18446744073709551615");
    assertThatThrownBy(() -> EntryId.parse("abc-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void without_groups_only_the_retention_window_limits_the_trim() {
    assertThat(TrimBoundary.keepFrom(List.of(), NOW, RETENTION)).contains(RETENTION_LIMIT);
  }

  @Test
  void a_group_that_has_acknowledged_everything_is_limited_by_what_it_was_delivered() {
    var group = new GroupPosition("a", id(NOW - 7_200_000, 3), null);
    assertThat(TrimBoundary.keepFrom(List.of(group), NOW, RETENTION)).contains(id(NOW - 7_200_000, 3));
  }

  @Test
  void the_oldest_pending_entry_of_any_group_is_kept() {
    var done = new GroupPosition("done", id(NOW - 7_000_000, 0), null);
    var pending = new GroupPosition("pending", id(NOW - 7_000_000, 0), id(NOW - 9_000_000, 1));
    assertThat(TrimBoundary.keepFrom(List.of(done, pending), NOW, RETENTION)).contains(id(NOW - 9_000_000, 1));
  }

  @Test
  void the_group_that_has_read_least_wins() {
    var ahead = new GroupPosition("ahead", id(NOW - 7_000_000, 0), null);
    var behind = new GroupPosition("behind", id(NOW - 8_000_000, 7), null);
    assertThat(TrimBoundary.keepFrom(List.of(ahead, behind), NOW, RETENTION)).contains(id(NOW - 8_000_000, 7));
    assertThat(TrimBoundary.boundary(List.of(ahead, behind), NOW, RETENTION).limitedBy()).isEqualTo("behind");
    assertThat(TrimBoundary.boundary(List.of(), NOW, RETENTION).limitedBy()).isNull();
  }

  @Test
  void groups_ahead_of_the_retention_window_leave_the_window_as_limit() {
    var group = new GroupPosition("a", id(NOW - 1_000, 0), id(NOW - 2_000, 0));
    assertThat(TrimBoundary.keepFrom(List.of(group), NOW, RETENTION)).contains(RETENTION_LIMIT);
  }

  @Test
  void nothing_goes_while_a_group_has_read_nothing_or_the_window_reaches_back_to_the_epoch() {
    var fresh = new GroupPosition("fresh", EntryId.ZERO, null);
    assertThat(TrimBoundary.keepFrom(List.of(fresh), NOW, RETENTION)).isEmpty();
    assertThat(TrimBoundary.keepFrom(List.of(), 1_000, RETENTION)).isEmpty();
  }

  @Test
  void the_job_trims_every_event_stream_and_nothing_else() throws IllegalAccessException {
    var constants = new java.util.ArrayList<String>();
    for (var field : EventStreams.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constants.add((String) field.get(null));
      }
    }
    assertThat(AggregateStreams.all()).containsExactlyInAnyOrderElementsOf(constants)
        .noneMatch(stream -> stream.endsWith(":parked"));
    assertThat(Arrays.asList(EventStreams.LISTINGS, EventStreams.DEALS, EventStreams.SERVICES))
        .isSubsetOf(AggregateStreams.all());
  }

  @Test
  void a_zero_trim_interval_or_negative_retention_is_refused() {
    assertThatThrownBy(() -> new EventStreamProperties(true, Duration.ZERO, Duration.ofMinutes(1), Duration.ofDays(7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trim-interval");
    assertThatThrownBy(() -> new EventStreamProperties(true, Duration.ofMinutes(10), Duration.ofMinutes(1),
        Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
  }
}
