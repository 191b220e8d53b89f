package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.outbox.StreamTrimmer.StreamTrim;
import org.pingliang.techmarket.marketplace.outbox.TrimBoundary.EntryId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The stream trim on the real Redis, on throwaway streams ({@code test:trim:<uuid>}) so the app's
 * event streams are never touched. Entry ids are written explicitly ({@code <millis>-0}) two hours
 * (old) or one minute (young) in the past, with a retention of one hour, so ages are deterministic.
 * Most tests trim exactly ({@code MINID =}) to assert entry by entry; production trims with
 * {@code ~}, which one test covers.
 */
class StreamTrimTest extends ApiTest {

  private static final Duration RETENTION = Duration.ofHours(1);

  @Autowired
  StreamTrimmer trimmer;
  @Autowired
  StreamTrimJob job;
  @Autowired
  EventStreamProperties properties;
  @Autowired
  ReactiveStringRedisTemplate redis;
  @Autowired
  MeterRegistry meters;

  private final List<String> keys = new ArrayList<>();
  private final long now = System.currentTimeMillis();

  @AfterEach
  void delete_the_test_streams() {
    keys.forEach(key -> redis.delete(key).block());
  }

  private String newStream() {
    var key = "test:trim:" + UUID.randomUUID();
    keys.add(key);
    return key;
  }

  /** {@code count} entries appended two hours ago, one millisecond apart. */
  private List<String> addOld(String stream, int count) {
    return add(stream, now - Duration.ofHours(2).toMillis(), count);
  }

  /** {@code count} entries appended a minute ago, within the retention window. */
  private List<String> addYoung(String stream, int count) {
    return add(stream, now - Duration.ofMinutes(1).toMillis(), count);
  }

  private List<String> add(String stream, long fromMillis, int count) {
    return IntStream.range(0, count).mapToObj(i -> {
      var id = (fromMillis + i) + "-0";
      redis.opsForStream().add(StreamRecords.string(Map.of("n", Integer.toString(i)))
          .withStreamKey(stream).withId(RecordId.of(id))).block();
      return id;
    }).toList();
  }

  private void createGroup(String stream, String group) {
    redis.opsForStream().createGroup(stream, ReadOffset.from("0-0"), group).block();
  }

  /** Delivers the next {@code count} entries to the group (XREADGROUP >) without acknowledging them. */
  private List<String> read(String stream, String group, int count) {
    return redis.opsForStream()
        .read(Consumer.from(group, "c1"), StreamReadOptions.empty().count(count),
            StreamOffset.create(stream, ReadOffset.lastConsumed()))
        .map(MapRecord::getId).map(RecordId::getValue).collectList().block();
  }

  private void ack(String stream, String group, List<String> ids) {
    if (!ids.isEmpty()) {
      redis.opsForStream().acknowledge(stream, group, ids.toArray(String[]::new)).block();
    }
  }

  private void readAndAckAll(String stream, String group) {
    ack(stream, group, read(stream, group, 10_000));
  }

  private List<String> remaining(String stream) {
    return redis.opsForStream().range(stream, Range.unbounded())
        .map(MapRecord::getId).map(RecordId::getValue).collectList().block();
  }

