package org.pingliang.techmarket.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

  private final EventEnvelope published = new EventEnvelope(
      UUID.randomUUID(), "AchievementPublished", "Achievement", UUID.randomUUID(), 3,
      Instant.parse("2026-11-26T08:00:00Z"), 1, "{\"title\":\"马铃薯脱毒种薯\"}");

  @Test
  void a_stream_entry_reads_back_as_the_same_event() {
    assertThat(EventEnvelope.fromStreamFields(published.toStreamFields())).isEqualTo(published);
  }

  @Test
  void an_entry_without_a_version_is_rejected_naming_the_field() {
    var fields = new HashMap<>(published.toStreamFields());
    fields.remove("aggregateVersion");

    assertThatThrownBy(() -> EventEnvelope.fromStreamFields(fields))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregateVersion");
  }

  @Test
  void an_entry_with_a_garbled_version_is_rejected_as_malformed() {
    var fields = new HashMap<>(published.toStreamFields());
    fields.put("aggregateVersion", "three");

    assertThatThrownBy(() -> EventEnvelope.fromStreamFields(fields))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void a_negative_version_cannot_be_built() {
    assertThatThrownBy(() -> new EventEnvelope(UUID.randomUUID(), "DemandOpened", "Demand",
        UUID.randomUUID(), -1, Instant.now(), 1, "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
