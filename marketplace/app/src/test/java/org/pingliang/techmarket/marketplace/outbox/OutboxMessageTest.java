package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

  private final UUID id = UUID.randomUUID();

  @Test
  void an_event_without_a_time_occurs_when_appended() {
    assertThat(new OutboxMessage("Demand", id, 0, "DemandOpened", Map.of()).occurredAt()).isNull();
  }

  @Test
  void a_blank_type_is_refused_naming_the_field() {
    assertThatThrownBy(() -> new OutboxMessage("Demand", id, 1, " ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
  }

  @Test
  void a_negative_version_is_refused() {
    assertThatThrownBy(() -> new OutboxMessage("Demand", id, -1, "DemandOpened", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggregateVersion");
  }

  @Test
  void an_event_needs_an_aggregate_and_a_payload() {
    assertThatThrownBy(() -> new OutboxMessage("Demand", null, 1, "DemandOpened", Map.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new OutboxMessage("Demand", id, 1, "DemandOpened", null))
        .isInstanceOf(NullPointerException.class);
  }
}
