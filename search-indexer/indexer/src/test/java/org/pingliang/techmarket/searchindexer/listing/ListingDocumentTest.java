package org.pingliang.techmarket.searchindexer.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;

/** How event payloads become index documents, and which listings are public. */
class ListingDocumentTest {

  @Test
  void a_demand_stays_visible_until_it_is_closed() {
    assertThat(document("Demand", "{\"status\":\"SOLVED\"}").source()).containsEntry("visible", true);
    assertThat(document("Demand", "{\"status\":\"CLOSED\"}").source()).containsEntry("visible", false);
  }

  @Test
  void achievements_and_packages_are_visible_only_when_published() {
    assertThat(document("Achievement", "{\"status\":\"SUBMITTED\"}").source()).containsEntry("visible", false);
    assertThat(document("AchievementPackage", "{\"status\":\"PUBLISHED\"}").source())
        .containsEntry("visible", true).containsEntry("type", "PACKAGE");
  }

  @Test
  void a_package_lists_the_ids_of_its_achievements_and_leaves_absent_fields_out() {
    var source = document("AchievementPackage", """
        {"status":"PUBLISHED","title":"静宁苹果产业包","theme":"果业","description":null,
         "achievements":[{"id":"a1"},{"id":"a2"}]}""").source();
    assertThat(source).containsEntry("achievementIds", List.of("a1", "a2"))
        .containsEntry("theme", "果业").doesNotContainKey("description");
  }

  @Test
  void the_document_carries_the_event_version_not_the_payload_version() {
    var event = new EventEnvelope(UUID.randomUUID(), "DemandOpened", "Demand", UUID.randomUUID(), 7,
        Instant.now(), 1, "{\"status\":\"OPEN\",\"version\":3}");
    assertThat(ListingDocument.of(event).version()).isEqualTo(7);
    assertThat(ListingDocument.of(event).source()).containsEntry("version", 7L);
  }

  @Test
  void an_unknown_aggregate_or_a_payload_that_is_not_json_is_malformed() {
    assertThatIllegalArgumentException().isThrownBy(() -> document("Contract", "{\"status\":\"OPEN\"}"));
    assertThatIllegalArgumentException().isThrownBy(() -> document("Demand", "not json"));
    assertThatIllegalArgumentException().isThrownBy(() -> document("Demand", "[1]"));
  }

  private static ListingDocument document(String aggregateType, String payload) {
    return ListingDocument.of(new EventEnvelope(UUID.randomUUID(), "Changed", aggregateType, UUID.randomUUID(), 1,
        Instant.now(), 1, payload));
  }
}
