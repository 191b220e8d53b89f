package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The NDA (保密协议): once the holder requires it, the inquirer sees the room and the public listing
 * reference but not offer terms or confidential messages, and cannot bargain, until they acknowledge it.
 */
class NdaTest extends NegotiationApiTest {

  @Test
  void before_acknowledging_the_inquirer_sees_no_confidential_content() {
    var room = room();
    var base = "/api/negotiations/" + room;
    var required = body(call(as("university"), HttpMethod.POST, base + "/nda-requirement", null).expectStatus().isOk());
    assertThat(((Map<?, ?>) required.get("nda")).get("required")).isEqualTo(true);
    assertThat(((Map<?, ?>) required.get("nda")).get("requiredBy")).isEqualTo(UNIVERSITY);
    var offer = makeOffer("university", room, 25_000_000);
    call(as("university"), HttpMethod.POST, base + "/messages", Map.of("body", "核心工艺参数：雾培营养液配方 A-17",
        "confidential", true)).expectStatus().isCreated().expectBody().returnResult();
    call(as("university"), HttpMethod.POST, base + "/messages", Map.of("body", "欢迎洽谈")).expectStatus().isCreated().expectBody().returnResult();

    // The inquirer (buyer) sees that an offer exists, not its terms; the public listing reference stays.
    var view = body(as("enterprise").get().uri(base).exchange().expectStatus().isOk());
    var open = (Map<?, ?>) view.get("openOffer");
    assertThat(open.get("redacted")).isEqualTo(true);
    assertThat(open.get("price")).isNull();
    assertThat(open.get("milestones")).isNull();
    assertThat(open.get("scope")).isNull();
    assertThat(((Map<?, ?>) view.get("listing")).get("title")).isEqualTo("马铃薯脱毒种薯快繁技术");
    var single = body(as("enterprise2").get().uri(base + "/offers/" + offer).exchange().expectStatus().isOk());
    assertThat(single.get("price")).isNull();
    var messages = (List<?>) body(as("enterprise").get().uri(base + "/messages").exchange().expectStatus().isOk())
        .get("items");
    assertThat(values(Map.of("items", messages), "body")).containsExactly("欢迎洽谈", (Object) null);
    assertThat(values(Map.of("items", messages), "redacted")).containsExactly(false, true);
    // The holder sees everything.
    var holderView = body(as("university").get().uri(base).exchange().expectStatus().isOk());
    assertThat(((Map<?, ?>) holderView.get("openOffer")).get("price")).isNotNull();

    // No bargaining before the acknowledgement; the holder cannot acknowledge for the inquirer.
    problem(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/acceptance", null), 409, "conflict");
    problem(call(as("enterprise"), HttpMethod.POST, base + "/offers", offer(20_000_000)), 409, "conflict");
    problem(call(as("university"), HttpMethod.POST, base + "/nda-acknowledgement", null), 409, "conflict");
    problem(call(as("enterprise2"), HttpMethod.POST, base + "/nda-acknowledgement", null), 403, "forbidden");

    var acknowledged = body(call(as("enterprise"), HttpMethod.POST, base + "/nda-acknowledgement", null)
        .expectStatus().isOk());
    assertThat(((Map<?, ?>) acknowledged.get("nda")).get("acknowledgedBy")).isEqualTo(ENTERPRISE);
    assertThat(((Map<?, ?>) acknowledged.get("openOffer")).get("price"))
        .isEqualTo(Map.of("amountFen", 25_000_000, "currency", "CNY"));
    var version = acknowledged.get("version");
    // Acknowledging again changes nothing.
    assertThat(body(call(as("enterprise"), HttpMethod.POST, base + "/nda-acknowledgement", null).expectStatus().isOk())
        .get("version")).isEqualTo(version);
    var revealed = body(as("enterprise").get().uri(base + "/messages").exchange().expectStatus().isOk());
    assertThat(values(revealed, "body")).containsExactly("欢迎洽谈", "核心工艺参数：雾培营养液配方 A-17");
    call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/acceptance", null).expectStatus().isOk().expectBody().returnResult();
  }

  @Test
  void only_the_holder_requires_and_only_when_needed() {
    var room = room();
    var base = "/api/negotiations/" + room;
    problem(call(as("enterprise"), HttpMethod.POST, base + "/nda-requirement", null), 409, "conflict");
    problem(call(as("enterprise"), HttpMethod.POST, base + "/nda-acknowledgement", null), 409, "conflict");
    call(as("university"), HttpMethod.POST, base + "/nda-requirement", null).expectStatus().isOk().expectBody().returnResult();
    var version = body(as("university").get().uri(base).exchange()).get("version");
    assertThat(body(call(as("university"), HttpMethod.POST, base + "/nda-requirement", null).expectStatus().isOk())
        .get("version")).isEqualTo(version);
    call(as("enterprise"), HttpMethod.POST, base + "/nda-acknowledgement", null).expectStatus().isOk().expectBody().returnResult();
    problem(call(as("university"), HttpMethod.POST, base + "/nda-requirement", null), 409, "conflict");
  }
}
