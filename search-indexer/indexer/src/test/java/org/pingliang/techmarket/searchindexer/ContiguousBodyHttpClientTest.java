package org.pingliang.techmarket.searchindexer;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.transport.http.TransportHttpClient.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContiguousBodyHttpClientTest {

  @Test
  void a_body_of_many_buffers_goes_out_as_one_with_the_same_bytes_in_order() {
    var lines = List.of(utf8("{\"index\":{\"_id\":\"1\"}}"), utf8("\n"), utf8("{\"title\":\"马铃薯\"}"), utf8("\n"));
    var request = new Request("POST", "/listings/_bulk", Map.of("refresh", "false"), Map.of(), lines);

    var joined = ContiguousBodyHttpClient.contiguous(request);

    assertThat(joined.body()).singleElement().satisfies(body ->
        assertThat(StandardCharsets.UTF_8.decode(body.duplicate()).toString())
            .isEqualTo("{\"index\":{\"_id\":\"1\"}}\n{\"title\":\"马铃薯\"}\n"));
    assertThat(joined.path()).isEqualTo("/listings/_bulk");
    assertThat(joined.queryParams()).containsEntry("refresh", "false");
    // The parts are read, not consumed: the original request could still be sent again.
    assertThat(lines.getFirst().remaining()).isPositive();
  }

  @Test
  void a_body_of_one_buffer_and_a_request_without_body_are_left_as_they_are() {
    var single = new Request("POST", "/_search", Map.of(), Map.of(), List.of(utf8("{}")));
    var none = new Request("GET", "/", Map.of(), Map.of(), null);

    assertThat(ContiguousBodyHttpClient.contiguous(single)).isSameAs(single);
    assertThat(ContiguousBodyHttpClient.contiguous(none)).isSameAs(none);
  }

  private static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
