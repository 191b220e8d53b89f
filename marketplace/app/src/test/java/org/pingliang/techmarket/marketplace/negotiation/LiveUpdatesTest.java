package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/** A participant connected to the room's event stream hears every change, through Redis pub/sub. */
class LiveUpdatesTest extends NegotiationApiTest {

  private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
      new ParameterizedTypeReference<>() {};

  @Test
  void a_member_hears_new_messages_offers_and_the_acceptance() {
    var room = room();
    var base = "/api/negotiations/" + room;
    var heard = new CopyOnWriteArrayList<ServerSentEvent<Map<String, Object>>>();
    var stream = as("enterprise2").get().uri(base + "/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
        .expectStatus().isOk()
        .returnResult(EVENT).getResponseBody()
        .filter(event -> event.event() != null)
        .subscribe(heard::add);
    try {
      // The subscription to Redis completes asynchronously: post until the first message is heard.
      var posted = new CopyOnWriteArrayList<Object>();
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
        posted.add(body(call(as("university"), HttpMethod.POST, base + "/messages", Map.of("body", "在吗？"))
            .expectStatus().isCreated()).get("id"));
        return heard.stream().anyMatch(event -> "MessagePosted".equals(event.event()));
      });
      var message = heard.stream().filter(event -> "MessagePosted".equals(event.event())).findFirst().orElseThrow();
      assertThat(posted).contains(message.data().get("subjectId"));
      assertThat(message.data().get("negotiationId")).isEqualTo(room.toString());
      assertThat(message.data()).doesNotContainKey("body");

      var offer = makeOffer("university", room, 8_000_000);
      call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/acceptance", null).expectStatus().isOk().expectBody().returnResult();
      await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(e -> "OfferAccepted".equals(e.event())));
      var types = heard.stream().map(ServerSentEvent::event).toList();
      assertThat(types.subList(types.indexOf("OfferMade"), types.size())).containsExactly("OfferMade", "OfferAccepted");
      var versions = heard.stream().map(event -> Long.parseLong(event.id())).toList();
      assertThat(versions).isSorted();
      assertThat(List.copyOf(versions)).doesNotHaveDuplicates();
    } finally {
      stream.dispose();
    }
  }
}