  private StreamTrim trimExactly(String stream) {
    return trimmer.trim(stream, RETENTION, true).block();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    var all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  @Test
  void entries_acknowledged_by_every_group_and_older_than_the_retention_go() {
    var stream = newStream();
    var old = addOld(stream, 10);
    var young = addYoung(stream, 2);
    createGroup(stream, "indexer");
    createGroup(stream, "match-queue");
    readAndAckAll(stream, "indexer");
    readAndAckAll(stream, "match-queue");

    var trim = trimExactly(stream);

    assertThat(trim.removed()).isEqualTo(10);
    assertThat(remaining(stream)).containsExactlyElementsOf(young);
    assertThat(meters.find(StreamTrimmer.TRIMMED).tag("stream", stream).counter().count()).isEqualTo(10);
    assertThat(old).doesNotContainAnyElementsOf(remaining(stream));
  }

  @Test
  void an_entry_still_pending_in_one_group_is_kept_with_everything_after_it() {
    var stream = newStream();
    var old = addOld(stream, 10);
    createGroup(stream, "indexer");
    createGroup(stream, "match-queue");
    readAndAckAll(stream, "indexer");
    var delivered = read(stream, "match-queue", 100);
    // Entry 4 failed in the match queue: delivered, never acknowledged. 5..9 are acknowledged by both.
    ack(stream, "match-queue", delivered.stream().filter(id -> !id.equals(old.get(4))).toList());

    var trim = trimExactly(stream);

    assertThat(trim.removed()).isEqualTo(4);
    assertThat(trim.keptFrom()).isEqualTo(EntryId.parse(old.get(4)));
    assertThat(trim.limitedBy()).isEqualTo("match-queue");
    assertThat(remaining(stream)).containsExactlyElementsOf(old.subList(4, 10));
  }

  @Test
  void an_entry_delivered_to_one_group_but_not_yet_read_by_another_is_kept() {
    var stream = newStream();
    var old = addOld(stream, 10);
    createGroup(stream, "indexer");
    createGroup(stream, "match-queue");
    readAndAckAll(stream, "indexer");
    // The match queue is behind: it has read and acknowledged entries 0..5 only.
    ack(stream, "match-queue", read(stream, "match-queue", 6));

    trimExactly(stream);

    // Its last-delivered entry (5) stays as well: the trim never reaches the boundary itself.
    assertThat(remaining(stream)).containsExactlyElementsOf(old.subList(5, 10));
  }

  @Test
  void a_group_that_has_read_nothing_keeps_the_whole_stream() {
    var stream = newStream();
    var old = addOld(stream, 5);
    createGroup(stream, "indexer");
    createGroup(stream, "new-consumer");
    readAndAckAll(stream, "indexer");

    var trim = trimExactly(stream);

    assertThat(trim.removed()).isZero();
    assertThat(remaining(stream)).containsExactlyElementsOf(old);
  }

  @Test
  void entries_younger_than_the_retention_stay_even_when_acknowledged() {
    var stream = newStream();
    var young = addYoung(stream, 5);
    createGroup(stream, "indexer");
    readAndAckAll(stream, "indexer");

    var trim = trimExactly(stream);

    assertThat(trim.removed()).isZero();
    assertThat(remaining(stream)).containsExactlyElementsOf(young);
  }

  @Test
  void a_stream_without_groups_is_trimmed_by_the_retention_only() {
    var stream = newStream();
    addOld(stream, 7);
    var young = addYoung(stream, 3);

    var trim = trimExactly(stream);

    assertThat(trim.removed()).isEqualTo(7);
    assertThat(remaining(stream)).containsExactlyElementsOf(young);
  }

  @Test
  void a_missing_stream_is_no_error_and_is_not_created() {
    var stream = newStream();

    var trim = trimExactly(stream);

    assertThat(trim.removed()).isZero();
    assertThat(trim.skipped()).isEqualTo("no such stream");
    assertThat(redis.hasKey(stream).block()).isFalse();
  }

  @Test
  void one_broken_stream_does_not_stop_the_others_from_being_trimmed() {
    var broken = newStream();
    redis.opsForValue().set(broken, "not a stream").block();
    var missing = newStream();
    var stream = newStream();
    addOld(stream, 3);
    var young = addYoung(stream, 1);

    var trims = trimmer.trim(List.of(broken, missing, stream), RETENTION, true).collectList().block();

    assertThat(trims).extracting(StreamTrim::stream).containsExactly(missing, stream);
    assertThat(remaining(stream)).containsExactlyElementsOf(young);
    assertThat(meters.find(StreamTrimmer.FAILURES).tag("stream", broken).counter().count()).isEqualTo(1);
  }

  @Test
  void the_approximate_trim_of_production_never_removes_what_a_group_still_needs() {
    var stream = newStream();
    var old = addOld(stream, 500);
    createGroup(stream, "indexer");
    createGroup(stream, "match-queue");
    readAndAckAll(stream, "indexer");
    var delivered = read(stream, "match-queue", 1_000);
    ack(stream, "match-queue", delivered.stream().filter(id -> !id.equals(old.get(350))).toList());

    // At most 100 entries per XTRIM, so the run needs several rounds to get down to the pending entry.
    var trim = trimmer.trim(stream, RETENTION, false, 100).block();

    var remaining = remaining(stream);
    assertThat(remaining).containsAll(old.subList(350, 500));
    // Whole nodes (100 entries by default) below the pending entry went, more than one call's limit
    // (so it took several rounds), and nothing from the pending entry on.
    assertThat(trim.removed()).isGreaterThan(100).isLessThanOrEqualTo(350).isEqualTo(500 - remaining.size());
  }

  @Test
  void the_trim_script_gives_up_when_a_group_appeared_after_the_groups_were_read() {
    var stream = newStream();
    var old = addOld(stream, 5);
    // The caller saw no group; meanwhile a consumer created one to replay from the start.
    createGroup(stream, "replay");

    var removed = trimmer.xtrim(stream, EntryId.parse(old.get(4)), true, 100, 0).block();

    assertThat(removed).isEqualTo(-1);
    assertThat(remaining(stream)).containsExactlyElementsOf(old);
    assertThat(trimmer.xtrim(stream, EntryId.parse(old.get(4)), true, 100, 1).block()).isEqualTo(4);
  }

  @Test
  void a_job_run_trims_its_streams_approximately_and_records_their_lengths() {
    var acknowledged = newStream();
    addOld(acknowledged, 250);
    var young = addYoung(acknowledged, 5);
    createGroup(acknowledged, "indexer");
    readAndAckAll(acknowledged, "indexer");
    var missing = newStream();
    var registry = new SimpleMeterRegistry();
    var testJob = new StreamTrimJob(trimmer,
        new EventStreamProperties(true, Duration.ofMinutes(10), Duration.ZERO, RETENTION), registry,
        List.of(acknowledged, missing));
    assertThat(registry.get(StreamTrimJob.LENGTH).tag("stream", acknowledged).gauge().value()).isEqualTo(-1);

    testJob.runOnce().block();

    // Approximate: the two full nodes of 100 go, the rest of the old entries wait for more to join them.
    var left = remaining(acknowledged);
    assertThat(left).hasSizeBetween(young.size(), 255 - 200).containsAll(young);
    assertThat(registry.get(StreamTrimJob.LENGTH).tag("stream", acknowledged).gauge().value()).isEqualTo(left.size());
    assertThat(registry.get(StreamTrimJob.LENGTH).tag("stream", missing).gauge().value()).isZero();
  }

  @Test
  void the_job_runs_by_default_every_ten_minutes_keeping_seven_days() {
    assertThat(properties.trimEnabled()).isTrue();
    assertThat(properties.trimInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(properties.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(job.isRunning()).isTrue();
  }
}
